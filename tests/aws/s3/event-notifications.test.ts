import { unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-event-notifications";

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes EventBridge, or any topic, queue or function", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true, set: { notification: { eventbridge: false, topics: [{ topicArn: unknown, events: ["s3:ObjectRemoved:*"] }], queues: [], lambdaFunctions: [] } } }).resources));
        assertPasses(await run(compliantBucket("data", { set: { notification: { eventbridge: undefined, lambdaFunctions: [{ lambdaFunctionArn: unknown, events: ["s3:ObjectCreated:*"] }] } } }).resources));
    });

    it("reports a notification that sends nothing (eventbridge defaults to false), and none at all", async () => {
        const nothing = compliantBucket("data", { set: { notification: { eventbridge: undefined } } });
        assertViolates(await run(nothing.resources), nothing.urn, { code: "noDestination" });
        const deployed = compliantBucket("data", { literal: true, set: { notification: { eventbridge: false, topics: [], queues: [], lambdaFunctions: [] } } });
        assertViolates(await run(deployed.resources), deployed.urn, { code: "noDestination" });
        const missing = compliantBucket("data", { set: { notification: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
    });

    it("is undecided on unknown destinations or an unconnected notification, and survives garbage", async () => {
        const u = compliantBucket("data", { set: { notification: { eventbridge: unknown } } });
        assertUndecided(await run(u.resources), u.urn, "BucketNotification.eventbridge");
        const missing = compliantBucket("data", { set: { notification: null } });
        assertUndecided(await run([...missing.resources, res(T.notification, "n", { bucket: unknown, eventbridge: true })]), missing.urn, "BucketNotification.bucket");
        const g = compliantBucket("data", { set: { notification: { eventbridge: "SECRET", topics: { SECRET: 1 } } } });
        assertViolates(await run(g.resources), g.urn, { code: "wrongType", field: "BucketNotification.eventbridge" });
    });
});
