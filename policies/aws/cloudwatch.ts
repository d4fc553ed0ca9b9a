// CloudWatch Logs controls from the HIPAA monitoring playbook (seed 002): log groups keep events
// for six years and encrypt them with a customer-managed KMS key.
//
// The retention and encryption checks are exported: the CloudTrail stack policy applies them to
// the log group a trail delivers to.

import { Knob } from "../lib/knobs";
import { Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { describeWrongType, Props } from "../lib/props";
import { mustBeSet, numberAtLeast, Patch } from "../lib/rules";

export const logGroup = "aws:cloudwatch/logGroup:LogGroup";

/** The retention periods CloudWatch Logs accepts (the LogGroup d.ts doc comment for retentionInDays); 0 means never expire. */
export const acceptedRetentionDays: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

// Six years is 2191.5 days; 2192 is the smallest accepted period that covers it (the playbook's 2190 is rejected by the API).
const sixYears = 2192;

/** A minimum retention in days, limited to the periods CloudWatch Logs accepts. */
export const minimumRetentionDaysKnob: Knob<number> = {
    schema: {
        type: "integer",
        enum: [...acceptedRetentionDays],
        default: sixYears,
        description: "Fewest days log events must be kept: one of the periods CloudWatch Logs accepts (2192, the default, is the smallest that covers six years).",
    },
    default: sixYears,
    allowed: `one of the retention periods CloudWatch Logs accepts (${acceptedRetentionDays.join(", ")})`,
    parse: v => (typeof v === "number" && acceptedRetentionDays.includes(v) ? v : undefined),
};

/** The accepted periods next to `days`, below and above (either may be missing at the ends). */
function nearestAccepted(days: number): { below?: number; above?: number } {
    let below: number | undefined;
    let above: number | undefined;
    for (const d of acceptedRetentionDays) {
        if (d < days) below = d;
        else if (d > days && above === undefined) above = d;
    }
    return { below, above };
}

function retentionFix(atLeast: number, minimum: number): string {
    const suggestion = acceptedRetentionDays.find(d => d >= Math.max(atLeast, minimum)) ?? acceptedRetentionDays[acceptedRetentionDays.length - 1];
    return `set retentionInDays: ${suggestion} (or another accepted period of at least ${minimum} days), or omit it to keep events forever`;
}

/** The log group keeps events at least `minimum` days (omitted or 0: forever) with a value CloudWatch Logs accepts. */
export function retentionOutcome(props: Props, minimum: number): Outcome {
    // The DELIVERY log class ignores retentionInDays and keeps events for two days.
    const logClass = props.string("logGroupClass");
    if (logClass.state === "unknown") return undecided("logGroupClass");
    if (logClass.state === "known" && logClass.value === "DELIVERY") {
        return violation('logGroupClass is "DELIVERY", which forces retentionInDays to 2', `set logGroupClass: "STANDARD" and ${retentionFix(0, minimum)}`);
    }
    const read = props.number("retentionInDays");
    switch (read.state) {
        case "absent":
            return pass; // The provider's default, 0: events never expire.
        case "unknown":
            return undecided("retentionInDays");
        case "wrongType":
            return violation(`retentionInDays is ${describeWrongType(read.value)}, not a number of days`, retentionFix(0, minimum));
    }
    if (read.value === 0) return pass;
    if (!acceptedRetentionDays.includes(read.value)) {
        const { below, above } = nearestAccepted(read.value);
        const nearest = [below, above].filter(d => d !== undefined).join(" and ");
        return violation(
            `retentionInDays is ${read.value}, which CloudWatch Logs does not accept (nearest accepted: ${nearest})`,
            retentionFix(read.value, minimum),
        );
    }
    return numberAtLeast(read, "retentionInDays", minimum, 0, retentionFix(0, minimum));
}

/**
 * Raises retentionInDays to the smallest accepted period of at least `minimum` (and of at least its
 * current value, when CloudWatch Logs would reject that value). Leaves omitted/0 (forever),
 * unknown and wrong-typed values, and the DELIVERY class, alone.
 */
export function retentionPatch(props: Props, minimum: number): Patch {
    const logClass = props.string("logGroupClass");
    if (logClass.state === "unknown" || (logClass.state === "known" && logClass.value === "DELIVERY")) return {};
    const read = props.number("retentionInDays");
    if (read.state !== "known" || read.value === 0) return {};
    if (read.value >= minimum && acceptedRetentionDays.includes(read.value)) return {};
    const fixed = acceptedRetentionDays.find(d => d >= Math.max(read.value, minimum));
    return fixed === undefined ? {} : { retentionInDays: fixed };
}

/** The log group encrypts events with a KMS key (an ARN unknown at preview is present). */
export function encryptionOutcome(props: Props): Outcome {
    return mustBeSet(props, "kmsKeyId", "set kmsKeyId to the ARN of a customer-managed aws.kms.Key", "kmsKeyId is not set, so log events are encrypted only with CloudWatch Logs' service-owned key");
}

export const logRetention = defineResourcePolicy({
    name: "aws-cloudwatch-log-retention",
    description: "CloudWatch Logs log groups keep events for at least six years (or forever).",
    severity: "high",
    types: [logGroup],
    hipaa: ["164.312(b)", "164.316(b)(2)(i)"],
    hitrust: ["1202.09aa1"],
    tags: ["aws", "cloudwatch", "logging", "retention"],
    remediation:
        "Set `retentionInDays` on the `aws.cloudwatch.LogGroup` to at least `minimumRetentionDays` (default 2192, the smallest period " +
        "CloudWatch Logs accepts that covers six years), or omit it (or set 0) to keep events forever.\n" +
        "CloudWatch Logs accepts only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 " +
        "and 3653 days: 2190 is rejected.\n" +
        "Do not use `logGroupClass: \"DELIVERY\"` for audit logs: it keeps events for two days.",
    knobs: { minimumRetentionDays: minimumRetentionDaysKnob },
    check: (r, config) => retentionOutcome(r.props, config.minimumRetentionDays),
    remediate: (r, config) => retentionPatch(r.props, config.minimumRetentionDays),
});

export const logEncryption = defineResourcePolicy({
    name: "aws-cloudwatch-log-encryption",
    description: "CloudWatch Logs log groups encrypt events with a customer-managed KMS key.",
    severity: "high",
    types: [logGroup],
    hipaa: ["164.312(a)(2)(iv)", "164.312(b)"],
    hitrust: ["1202.09aa1", "19141.06c1"],
    tags: ["aws", "cloudwatch", "logging", "encryption", "encryption-at-rest"],
    remediation:
        "Set `kmsKeyId` on the `aws.cloudwatch.LogGroup` to the ARN of a customer-managed `aws.kms.Key` with `enableKeyRotation: true`.\n" +
        "The key policy must allow the `logs.<region>.amazonaws.com` service principal to use the key.",
    check: r => encryptionOutcome(r.props),
    noAutoRemediation: "which KMS key encrypts the log group (and its key policy) is a person's choice",
});

export const cloudwatchPolicies = [logRetention, logEncryption];
