import { booleanKnob } from "../../lib/knobs";
import { isOutcome, Outcome, violation } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { isTrue } from "../../lib/rules";
import { setStrings } from "../iam/facts";
import { actionsEnabled, metricAlarm } from "./facts";

const rule = "AWS Config's cloudwatch-alarm-action-check";
const knobs = {
    requireInsufficientDataActions: booleanKnob({ default: true, description: `Alarms must also act when they enter INSUFFICIENT_DATA (the default, true, is ${rule}'s insufficientDataActionRequired).` }),
    requireOkActions: booleanKnob({ default: false, description: `Alarms must also act when they return to OK (the default, false, is ${rule}'s okActionRequired).` }),
};

const states = [
    { field: "alarmActions", state: "ALARM", knob: undefined },
    { field: "insufficientDataActions", state: "INSUFFICIENT_DATA", knob: "requireInsufficientDataActions" },
    { field: "okActions", state: "OK", knob: "requireOkActions" },
] as const;

function check(resource: Resource, config: { requireInsufficientDataActions: boolean; requireOkActions: boolean }): Outcome[] {
    const outcomes: Outcome[] = [isTrue(resource.props.boolean(actionsEnabled.field), { path: actionsEnabled.path, absentMeans: true, fix: "remove actionsEnabled or set it to true" })];
    for (const s of states) {
        if (s.knob && !config[s.knob]) continue;
        const fix = `set ${s.field} to the ARNs of an SNS topic (or another action) to notify when the alarm enters ${s.state}`;
        const actions = setStrings(resource.props, s.field, fix);
        if (isOutcome(actions)) outcomes.push(actions);
        else if (actions.count === 0) outcomes.push(violation({ code: "noActions", field: s.field, problem: `${s.field} is empty, so nobody is told when the alarm enters ${s.state}`, fix }));
    }
    return outcomes;
}

export default defineResourcePolicy({
    name: "aws-cloudwatch-alarm-actions",
    description: "CloudWatch metric alarms notify someone: actions enabled, and actions for the ALARM and INSUFFICIENT_DATA states.",
    severity: "medium",
    types: [metricAlarm],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "12100.09ab2"],
    tags: ["aws", "cloudwatch", "monitoring"],
    anchors: { awsConfig: ["cloudwatch-alarm-action-check"], checkov: ["CKV_AWS_319"] },
    knobs,
    remediation:
        "On the `aws.cloudwatch.MetricAlarm`, set `alarmActions` and `insufficientDataActions` to the ARNs of an SNS topic (or an Auto Scaling, " +
        "EC2 or Systems Manager action), and leave `actionsEnabled` unset or true. AWS Config's rule requires ALARM and INSUFFICIENT_DATA " +
        "actions by default; the knobs `requireInsufficientDataActions` and `requireOkActions` change which states need one.",
    check,
    noAutoRemediation: "who is notified, and how, is a person's decision",
});
