// Every policy the pack ships, in the order the docs list them. Kept apart from index.ts so that
// docs, reports and tests can read the definitions without starting the analyzer server.

import { cloudtrailPolicies, cloudtrailStackPolicies } from "./aws/cloudtrail";
import { cloudwatchPolicies } from "./aws/cloudwatch";
import { elasticachePolicies } from "./aws/elasticache";
import { awsKmsPolicies } from "./aws/kms";
import { vpcStackPolicies } from "./aws/vpc";
import { computePolicies } from "./gcp/compute";
import { kmsPolicies } from "./gcp/kms";
import { loggingPolicies } from "./gcp/logging";
import { redisPolicies } from "./gcp/redis";
import { HipaaPolicy } from "./lib/policy";
import { HipaaStackPolicy } from "./lib/stack";

export const allPolicies: readonly (HipaaPolicy | HipaaStackPolicy)[] = [...elasticachePolicies, ...cloudwatchPolicies, ...cloudtrailPolicies, ...awsKmsPolicies, ...cloudtrailStackPolicies, ...vpcStackPolicies, ...computePolicies, ...redisPolicies, ...loggingPolicies, ...kmsPolicies];
