import { unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertNotApplicable, assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-version-lifecycle";
const rules = (rule: Record<string, unknown>) => ({ rules: [{ id: "r", status: "Enabled", filter: {}, ...rule }] });

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes an enabled noncurrent-version expiry or transition, on the resource (V1 or V2 token) or the inline rules", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true, set: { lifecycle: rules({ noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: "GLACIER" }] }) } }).resources));
        const b = compliantBucket("data", { set: { lifecycle: null } });
        assertPasses(await run([...b.resources, res(T.lifecycleV2, "l", { bucket: unknown, ...rules({ noncurrentVersionExpiration: { noncurrentDays: 90 } }) }, { bucket: [b.bucket] })]));
        assertPasses(await run(compliantBucket("data", { set: { lifecycle: null }, bucket: { lifecycleRules: [{ enabled: true, noncurrentVersionExpiration: { days: 90 } }] } }).resources));
    });

    it("does not apply to an unversioned bucket; is undecided when versioning is", async () => {
        const unversioned = compliantBucket("data", { set: { versioning: null, lifecycle: null } });
        assertNotApplicable(await run(unversioned.resources), unversioned.urn, /does not keep object versions/);
        const u = compliantBucket("data", { set: { versioning: { versioningConfiguration: { status: unknown } }, lifecycle: null } });
        assertUndecided(await run(u.resources), u.urn, "BucketVersioning.versioningConfiguration.status");
    });

    it("reports rules that are disabled or act only on current versions, and no lifecycle at all", async () => {
        const current = compliantBucket("data", { set: { lifecycle: { rules: [{ id: "r", status: "Enabled", expiration: { days: 30 } }] } } });
        assertViolates(await run(current.resources), current.urn, { code: "noNoncurrentRule", field: "BucketLifecycleConfiguration.rules" });
        const disabled = compliantBucket("data", { set: { lifecycle: rules({ status: "Disabled", noncurrentVersionExpiration: { noncurrentDays: 1 } }) } });
        assertViolates(await run(disabled.resources), disabled.urn, { code: "noNoncurrentRule" });
        const inline = compliantBucket("data", { set: { lifecycle: null }, bucket: { lifecycleRules: [{ enabled: false, noncurrentVersionExpiration: { days: 90 } }] } });
        assertViolates(await run(inline.resources), inline.urn, { code: "noNoncurrentRule", field: "lifecycleRules" });
        const missing = compliantBucket("data", { set: { lifecycle: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
    });

    it("is undecided on an unknown status or rule, and survives garbage", async () => {
        const u = compliantBucket("data", { set: { lifecycle: rules({ status: unknown, noncurrentVersionExpiration: { noncurrentDays: 1 } }) } });
        assertUndecided(await run(u.resources), u.urn, "BucketLifecycleConfiguration.rules[].status");
        const e = compliantBucket("data", { set: { lifecycle: rules({ noncurrentVersionExpiration: unknown }) } });
        assertUndecided(await run(e.resources), e.urn, "BucketLifecycleConfiguration.rules[].noncurrentVersionExpiration");
        const g = compliantBucket("data", { set: { lifecycle: { rules: ["SECRET", null] } } });
        assertViolates(await run(g.resources), g.urn, { code: "noNoncurrentRule" });
    });
});
