import { integerKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Read } from "../../lib/props";
import { isSet, valueOf } from "../../lib/rules";
import { clusterInstance, instance, monitoringInterval, monitoringIntervals, monitoringRoleArn } from "./facts";

function interval(read: Read<number>, maximum: number): Outcome {
    const fix = `set monitoringInterval to ${monitoringIntervals.filter(s => s > 0 && s <= maximum).join(", ")} seconds, with monitoringRoleArn`;
    const seconds = valueOf(read, { path: "monitoringInterval", expected: "a number", fix, absent: undefined });
    if (isOutcome(seconds)) return seconds;
    if (seconds === undefined) return violation({ code: "absentDefault", field: "monitoringInterval", problem: `monitoringInterval is not set and defaults to ${monitoringInterval.absent}, so Enhanced Monitoring is off`, fix });
    if (seconds === 0) return violation({ code: "notAllowed", field: "monitoringInterval", problem: "monitoringInterval is 0, so Enhanced Monitoring is off", fix });
    if (!(monitoringIntervals as readonly number[]).includes(seconds)) return violation({ code: "unrecognised", field: "monitoringInterval", problem: `monitoringInterval is ${seconds}, not an interval RDS accepts`, fix });
    return seconds > maximum ? violation({ code: "aboveMaximum", field: "monitoringInterval", problem: `monitoringInterval is ${seconds}, above ${maximum}`, fix }) : pass;
}

export default defineResourcePolicy({
    name: "aws-rds-enhanced-monitoring",
    description: "RDS and Aurora DB instances publish Enhanced Monitoring (operating-system) metrics to CloudWatch at a fixed interval.",
    severity: "low",
    types: [instance, clusterInstance],
    hipaa: ["164.312(b)"],
    hitrust: ["1270.09ad1"],
    tags: ["aws", "rds", "monitoring"],
    anchors: { awsConfig: ["rds-enhanced-monitoring-enabled"], checkov: ["CKV_AWS_118"] },
    remediation:
        "Set `monitoringInterval` to 1, 5, 10, 15, 30 or 60 seconds (at most `maximumIntervalSeconds`; the default 0 turns Enhanced Monitoring off) and " +
        "`monitoringRoleArn` to an `aws.iam.Role` that `monitoring.rds.amazonaws.com` can assume, with the `AmazonRDSEnhancedMonitoringRole` managed policy.",
    knobs: {
        maximumIntervalSeconds: integerKnob({ default: 60, minimum: 1, maximum: 60, description: "Longest Enhanced Monitoring interval accepted, in seconds (RDS offers 1, 5, 10, 15, 30 and 60)." }),
    },
    check: (r, config) => [
        interval(r.props.number(monitoringInterval.field), config.maximumIntervalSeconds),
        isSet(r.props.string(monitoringRoleArn.field), { path: "monitoringRoleArn", fix: "set monitoringRoleArn to a role monitoring.rds.amazonaws.com can assume" }),
    ],
    noAutoRemediation: "Enhanced Monitoring needs an IAM role and is billed as CloudWatch Logs, so which role and interval is a person's choice",
});
