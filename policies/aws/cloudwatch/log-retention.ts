import { retentionRationale } from "../../lib/catalog";
import { defineResourcePolicy } from "../../lib/policy";
import { logGroup, minimumRetentionDaysKnob, retentionOutcome, retentionPatch } from "./facts";

export default defineResourcePolicy({
    name: "aws-cloudwatch-log-retention",
    description: "CloudWatch Logs log groups keep events for at least six years (or forever).",
    severity: "high",
    types: [logGroup],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1207.09aa2"],
    tags: ["aws", "cloudwatch", "logging", "retention"],
    anchors: { checkov: ["CKV_AWS_338"] },
    remediation:
        "Set `retentionInDays` on the `aws.cloudwatch.LogGroup` to at least `minimumRetentionDays` (default 2192, the smallest period " +
        "CloudWatch Logs accepts that covers six years), or omit it (or set 0) to keep events forever.\n" +
        "CloudWatch Logs accepts only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 " +
        "and 3653 days: 2190 is rejected.\n" +
        "Do not use `logGroupClass: \"DELIVERY\"` for audit logs: it keeps events for two days.\n" +
        retentionRationale,
    knobs: { minimumRetentionDays: minimumRetentionDaysKnob },
    check: (r, config) => retentionOutcome(r.props, config.minimumRetentionDays),
    remediate: (r, config) => retentionPatch(r.props, config.minimumRetentionDays),
});
