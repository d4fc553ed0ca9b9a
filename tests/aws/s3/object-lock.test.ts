import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-object-lock";

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes objectLockEnabled, an Object Lock configuration (whose objectLockEnabled defaults to Enabled), or the inline block", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        const off = compliantBucket("data", { bucket: { objectLockEnabled: undefined } });
        assertPasses(await run([...off.resources, res(T.lock, "lock", { bucket: unknown, rule: { defaultRetention: { mode: "GOVERNANCE", days: 30 } } }, { bucket: [off.bucket] })]));
        assertPasses(await run(compliantBucket("data", { literal: true, bucket: { objectLockEnabled: false, objectLockConfiguration: [{ objectLockEnabled: "Enabled", rule: [] }] } }).resources));
    });

    it("reports a bucket without Object Lock, omitted or false, and a deployed bucket whose inline block reads back empty", async () => {
        const omitted = compliantBucket("data", { bucket: { objectLockEnabled: undefined } });
        assertViolates(await run(omitted.resources), omitted.urn, { code: "absentDefault", field: "objectLockEnabled" });
        const off = compliantBucket("data", { bucket: { objectLockEnabled: false } });
        assertViolates(await run(off.resources), off.urn, { code: "notAllowed", field: "objectLockEnabled" });
        const deployed = compliantBucket("data", { literal: true, bucket: { objectLockEnabled: false, objectLockConfiguration: [] } });
        assertViolates(await run(deployed.resources), deployed.urn, { code: "notAllowed", field: "objectLockEnabled" });
    });

    it("is undecided when the flag or an unconnected configuration is unknown, and survives garbage", async () => {
        assertUndecided(await run(compliantBucket("data", { bucket: { objectLockEnabled: unknown } }).resources), compliantBucket("data").urn, "objectLockEnabled");
        const off = compliantBucket("data", { bucket: { objectLockEnabled: false } });
        assertUndecided(await run([...off.resources, res(T.lock, "lock", { bucket: unknown })]), off.urn, "BucketObjectLockConfiguration.bucket");
        const g = compliantBucket("data", { bucket: { objectLockEnabled: "SECRET", objectLockConfiguration: secret({ SECRET: 1 }) } });
        assertViolates(await run(g.resources), g.urn, { code: "wrongType", field: "objectLockEnabled" });
    });
});
