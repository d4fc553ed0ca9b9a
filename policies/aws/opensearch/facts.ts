// What the pack knows about OpenSearch Service domains. The service still offers the older
// aws.elasticsearch.Domain beside aws.opensearch.Domain; both have the same blocks and defaults, so
// each policy checks both types.

import { awsTypes, booleanAttribute, cloudFact, stringAttribute } from "../../lib/facts";

export const opensearchDomain = "aws:opensearch/domain:Domain";
export const elasticsearchDomain = "aws:elasticsearch/domain:Domain";
export const domainTypes = [opensearchDomain, elasticsearchDomain];

const source = awsTypes("types/input opensearch.Domain*") + "; " + awsTypes("types/input elasticsearch.Domain*");

export const encryptAtRestEnabled = booleanAttribute({ types: domainTypes, block: "encryptAtRest", field: "enabled", default: false, source });
export const nodeToNodeEnabled = booleanAttribute({ types: domainTypes, block: "nodeToNodeEncryption", field: "enabled", default: false, source });
export const enforceHttps = booleanAttribute({ types: domainTypes, block: "domainEndpointOptions", field: "enforceHttps", default: true, source });
export const tlsPolicies = ["Policy-Min-TLS-1-0-2019-07", "Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"];
export const tlsSecurityPolicy = stringAttribute({ types: domainTypes, block: "domainEndpointOptions", field: "tlsSecurityPolicy", values: tlsPolicies, source: source + "; Amazon OpenSearch Service API Reference: DomainEndpointOptions" });
export const tls12Policies = tlsPolicies.filter(p => p.startsWith("Policy-Min-TLS-1-2"));

cloudFact(
    {
        about: "aws.opensearch.Domain, aws.elasticsearch.Domain domainEndpointOptions",
        says: "enforceHttps defaults to true only inside the block; without the block the pack treats HTTPS as not enforced, and an omitted tlsSecurityPolicy as not known to be TLS 1.2 (the API reference names no default)",
        source: source + "; Amazon OpenSearch Service API Reference: DomainEndpointOptions",
    },
    { enforceHttps: false },
);

export const logTypes = cloudFact(
    {
        about: "aws.opensearch.Domain, aws.elasticsearch.Domain logPublishingOptions[]",
        says: "logType one of INDEX_SLOW_LOGS, SEARCH_SLOW_LOGS, ES_APPLICATION_LOGS, AUDIT_LOGS; enabled defaults to true; each needs a cloudwatchLogGroupArn",
        source,
    },
    ["INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "ES_APPLICATION_LOGS", "AUDIT_LOGS"],
);
/** What AWS Config's opensearch-logs-to-cloudwatch checks by default (logTypes "search, index, error"). */
export const requiredLogTypes = ["SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS", "ES_APPLICATION_LOGS"];
