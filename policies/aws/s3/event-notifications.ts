import { awsTypes, booleanAttribute } from "../../lib/facts";
import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { anyOf, valueOf } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { bucketTypes, configuring, notification } from "./facts";

const eventbridge = booleanAttribute({ types: [notification], field: "eventbridge", default: false, source: awsTypes("s3/bucketNotification") });
const destinations = ["topics", "queues", "lambdaFunctions"];
const fix = "send the bucket's events somewhere: set eventbridge: true, or list topics, queues or lambdaFunctions with their events";

/** A notification configuration sends events: EventBridge on, or some topic, queue or function. */
function sendsEvents(n: Props): Outcome {
    const outcomes: Outcome[] = [];
    const bridge = valueOf(n.boolean(eventbridge.field), { path: eventbridge.field, expected: "a boolean", fix, absent: eventbridge.absent });
    if (bridge === true) return pass;
    if (bridge !== false && bridge !== undefined) outcomes.push(bridge);
    for (const field of destinations) {
        const list = valueOf(n.list(field), { path: field, expected: "a list", fix, absent: [] as unknown[] });
        if (Array.isArray(list)) {
            if (list.length > 0) return pass;
        } else outcomes.push(list);
    }
    return anyOf(outcomes, violation({ code: "noDestination", field: "", problem: "the bucket's aws.s3.BucketNotification sends no events (no EventBridge, topic, queue or function)", fix }));
}

export default defineStackPolicy({
    name: "aws-s3-event-notifications",
    description: "S3 buckets send their object events (creations, deletions) to EventBridge, SNS, SQS or Lambda, so changes to stored data can be watched.",
    severity: "low",
    types: bucketTypes,
    hipaa: ["164.312(b)", "164.308(a)(1)(ii)(B)"],
    hitrust: ["12100.09ab2", "1202.09aa1"],
    tags: ["aws", "s3", "monitoring", "stack"],
    anchors: { awsConfig: ["s3-event-notifications-enabled"], checkov: ["CKV2_AWS_62"] },
    remediation:
        "Add an `aws.s3.BucketNotification` with `bucket: bucket.id` and `eventbridge: true` (every event to EventBridge, where rules pick " +
        "what to alert on), or `topics`/`queues`/`lambdaFunctions` entries with `events` such as `[\"s3:ObjectRemoved:*\"]`.",
    check: (bucket, stack): Outcome => {
        const configs = configuring(bucket, stack, [notification]);
        const outcomes = configs.found.map(n => concerning(sendsEvents(n.props), { prefix: "", owner: "BucketNotification" }));
        if (configs.unresolved) outcomes.push(undecided("BucketNotification.bucket"));
        return anyOf(outcomes, violation({
            code: "missingResource",
            problem: "no aws.s3.BucketNotification sends this bucket's events anywhere",
            fix: "add an aws.s3.BucketNotification with bucket: this bucket's id and eventbridge: true",
        }));
    },
});
