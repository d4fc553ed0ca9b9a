// API Gateway controls: REST stages authenticate to their backends with a client certificate, log
// execution (through MethodSettings; WebSocket stages through their route settings), and sit
// behind an AWS WAF web ACL.

import clientCertificate from "./client-certificate";
import executionLogging from "./execution-logging";
import waf from "./waf";

export const policies = [clientCertificate];
export const stackPolicies = [executionLogging, waf];
