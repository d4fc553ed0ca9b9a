import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertNotApplicable, assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-access-logging";

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2], knobs?: Record<string, unknown>) => runStack(pack, policy, resources, knobs);

    it("passes a BucketLogging (V1 or V2 token) or the inline block", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true }).resources));
        const b = compliantBucket("data", { set: { logging: null } });
        assertPasses(await run([...b.resources, res(T.loggingV2, "l", { bucket: unknown, targetBucket: unknown }, { bucket: [b.bucket] })]));
        assertPasses(await run(compliantBucket("data", { set: { logging: null }, bucket: { logging: [{ targetBucket: "logs", targetPrefix: "" }] } }).resources));
    });

    it("reports a missing BucketLogging, an empty target, and a deployed bucket whose inline block reads back empty", async () => {
        const missing = compliantBucket("data", { set: { logging: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
        const empty = compliantBucket("data", { set: { logging: { targetBucket: "" } } });
        assertViolates(await run(empty.resources), empty.urn, { code: "notSet", field: "BucketLogging.targetBucket" });
        const deployed = compliantBucket("data", { literal: true, set: { logging: null }, bucket: { logging: { targetBucket: "" } } });
        assertViolates(await run(deployed.resources), deployed.urn, { code: "notSet", field: "logging.targetBucket" });
    });

    it("exempts the bucket that receives access logs, unless exemptLogTargets is false", async () => {
        const data = compliantBucket("data", { set: { logging: { targetBucket: unknown } } });
        const logs = res(T.bucket, "access-logs", { bucket: unknown });
        data.resources.find(r => r.type === T.logging)!.propertyDependencies!.targetBucket = [logs.urn!];
        const r = await run([...data.resources, logs]);
        assertPasses({ byUrn: new Map([[data.urn, r.byUrn.get(data.urn)!]]) });
        assertNotApplicable(r, logs.urn!, /receives server access logs/);
        assertViolates(await run([...data.resources, logs], { exemptLogTargets: false }), logs.urn!, { code: "missingResource" });
    });

    it("is undecided on unknown inline logging or an unconnected BucketLogging, and survives garbage", async () => {
        assertUndecided(await run(compliantBucket("data", { set: { logging: null }, bucket: { logging: unknown } }).resources), compliantBucket("data").urn, "logging");
        const missing = compliantBucket("data", { set: { logging: null } });
        assertUndecided(await run([...missing.resources, res(T.logging, "l", { bucket: unknown, targetBucket: "x" })]), missing.urn, "BucketLogging.bucket");
        const g = compliantBucket("data", { set: { logging: { targetBucket: secret("SECRET") } } });
        assertPasses(await run(g.resources));
        const w = compliantBucket("data", { set: { logging: { targetBucket: ["SECRET"] } } });
        assertViolates(await run(w.resources), w.urn, { code: "wrongType" });
    });
});
