import { booleanKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { logsAllS3DataEvents, s3DataEventsFix, trail } from "./facts";

const knobs = {
    loggedElsewhere: booleanKnob({
        default: false,
        description: "S3 object data events are logged by a trail this stack does not define (an organization trail, another account's trail): trails here need not log them.",
    }),
};

// One answer per stack: every trail's check reads the same list.
const byStack = new WeakMap<Stack, Map<string, "yes" | "no" | Outcome>>();
function answers(stack: Stack): Map<string, "yes" | "no" | Outcome> {
    let found = byStack.get(stack);
    if (!found) {
        found = new Map(stack.ofType([trail]).map(t => [t.urn, logsAllS3DataEvents(t.props)]));
        byStack.set(stack, found);
    }
    return found;
}

function check(subject: StackResource, stack: Stack, config: { loggedElsewhere: boolean }): Outcome {
    if (config.loggedElsewhere) return notApplicable("S3 data events are logged by a trail outside this stack (knob loggedElsewhere)");
    const all = [...answers(stack).values()];
    if (all.includes("yes")) return pass;
    const own = answers(stack).get(subject.urn);
    if (own !== undefined && isOutcome(own)) return own;
    // Another trail, unknown at preview, may record them: decided at `pulumi up`.
    if (all.some(isOutcome)) return undecided("another trail's event selectors");
    const advanced = subject.props.list("advancedEventSelectors");
    const field = advanced.state === "known" && advanced.value.length > 0 ? "advancedEventSelectors" : "eventSelectors";
    return violation({
        code: "s3DataEventsNotLogged",
        field,
        problem: "no trail in the stack records S3 object-level data events (reads and writes) for all buckets, so access to PHI objects goes unrecorded",
        fix: `${s3DataEventsFix} on one trail, or set the knob loggedElsewhere: true if a trail outside the stack logs them`,
    });
}

export default defineStackPolicy({
    name: "aws-cloudtrail-s3-data-events",
    description: "Some CloudTrail trail in the stack records S3 object-level data events (reads and writes) for all buckets.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["aws", "cloudtrail", "s3", "logging"],
    anchors: { awsConfig: ["cloudtrail-s3-dataevents-enabled"] },
    knobs,
    remediation:
        "On one `aws.cloudtrail.Trail` of the stack, add an `eventSelectors` entry with `readWriteType: \"All\"` and " +
        "`dataResources: [{ type: \"AWS::S3::Object\", values: [\"arn:aws:s3\"] }]` (all buckets, current and future), or an " +
        "`advancedEventSelectors` entry whose field selectors are `eventCategory` equals `[\"Data\"]` and `resources.type` equals " +
        "`[\"AWS::S3::Object\"]`. As in AWS Config's rule (per account), one trail is enough; selectors naming some buckets only do not " +
        "count. If an organization or another account's trail logs them, set the knob `loggedElsewhere: true`.",
    check,
});
