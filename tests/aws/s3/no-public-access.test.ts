import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { allFlags, compliantBucket, T } from "./buckets";

const policy = "aws-s3-no-public-access";
const SECRET = "SECRET-do-not-echo-51ab";
const everyone = (extra: Record<string, unknown> = {}) => JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...extra } });
const withoutBlock = compliantBucket("data", { set: { pab: null } });
const withPolicy = (document: unknown) => compliantBucket("data", { set: { policy: { policy: document } } }).resources;
const b = compliantBucket("data");
const onB = { bucket: [b.bucket] };
const garbageBucket = compliantBucket("data", {
    bucket: { acl: secret(SECRET), grants: [null, 7, { uri: [SECRET] }], policy: { Statement: [SECRET, null] } },
    set: { pab: { blockPublicAcls: "true", bucket: secret(SECRET) } },
});

stackCases(policy, [
    // A bucket with its own public access block, at preview and after deployment.
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true }).resources),
    // A bucket covered by an account-wide block with all four settings on, or by S3's default when the knob accepts it.
    stackPasses([...withoutBlock.resources, res(T.accountPab, "account", allFlags)]),
    stackPasses(withoutBlock.resources, { acceptNewBucketDefaults: true }),
    // A missing or partial public access block.
    stackViolates(withoutBlock.resources, [{ on: "data", code: "missingResource" }]),
    stackViolates(compliantBucket("data", { set: { pab: { restrictPublicBuckets: false } } }).resources, [{ on: "data", code: "notAllowed", field: "BucketPublicAccessBlock.restrictPublicBuckets" }]),
    stackViolates([...withoutBlock.resources, res(T.accountPab, "account", { ...allFlags, ignorePublicAcls: undefined })], [{ on: "data", code: "missingResource" }]),
    // Public canned ACLs and grants on the bucket and on an aws.s3.BucketAcl.
    ...["public-read", "public-read-write", "authenticated-read"].map(acl => stackViolates(compliantBucket("data", { bucket: { acl } }).resources, [{ on: "data", code: "publicAcl", field: "acl" }])),
    stackViolates(compliantBucket("data", { bucket: { grants: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["READ"] }] } }).resources, [{ on: "data", code: "publicGrant", field: "grants" }]),
    stackViolates(
        [
            ...b.resources,
            res(T.acl, "acl", { bucket: unknown, acl: "public-read" }, onB),
            res(T.aclV2, "acl2", {
                bucket: unknown,
                accessControlPolicy: { owner: { id: "o" }, grants: [{ permission: "WRITE", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" } }] },
            }, onB),
        ],
        [
            { on: "data", code: "publicAcl", field: "BucketAcl.acl" },
            { on: "data", code: "publicGrant", field: "BucketAcl.accessControlPolicy.grants[].grantee" },
        ],
    ),
    stackPasses([...b.resources, res(T.acl, "acl", { bucket: unknown, acl: "private" }, onB)]),
    // Bucket policies that allow everyone without a condition, as a string or an object, one statement or a list.
    stackViolates(withPolicy(everyone()), [{ on: "data", code: "publicPolicy", field: "BucketPolicy.policy" }]),
    stackViolates(withPolicy({ Statement: [{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "s3:PutObject", Resource: unknown }] }), [{ on: "data", code: "publicPolicy" }]),
    stackViolates(compliantBucket("data", { bucket: { policy: everyone() } }).resources, [{ on: "data", code: "publicPolicy", field: "policy" }]),
    stackPasses(withPolicy(everyone({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } }))),
    stackPasses(withPolicy(JSON.stringify({ Statement: { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:*" } }))),
    stackViolates(withPolicy("{not json"), [{ on: "data", code: "invalidDocument" }]),
    // Undecided when a policy, principal, ACL or block is unknown at preview, or a bucket policy names no known bucket.
    // With Block Public Access on, a policy or ACL unknown at preview cannot make the bucket public.
    stackPasses(compliantBucket("data", { bucket: { acl: unknown }, set: { policy: { policy: unknown } } }).resources),
    stackUndecided(compliantBucket("data", { set: { pab: { restrictPublicBuckets: unknown }, policy: { policy: unknown } } }).resources, [{ on: "data", fields: ["BucketPublicAccessBlock.restrictPublicBuckets", "BucketPolicy.policy"] }]),
    stackUndecided(
        compliantBucket("data", { set: { pab: { blockPublicPolicy: unknown }, policy: { policy: { Statement: { Effect: "Allow", Principal: unknown, Action: "s3:GetObject" } } } } }).resources,
        [{ on: "data", fields: ["BucketPublicAccessBlock.blockPublicPolicy", "BucketPolicy.policy"] }],
    ),
    stackUndecided(compliantBucket("data", { bucket: { acl: unknown }, set: { pab: { ignorePublicAcls: unknown } } }).resources, [{ on: "data", fields: ["acl", "BucketPublicAccessBlock.ignorePublicAcls"] }]),
    stackUndecided(compliantBucket("data", { set: { pab: { blockPublicPolicy: unknown } } }).resources, [{ on: "data", fields: "BucketPublicAccessBlock.blockPublicPolicy" }]),
    stackUndecided(
        [...compliantBucket("data", { set: { pab: { blockPublicAcls: unknown } } }).resources, res(T.policy, "floating", { bucket: unknown, policy: everyone() })],
        [{ on: "data", fields: ["BucketPublicAccessBlock.blockPublicAcls", "BucketPolicy.bucket"] }],
    ),
    // A deployed bucket's outputs: provider defaults, empty strings and one-element lists.
    stackPasses(
        compliantBucket("data", {
            literal: true,
            bucket: { acl: "", policy: "", grants: [{ id: "abc", type: "CanonicalUser", permissions: ["FULL_CONTROL"], uri: "" }], versioning: [{ enabled: true, mfaDelete: false }] },
        }).resources,
    ),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([...garbageBucket.resources, res(T.policy, "p", { bucket: 5, policy: { SECRET } })], [
        { on: "data", code: "wrongType", field: "BucketPublicAccessBlock.blockPublicAcls" },
        { on: "data", code: "wrongType", field: "grants[1]" },
        { on: "data", code: "invalidDocument", field: "policy" },
    ]),
    stackGarbage([res(T.bucket, "b", { bucket: SECRET, policy: SECRET, acl: SECRET })]),
    // A stack without buckets.
    stackNotApplicable([res(T.pab, "pab", { bucket: "elsewhere", ...allFlags })], /the stack has no resource of type aws:s3\/bucket:Bucket or aws:s3\/bucketV2:BucketV2/),
]);
