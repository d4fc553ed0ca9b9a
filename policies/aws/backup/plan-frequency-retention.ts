import { integerKnob } from "../../lib/knobs";
import { isOutcome, Outcome, undecided, violation } from "../../lib/outcome";
import { atLeast, elementsOf, valueOf, wrongType } from "../../lib/rules";
import { defineResourcePolicy } from "../../lib/policy";
import { defaultSchedule, intervalOf, plan } from "./facts";

const scheduleFix = (max: number) => `set schedule to a cron expression that runs at least every ${max} hours, e.g. "cron(0 5 ? * * *)" for daily`;

export default defineResourcePolicy({
    name: "aws-backup-plan-frequency-retention",
    description: "Every rule of an AWS Backup plan backs up at least daily and keeps recovery points at least 35 days.",
    severity: "medium",
    types: [plan],
    hipaa: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["aws", "backup", "retention", "disaster-recovery"],
    anchors: { awsConfig: ["backup-plan-min-frequency-and-min-retention-check"] },
    remediation:
        "On each rule of the `aws.backup.Plan`, set `schedule` to a cron expression that runs at least daily (`\"cron(0 5 ? * * *)\"`, the default " +
        "when omitted) and `lifecycle.deleteAfter` to at least `minimumRetentionDays` (default 35, the AWS Config rule's), or omit `deleteAfter` to keep recovery points until deleted.",
    knobs: {
        maximumIntervalHours: integerKnob({ default: 24, minimum: 1, maximum: 24, description: "The longest a rule may go between backups, in hours (24: daily)." }),
        minimumRetentionDays: integerKnob({ default: 35, minimum: 1, maximum: 36500, description: "The fewest days a rule may keep recovery points (lifecycle.deleteAfter)." }),
    },
    check: (r, config): Outcome[] => {
        const fix = scheduleFix(config.maximumIntervalHours);
        const { elements, outcomes } = elementsOf(r.props, { field: "rules", fix });
        if (elements.length === 0 && outcomes.length === 0) return [violation({ code: "notSet", field: "rules", problem: "the plan has no rules, so it backs up nothing", fix: "add a rule with a daily schedule and lifecycle.deleteAfter of 35 days or more" })];
        for (const rule of elements) {
            const path = `${rule.path}.schedule`;
            const schedule = valueOf(rule.props.string("schedule"), { path, expected: "a string", fix, absent: defaultSchedule });
            if (isOutcome(schedule)) outcomes.push(schedule);
            else {
                const interval = intervalOf(schedule);
                if ("invalid" in interval) outcomes.push(violation({ code: "unrecognised", field: path, problem: `${path} is not a cron() or rate() expression the pack can read`, fix }));
                else if (interval.hours > config.maximumIntervalHours) {
                    const often = Number.isFinite(interval.hours) ? `up to ${interval.hours} hours apart` : "less often than daily";
                    outcomes.push(violation({ code: "tooInfrequent", field: path, problem: `${path} runs backups ${often}, more than ${config.maximumIntervalHours} hours`, fix }));
                }
            }
            const lifecycle = rule.props.single("lifecycle");
            if (lifecycle.state === "unknown") outcomes.push(undecided(`${rule.path}.lifecycle`));
            else if (lifecycle.state === "known") {
                // Omitted, recovery points are kept until deleted.
                const read = lifecycle.value.number("deleteAfter");
                const retention = `${rule.path}.lifecycle.deleteAfter`;
                // A deployed plan reads back 0 for an unset deleteAfter: kept until deleted.
                if (!(read.state === "known" && read.value === 0)) {
                    outcomes.push(atLeast(read, { path: retention, minimum: config.minimumRetentionDays, absentMeans: Number.MAX_SAFE_INTEGER }));
                }
            } else if (lifecycle.state === "wrongType") {
                outcomes.push(wrongType({ path: `${rule.path}.lifecycle`, value: lifecycle.value, expected: "a block", fix: "set lifecycle: { deleteAfter: 35 } or more" }));
            }
        }
        return outcomes;
    },
    noAutoRemediation: "how often to back up and how long to keep backups are a retention decision (and cost) a person makes",
});
