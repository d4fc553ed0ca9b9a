import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";
import { compliantBucket, T } from "./buckets";

const policy = "aws-s3-acls-disabled";
const missing = compliantBucket("data", { set: { ownership: null } });
const b = compliantBucket("data");

stackCases(policy, [
    // BucketOwnerEnforced, at preview and after deployment (the owner's own grant read back).
    stackPasses(compliantBucket("data").resources),
    stackPasses(compliantBucket("data", { literal: true, bucket: { acl: "", grants: [{ id: "abc", type: "CanonicalUser", permissions: ["FULL_CONTROL"], uri: "" }] } }).resources),
    stackPasses(compliantBucket("data", { bucket: { acl: "private" } }).resources),
    // Missing ownership controls unless acceptNewBucketDefaults, and owner modes that keep ACLs.
    stackViolates(missing.resources, [{ on: "data", code: "missingResource" }]),
    stackPasses(missing.resources, { acceptNewBucketDefaults: true }),
    ...["BucketOwnerPreferred", "ObjectWriter"].map(mode =>
        stackViolates(compliantBucket("data", { set: { ownership: { rule: { objectOwnership: mode } } } }).resources, [{ on: "data", code: "notAllowed", field: "BucketOwnershipControls.rule.objectOwnership" }]),
    ),
    // ACLs set on the bucket or through an aws.s3.BucketAcl.
    stackViolates(compliantBucket("data", { bucket: { acl: "log-delivery-write" } }).resources, [{ on: "data", code: "aclConfigured", field: "acl" }]),
    stackViolates(compliantBucket("data", { bucket: { grants: [{ type: "CanonicalUser", id: "x", permissions: ["READ"] }] } }).resources, [{ on: "data", code: "aclConfigured", field: "grants" }]),
    stackViolates([...b.resources, res(T.aclV2, "acl", { bucket: unknown, accessControlPolicy: { owner: { id: "o" }, grants: [] } }, { bucket: [b.bucket] })], [{ on: "data", code: "aclConfigured", field: "BucketAcl" }]),
    stackPasses([...b.resources, res(T.acl, "acl", { bucket: unknown, acl: "private" }, { bucket: [b.bucket] })]),
    // Undecided on unknown ownership, ACLs and unconnected controls.
    stackUndecided(compliantBucket("data", { set: { ownership: { rule: unknown } } }).resources, [{ on: "data", fields: "BucketOwnershipControls.rule.objectOwnership" }]),
    stackUndecided(compliantBucket("data", { bucket: { acl: unknown, grants: unknown } }).resources, [{ on: "data", fields: ["acl", "grants"] }]),
    stackUndecided([...missing.resources, res(T.ownership, "o", { bucket: unknown, rule: { objectOwnership: "BucketOwnerEnforced" } })], [{ on: "data", fields: "BucketOwnershipControls.bucket" }]),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates(compliantBucket("data", { bucket: { acl: 4, grants: secret("SECRET") }, set: { ownership: { rule: { objectOwnership: secret("SECRET") } } } }).resources, [
        { on: "data", code: "unrecognised" },
        { on: "data", code: "wrongType", field: "acl" },
        { on: "data", code: "wrongType", field: "grants" },
    ]),
]);
