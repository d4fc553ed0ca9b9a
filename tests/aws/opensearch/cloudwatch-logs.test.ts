import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { elasticsearchDomain, opensearchDomain } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "logPublishingOptions";
const arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/phi";
const entry = (logType: string, more: Record<string, unknown> = {}) => ({ logType, cloudwatchLogGroupArn: arn, ...more });
const three = [entry("ES_APPLICATION_LOGS"), entry("SEARCH_SLOW_LOGS"), entry("INDEX_SLOW_LOGS")];
const audit = { requireAuditLogs: true };

policyCases("aws-opensearch-cloudwatch-logs", [
    passes(opensearchDomain()),
    passes(elasticsearchDomain()),
    violates(opensearchDomain({ [field]: undefined }), { code: "notSet", field }),
    violates(opensearchDomain({ [field]: [entry("ES_APPLICATION_LOGS")] }), { code: "missingLogs", field }),
    violates(opensearchDomain({ [field]: [entry("ES_APPLICATION_LOGS", { enabled: false }), entry("SEARCH_SLOW_LOGS"), entry("INDEX_SLOW_LOGS")] }), { code: "missingLogs", field }),
    violates(elasticsearchDomain({ [field]: [entry("ES_APPLICATION_LOGS", { cloudwatchLogGroupArn: "" }), entry("SEARCH_SLOW_LOGS"), entry("INDEX_SLOW_LOGS")] }), { code: "missingLogs", field }),
    violates(opensearchDomain({ [field]: "ES_APPLICATION_LOGS" }), { code: "wrongType", field }),
    violates(opensearchDomain({ [field]: [...three.slice(1), entry("ES_APPLICATION_LOGS", { enabled: "yes" })] }), { code: "wrongType", field: `${field}[2].enabled` }),
    passes(opensearchDomain({ [field]: [...three, entry("ES_APPLICATION_LOGS", { cloudwatchLogGroupArn: unknown })] })),
    passes(opensearchDomain({ [field]: three.map(e => ({ ...e, cloudwatchLogGroupArn: unknown })) })),
    undecided(opensearchDomain({ [field]: unknown }), field),
    undecided(opensearchDomain({ [field]: [entry("ES_APPLICATION_LOGS"), entry("SEARCH_SLOW_LOGS"), entry("INDEX_SLOW_LOGS", { enabled: unknown })] }), field),
    undecided(opensearchDomain({ [field]: [entry("ES_APPLICATION_LOGS"), entry("SEARCH_SLOW_LOGS"), { logType: unknown, cloudwatchLogGroupArn: arn }] }), field),
    // requireAuditLogs
    violates(opensearchDomain(), { code: "missingLogs", field }, audit),
    passes(opensearchDomain({ [field]: [...three, entry("AUDIT_LOGS")] }), audit),
    // Outputs-shaped: every field filled in.
    passes(opensearchDomain({ [field]: three.map(e => ({ ...e, enabled: true })) })),
    garbage(opensearchDomain({ [field]: [null, 5, { logType: secret("SECRET"), cloudwatchLogGroupArn: { SECRET: 1 } }] })),
    remediates(opensearchDomain({ [field]: undefined }), "nothing"),
]);
