// Every policy the pack ships, in the order the docs list them. Kept apart from index.ts so that
// docs, reports and tests can read the definitions without starting the analyzer server.

import { elasticachePolicies } from "./aws/elasticache";
import { HipaaPolicy } from "./lib/policy";

export const allPolicies: readonly HipaaPolicy[] = [...elasticachePolicies];
