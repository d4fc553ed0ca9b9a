// OpenSearch Service controls, each on aws.opensearch.Domain and the older aws.elasticsearch.Domain:
// encryption at rest and between nodes, HTTPS with TLS 1.2, VPC endpoints and CloudWatch logs.

import cloudwatchLogs from "./cloudwatch-logs";
import encryptionAtRest from "./encryption-at-rest";
import httpsRequired from "./https-required";
import inVpc from "./in-vpc";
import nodeToNodeEncryption from "./node-to-node-encryption";

export const policies = [encryptionAtRest, nodeToNodeEncryption, httpsRequired, inVpc, cloudwatchLogs];
