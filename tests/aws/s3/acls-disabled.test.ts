import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { compliantBucket, T } from "./buckets";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-acls-disabled";

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2], knobs?: Record<string, unknown>) => runStack(pack, policy, resources, knobs);

    it("passes BucketOwnerEnforced, at preview and after deployment (the owner's own grant read back)", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        const deployed = compliantBucket("data", { literal: true, bucket: { acl: "", grants: [{ id: "abc", type: "CanonicalUser", permissions: ["FULL_CONTROL"], uri: "" }] } });
        assertPasses(await run(deployed.resources));
        assertPasses(await run(compliantBucket("data", { bucket: { acl: "private" } }).resources));
    });

    it("reports missing ownership controls unless acceptNewBucketDefaults, and owner modes that keep ACLs", async () => {
        const missing = compliantBucket("data", { set: { ownership: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
        assertPasses(await run(missing.resources, { acceptNewBucketDefaults: true }));
        for (const mode of ["BucketOwnerPreferred", "ObjectWriter"]) {
            const b = compliantBucket("data", { set: { ownership: { rule: { objectOwnership: mode } } } });
            assertViolates(await run(b.resources), b.urn, { code: "notAllowed", field: "BucketOwnershipControls.rule.objectOwnership" });
        }
    });

    it("reports ACLs set on the bucket or through an aws.s3.BucketAcl", async () => {
        const canned = compliantBucket("data", { bucket: { acl: "log-delivery-write" } });
        assertViolates(await run(canned.resources), canned.urn, { code: "aclConfigured", field: "acl" });
        const grants = compliantBucket("data", { bucket: { grants: [{ type: "CanonicalUser", id: "x", permissions: ["READ"] }] } });
        assertViolates(await run(grants.resources), grants.urn, { code: "aclConfigured", field: "grants" });
        const b = compliantBucket("data");
        const acl = res(T.aclV2, "acl", { bucket: unknown, accessControlPolicy: { owner: { id: "o" }, grants: [] } }, { bucket: [b.bucket] });
        assertViolates(await run([...b.resources, acl]), b.urn, { code: "aclConfigured", field: "BucketAcl" });
        assertPasses(await run([...b.resources, res(T.acl, "acl", { bucket: unknown, acl: "private" }, { bucket: [b.bucket] })]));
    });

    it("is undecided on unknown ownership, ACLs and unconnected controls", async () => {
        const mode = compliantBucket("data", { set: { ownership: { rule: unknown } } });
        assertUndecided(await run(mode.resources), mode.urn, "BucketOwnershipControls.rule.objectOwnership");
        const acl = compliantBucket("data", { bucket: { acl: unknown, grants: unknown } });
        assertUndecided(await run(acl.resources), acl.urn, "acl", "grants");
        const missing = compliantBucket("data", { set: { ownership: null } });
        assertUndecided(await run([...missing.resources, res(T.ownership, "o", { bucket: unknown, rule: { objectOwnership: "BucketOwnerEnforced" } })]), missing.urn, "BucketOwnershipControls.bucket");
    });

    it("survives garbage and never echoes a secret", async () => {
        const b = compliantBucket("data", { bucket: { acl: 4, grants: secret("SECRET") }, set: { ownership: { rule: { objectOwnership: secret("SECRET") } } } });
        const r = await run(b.resources);
        assertViolates(r, b.urn, { code: "unrecognised" }, { code: "wrongType", field: "acl" }, { code: "wrongType", field: "grants" });
    });
});
