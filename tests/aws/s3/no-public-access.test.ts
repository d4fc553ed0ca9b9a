import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { allFlags, compliantBucket, T } from "./buckets";
import * as assert from "assert";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-s3-no-public-access";
const SECRET = "SECRET-do-not-echo-51ab";
const everyone = (extra: Record<string, unknown> = {}) => JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...extra } });

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2], knobs?: Record<string, unknown>) => runStack(pack, policy, resources, knobs);

    it("passes a bucket with its own public access block, at preview and after deployment", async () => {
        assertPasses(await run(compliantBucket("data").resources));
        assertPasses(await run(compliantBucket("data", { literal: true }).resources));
    });

    it("passes a bucket covered by an account-wide block with all four settings on, or by S3's default when the knob accepts it", async () => {
        const b = compliantBucket("data", { set: { pab: null } });
        assertPasses(await run([...b.resources, res(T.accountPab, "account", allFlags)]));
        assertPasses(await run(b.resources, { acceptNewBucketDefaults: true }));
    });

    it("reports a missing or partial public access block", async () => {
        const missing = compliantBucket("data", { set: { pab: null } });
        assertViolates(await run(missing.resources), missing.urn, { code: "missingResource" });
        const partial = compliantBucket("data", { set: { pab: { restrictPublicBuckets: false } } });
        assertViolates(await run(partial.resources), partial.urn, { code: "notAllowed", field: "BucketPublicAccessBlock.restrictPublicBuckets" });
        const account = res(T.accountPab, "account", { ...allFlags, ignorePublicAcls: undefined });
        assertViolates(await run([...missing.resources, account]), missing.urn, { code: "missingResource" });
    });

    it("reports public canned ACLs and grants on the bucket and on an aws.s3.BucketAcl", async () => {
        for (const acl of ["public-read", "public-read-write", "authenticated-read"]) {
            const b = compliantBucket("data", { bucket: { acl } });
            assertViolates(await run(b.resources), b.urn, { code: "publicAcl", field: "acl" });
        }
        const grants = compliantBucket("data", { bucket: { grants: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["READ"] }] } });
        assertViolates(await run(grants.resources), grants.urn, { code: "publicGrant", field: "grants" });
        const b = compliantBucket("data");
        const acl = res(T.acl, "acl", { bucket: unknown, acl: "public-read" }, { bucket: [b.bucket] });
        const aclV2 = res(T.aclV2, "acl2", {
            bucket: unknown,
            accessControlPolicy: { owner: { id: "o" }, grants: [{ permission: "WRITE", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" } }] },
        }, { bucket: [b.bucket] });
        assertViolates(await run([...b.resources, acl, aclV2]), b.urn, { code: "publicAcl", field: "BucketAcl.acl" }, { code: "publicGrant", field: "BucketAcl.accessControlPolicy.grants[].grantee" });
        const privateAcl = res(T.acl, "acl", { bucket: unknown, acl: "private" }, { bucket: [b.bucket] });
        assertPasses(await run([...b.resources, privateAcl]));
    });

    it("reports bucket policies that allow everyone without a condition, as a string or an object, one statement or a list", async () => {
        const b = compliantBucket("data", { set: { policy: { policy: everyone() } } });
        assertViolates(await run(b.resources), b.urn, { code: "publicPolicy", field: "BucketPolicy.policy" });
        const awsStar = compliantBucket("data", { set: { policy: { policy: { Statement: [{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "s3:PutObject", Resource: unknown }] } } } });
        assertViolates(await run(awsStar.resources), awsStar.urn, { code: "publicPolicy" });
        const inline = compliantBucket("data", { bucket: { policy: everyone() } });
        assertViolates(await run(inline.resources), inline.urn, { code: "publicPolicy", field: "policy" });
        const conditioned = compliantBucket("data", { set: { policy: { policy: everyone({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } }) } } });
        assertPasses(await run(conditioned.resources));
        const named = compliantBucket("data", { set: { policy: { policy: JSON.stringify({ Statement: { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:*" } }) } } });
        assertPasses(await run(named.resources));
        const invalid = compliantBucket("data", { set: { policy: { policy: "{not json" } } });
        assertViolates(await run(invalid.resources), invalid.urn, { code: "invalidDocument" });
    });

    it("is undecided when a policy, principal, ACL or block is unknown at preview, or a bucket policy names no known bucket", async () => {
        // With Block Public Access on, a policy or ACL unknown at preview cannot make the bucket public.
        assertPasses(await run(compliantBucket("data", { bucket: { acl: unknown }, set: { policy: { policy: unknown } } }).resources));
        const doc = compliantBucket("data", { set: { pab: { restrictPublicBuckets: unknown }, policy: { policy: unknown } } });
        assertUndecided(await run(doc.resources), doc.urn, "BucketPublicAccessBlock.restrictPublicBuckets", "BucketPolicy.policy");
        const principal = compliantBucket("data", { set: { pab: { blockPublicPolicy: unknown }, policy: { policy: { Statement: { Effect: "Allow", Principal: unknown, Action: "s3:GetObject" } } } } });
        assertUndecided(await run(principal.resources), principal.urn, "BucketPublicAccessBlock.blockPublicPolicy", "BucketPolicy.policy");
        const acl = compliantBucket("data", { bucket: { acl: unknown }, set: { pab: { ignorePublicAcls: unknown } } });
        assertUndecided(await run(acl.resources), acl.urn, "acl", "BucketPublicAccessBlock.ignorePublicAcls");
        const flags = compliantBucket("data", { set: { pab: { blockPublicPolicy: unknown } } });
        assertUndecided(await run(flags.resources), flags.urn, "BucketPublicAccessBlock.blockPublicPolicy");
        const b = compliantBucket("data", { set: { pab: { blockPublicAcls: unknown } } });
        assertUndecided(await run([...b.resources, res(T.policy, "floating", { bucket: unknown, policy: everyone() })]), b.urn, "BucketPublicAccessBlock.blockPublicAcls", "BucketPolicy.bucket");
    });

    it("reads a deployed bucket's outputs: provider defaults, empty strings and one-element lists", async () => {
        const deployed = compliantBucket("data", {
            literal: true,
            bucket: { acl: "", policy: "", grants: [{ id: "abc", type: "CanonicalUser", permissions: ["FULL_CONTROL"], uri: "" }], versioning: [{ enabled: true, mfaDelete: false }] },
        });
        assertPasses(await run(deployed.resources));
    });

    it("survives garbage and never echoes a secret", async () => {
        const b = compliantBucket("data", {
            bucket: { acl: secret(SECRET), grants: [null, 7, { uri: [SECRET] }], policy: { Statement: [SECRET, null] } },
            set: { pab: { blockPublicAcls: "true", bucket: secret(SECRET) } },
        });
        const r = await run([...b.resources, res(T.policy, "p", { bucket: 5, policy: { SECRET } })]);
        assertViolates(r, b.urn, { code: "wrongType", field: "BucketPublicAccessBlock.blockPublicAcls" }, { code: "wrongType", field: "grants[1]" }, { code: "invalidDocument", field: "policy" });
        await run([res(T.bucket, "b", { bucket: SECRET, policy: SECRET, acl: SECRET })]);
    });

    it("does not apply to a stack without buckets", async () => {
        const r = await run([res(T.pab, "pab", { bucket: "elsewhere", ...allFlags })]);
        assert.match(r.notApplicable ?? "", /the stack has no resource of type aws:s3\/bucket:Bucket or aws:s3\/bucketV2:BucketV2/);
    });
});
