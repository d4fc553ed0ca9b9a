// What the pack knows about a CloudWatch Logs log group, shared with the CloudTrail policies (the
// log group a trail delivers to): the retention periods the service accepts, and whether a group
// keeps events long enough and encrypts them with a KMS key.

import { awsTypes, booleanAttribute, cloudFact, stringAttribute } from "../../lib/facts";
import { Knob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { atLeast, isSet, Patch, valueOf } from "../../lib/rules";

export const logGroup = "aws:cloudwatch/logGroup:LogGroup";

const source = awsTypes("cloudwatch/logGroup");

/** The retention periods CloudWatch Logs accepts; 0 means never expire. */
export const acceptedRetentionDays: readonly number[] = cloudFact(
    { about: "aws.cloudwatch.LogGroup retentionInDays", says: "one of 1 ... 3653 listed days, or 0 (the default): never expire", source },
    [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
);

const logGroupClass = cloudFact(
    { about: "aws.cloudwatch.LogGroup logGroupClass", says: "DELIVERY ignores retentionInDays and keeps events for two days", source },
    { delivery: "DELIVERY" },
);

export const kmsKeyId = stringAttribute({ types: [logGroup], field: "kmsKeyId", source });

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
    const logClass = props.string("logGroupClass");
    if (logClass.state === "unknown") return undecided("logGroupClass");
    if (logClass.state === "known" && logClass.value === logGroupClass.delivery) {
        return violation({
            code: "notAllowed",
            field: "logGroupClass",
            problem: 'logGroupClass is "DELIVERY", which forces retentionInDays to 2',
            fix: `set logGroupClass: "STANDARD" and ${retentionFix(0, minimum)}`,
        });
    }
    const read = props.number("retentionInDays");
    // The provider's default, 0: events never expire.
    const days = valueOf(read, { path: "retentionInDays", expected: "a number of days", fix: retentionFix(0, minimum), absent: 0 });
    if (isOutcome(days)) return days;
    if (days === 0) return pass;
    if (!acceptedRetentionDays.includes(days)) {
        const { below, above } = nearestAccepted(days);
        const nearest = [below, above].filter(d => d !== undefined).join(" and ");
        return violation({
            code: "unrecognised",
            field: "retentionInDays",
            problem: `retentionInDays is ${days}, which CloudWatch Logs does not accept (nearest accepted: ${nearest})`,
            fix: retentionFix(days, minimum),
        });
    }
    return atLeast(read, { path: "retentionInDays", minimum, absentMeans: 0, fix: retentionFix(0, minimum) });
}

/**
 * Raises retentionInDays to the smallest accepted period of at least `minimum` (and of at least its
 * current value, when CloudWatch Logs would reject that value). Leaves omitted/0 (forever),
 * unknown and wrong-typed values, and the DELIVERY class, alone.
 */
export function retentionPatch(props: Props, minimum: number): Patch {
    const logClass = props.string("logGroupClass");
    if (logClass.state === "unknown" || (logClass.state === "known" && logClass.value === logGroupClass.delivery)) return {};
    const read = props.number("retentionInDays");
    if (read.state !== "known" || read.value === 0) return {};
    if (read.value >= minimum && acceptedRetentionDays.includes(read.value)) return {};
    const fixed = acceptedRetentionDays.find(d => d >= Math.max(read.value, minimum));
    return fixed === undefined ? {} : { retentionInDays: fixed };
}

/** The log group encrypts events with a KMS key (an ARN unknown at preview is present). */
export function encryptionOutcome(props: Props): Outcome {
    return isSet(props.string(kmsKeyId.field), {
        path: kmsKeyId.path,
        fix: "set kmsKeyId to the ARN of a customer-managed aws.kms.Key",
        missing: "kmsKeyId is not set, so log events are encrypted only with CloudWatch Logs' service-owned key",
    });
}

// --- Metric alarms ---------------------------------------------------------------------------------

export const metricAlarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const actionsEnabled = booleanAttribute({ types: [metricAlarm], field: "actionsEnabled", default: true, source: awsTypes("cloudwatch/metricAlarm") });
