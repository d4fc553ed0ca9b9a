// Every policy the pack ships, in the order the docs list them. Kept apart from index.ts so that
// docs, reports and tests can read the definitions without starting the analyzer server. A test
// (tests/registry.test.ts) fails when a policy defined under policies/ is missing here.

import * as cloudtrail from "./aws/cloudtrail";
import * as cloudwatch from "./aws/cloudwatch";
import * as dms from "./aws/dms";
import * as dynamodb from "./aws/dynamodb";
import * as elasticache from "./aws/elasticache";
import * as kinesis from "./aws/kinesis";
import * as awsKms from "./aws/kms";
import * as opensearch from "./aws/opensearch";
import * as rds from "./aws/rds";
import * as redshift from "./aws/redshift";
import * as sagemaker from "./aws/sagemaker";
import * as secretsmanager from "./aws/secretsmanager";
import * as sns from "./aws/sns";
import * as vpc from "./aws/vpc";
import * as compute from "./gcp/compute";
import * as gcpKms from "./gcp/kms";
import * as logging from "./gcp/logging";
import * as redis from "./gcp/redis";
import { HipaaPolicy } from "./lib/policy";
import { HipaaStackPolicy } from "./lib/stack";

export const allPolicies: readonly (HipaaPolicy | HipaaStackPolicy)[] = [
    ...elasticache.policies,
    ...cloudwatch.policies,
    ...cloudtrail.policies,
    ...awsKms.policies,
    ...cloudtrail.stackPolicies,
    ...vpc.stackPolicies,
    ...rds.stackPolicies,
    ...redshift.stackPolicies,
    ...secretsmanager.stackPolicies,
    ...dynamodb.stackPolicies,
    ...rds.policies,
    ...dynamodb.policies,
    ...kinesis.policies,
    ...dms.policies,
    ...sns.policies,
    ...secretsmanager.policies,
    ...sagemaker.policies,
    ...opensearch.policies,
    ...redshift.policies,
    ...compute.policies,
    ...redis.policies,
    ...logging.policies,
    ...gcpKms.policies,
];
