// Cloud Load Balancing: backend services log requests; HTTPS and SSL proxies use a strong SSL policy.

import backendLogging from "./backend-logging";
import sslPolicy from "./ssl-policy";

export const policies = [backendLogging];

export const stackPolicies = [sslPolicy];
