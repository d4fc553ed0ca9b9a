import { booleanKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isSetString, Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { domainTypes, requiredLogTypes } from "./facts";

const field = "logPublishingOptions";

function published(props: Props, required: readonly string[]): Outcome[] {
    const fix = `add ${field} entries for ${required.join(", ")}, each with cloudwatchLogGroupArn (an aws.cloudwatch.LogGroup with a resource policy for es.amazonaws.com)`;
    const { elements, outcomes } = elementsOf(props, { field, fix });
    const on = new Set<string>();
    let unsure = outcomes.some(o => o.kind === "undecided");
    for (const e of elements) {
        const type = valueOf(e.props.string("logType"), { path: `${e.path}.logType`, expected: "a string", fix, absent: undefined });
        const enabled = valueOf(e.props.boolean("enabled"), { path: `${e.path}.enabled`, expected: "a boolean", fix, absent: true });
        if (isOutcome(type) || isOutcome(enabled)) {
            for (const o of [type, enabled]) {
                if (!isOutcome(o)) continue;
                if (o.kind === "undecided") unsure = true;
                else outcomes.push(o);
            }
            continue;
        }
        if (type !== undefined && enabled && isSetString(e.props.string("cloudwatchLogGroupArn"))) on.add(type.trim().toUpperCase());
    }
    const violations = outcomes.filter(o => o.kind === "violation");
    if (violations.length > 0) return violations;
    const missing = required.filter(t => !on.has(t));
    if (missing.length === 0) return [pass];
    if (unsure) return [undecided(field)];
    return [violation({ code: elements.length === 0 ? "notSet" : "missingLogs", field, problem: `${field} does not publish ${missing.join(", ")} to CloudWatch Logs`, fix })];
}

export default defineResourcePolicy({
    name: "aws-opensearch-cloudwatch-logs",
    description: "OpenSearch and Elasticsearch domains publish their error (application) and slow logs, and optionally audit logs, to CloudWatch Logs.",
    severity: "medium",
    types: domainTypes,
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1270.09ad1"],
    tags: ["aws", "opensearch", "elasticsearch", "logging"],
    anchors: { awsConfig: ["opensearch-logs-to-cloudwatch", "elasticsearch-logs-to-cloudwatch"], checkov: ["CKV_AWS_84"] },
    remediation:
        "Add `logPublishingOptions` entries on the `aws.opensearch.Domain` or `aws.elasticsearch.Domain` for `ES_APPLICATION_LOGS`, `SEARCH_SLOW_LOGS` and " +
        "`INDEX_SLOW_LOGS` (and `AUDIT_LOGS` with `requireAuditLogs`, which needs fine-grained access control), each with a `cloudwatchLogGroupArn` and " +
        "`enabled` left true; the log groups need an `aws.cloudwatch.LogResourcePolicy` that lets es.amazonaws.com write to them.",
    knobs: {
        requireAuditLogs: booleanKnob({ default: false, description: "Also require AUDIT_LOGS (needs fine-grained access control on the domain)." }),
    },
    check: (r, config) => published(r.props, config.requireAuditLogs ? [...requiredLogTypes, "AUDIT_LOGS"] : requiredLogTypes),
    noAutoRemediation: "publishing logs needs log groups and a resource policy, and is billed as CloudWatch Logs ingestion",
});
