import { retentionRationale } from "../../lib/catalog";
import { isOutcome } from "../../lib/outcome";
import { about, concerning, defineStackPolicy, ReferenceTarget, referenced, StackOutcome } from "../../lib/stack";
import { encryptionOutcome, logGroup, minimumRetentionDaysKnob, retentionOutcome } from "../cloudwatch/facts";
import { trail } from "./facts";

/** CloudTrail requires the log stream wildcard (":*") on the ARN; the LogGroup's `arn` output drops it. */
const logGroupTarget: ReferenceTarget = { types: [logGroup], keys: ["arn"], normalize: arn => arn.replace(/:\*$/, "") };

export default defineStackPolicy({
    name: "aws-cloudtrail-log-group-retention",
    description: "The CloudWatch Logs log group a CloudTrail trail delivers to keeps events for six years and encrypts them with KMS.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)", "164.312(a)(2)(iv)"],
    hitrust: ["1202.09aa1", "1207.09aa2"],
    tags: ["aws", "cloudtrail", "cloudwatch", "logging", "retention", "encryption", "stack"],
    remediation:
        "On the `aws.cloudwatch.LogGroup` the trail's `cloudWatchLogsGroupArn` points at, set `retentionInDays` to at least " +
        "`minimumRetentionDays` (default 2192, six years) or omit it to keep events forever, and set `kmsKeyId` to a customer-managed " +
        "`aws.kms.Key` ARN. Configure this policy separately from `aws-cloudwatch-log-retention` to hold audit logs to a longer " +
        "period than application logs.\n" +
        retentionRationale,
    knobs: { minimumRetentionDays: minimumRetentionDaysKnob },
    check: (t, stack, config): StackOutcome => {
        const group = referenced(stack, t, { field: "cloudWatchLogsGroupArn", target: logGroupTarget, what: "CloudWatch Logs log group" });
        if (isOutcome(group)) return group;
        const prefix = { prefix: "this log group receives CloudTrail events and " };
        return about(group, [concerning(retentionOutcome(group.props, config.minimumRetentionDays), prefix), concerning(encryptionOutcome(group.props), prefix)]);
    },
});
