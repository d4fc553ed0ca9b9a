import { unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-event-notifications";
const missing = compliantBucket("data", { set: { notification: null } });

stackCases(policy, [
    // EventBridge, or any topic, queue or function.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true, set: { notification: { eventbridge: false, topics: [{ topicArn: unknown, events: ["s3:ObjectRemoved:*"] }], queues: [], lambdaFunctions: [] } } }).resources),
    stackPasses(compliantBucket("data", { set: { notification: { eventbridge: undefined, lambdaFunctions: [{ lambdaFunctionArn: unknown, events: ["s3:ObjectCreated:*"] }] } } }).resources),
    // A notification that sends nothing (eventbridge defaults to false), and none at all.
    stackViolates(compliantBucket("data", { set: { notification: { eventbridge: undefined } } }).resources, [{ on: "data", code: "noDestination" }]),
    stackViolates(compliantBucket("data", { literal: true, set: { notification: { eventbridge: false, topics: [], queues: [], lambdaFunctions: [] } } }).resources, [{ on: "data", code: "noDestination" }]),
    stackViolates(missing.resources, [{ on: "data", code: "missingResource" }]),
    // Undecided on unknown destinations or an unconnected notification; garbage is a clean finding.
    stackUndecided(compliantBucket("data", { set: { notification: { eventbridge: unknown } } }).resources, [{ on: "data", fields: "BucketNotification.eventbridge" }]),
    stackUndecided([...missing.resources, res(T.notification, "n", { bucket: unknown, eventbridge: true })], [{ on: "data", fields: "BucketNotification.bucket" }]),
    stackViolates(compliantBucket("data", { set: { notification: { eventbridge: "SECRET", topics: { SECRET: 1 } } } }).resources, [{ on: "data", code: "wrongType", field: "BucketNotification.eventbridge" }]),
]);
