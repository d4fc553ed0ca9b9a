import { unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-versioning";

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes a BucketVersioning (V1 or V2 token) or the inline block, at preview and after deployment", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true }).resources));
        const b = compliantBucket("data", { set: { versioning: null } });
        assertPasses(await run([...b.resources, res("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", { bucket: unknown, versioningConfiguration: { status: "Enabled" } }, { bucket: [b.bucket] })]));
        assertPasses(await run(compliantBucket("data", { set: { versioning: null }, bucket: { versioning: [{ enabled: true, mfaDelete: false }] } }).resources));
    });

    it("reports suspended, disabled and missing versioning", async () => {
        const suspended = compliantBucket("data", { set: { versioning: { versioningConfiguration: { status: "Suspended" } } } });
        assertViolates(await run(suspended.resources), suspended.urn, { code: "notAllowed", field: "BucketVersioning.versioningConfiguration.status" });
        const inline = compliantBucket("data", { set: { versioning: null }, bucket: { versioning: { enabled: false } } });
        assertViolates(await run(inline.resources), inline.urn, { code: "notAllowed", field: "versioning.enabled" });
        const missing = compliantBucket("data", { set: { versioning: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
    });

    it("is undecided when the status or the versioned bucket is unknown, and survives garbage", async () => {
        const u = compliantBucket("data", { set: { versioning: { versioningConfiguration: unknown } } });
        assertUndecided(await run(u.resources), u.urn, "BucketVersioning.versioningConfiguration.status");
        const missing = compliantBucket("data", { set: { versioning: null } });
        assertUndecided(await run([...missing.resources, res(T.versioning, "v", { bucket: unknown, versioningConfiguration: { status: "Enabled" } })]), missing.urn, "BucketVersioning.bucket");
        const g = compliantBucket("data", { set: { versioning: { versioningConfiguration: { status: 1 } } } });
        assertViolates(await run(g.resources), g.urn, { code: "wrongType" });
    });
});
