import { awsTypes, stringAttribute } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { anyOf, elementsOf, mustBeOneOf, valueOf } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { acceptNewBucketDefaultsKnob, aclTypes, bucketTypes, configuring, ownershipControls } from "./facts";

const objectOwnership = stringAttribute({
    types: [ownershipControls],
    block: "rule",
    field: "objectOwnership",
    values: ["BucketOwnerPreferred", "ObjectWriter", "BucketOwnerEnforced"],
    source: awsTypes("s3/bucketOwnershipControls"),
});
const enforced = mustBeOneOf(objectOwnership, ["BucketOwnerEnforced"], { fix: 'set rule.objectOwnership: "BucketOwnerEnforced" on the aws.s3.BucketOwnershipControls' });

/** The grant S3 reports for the bucket owner: one canonical user with FULL_CONTROL. */
function isOwnerGrant(grant: Props): boolean {
    const type = grant.string("type");
    const permissions = grant.list("permissions");
    return type.state === "known" && type.value === "CanonicalUser" && permissions.state === "known" && permissions.value.length === 1 && permissions.value[0] === "FULL_CONTROL";
}

export default defineStackPolicy({
    name: "aws-s3-acls-disabled",
    description: "S3 buckets disable ACLs (Object Ownership BucketOwnerEnforced), so access is granted only by IAM and bucket policies.",
    severity: "medium",
    types: bucketTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.v", "01.c"],
    tags: ["aws", "s3", "access-control", "stack"],
    anchors: { awsConfig: ["s3-bucket-acl-prohibited"], checkov: ["CKV2_AWS_65"] },
    remediation:
        "Add an `aws.s3.BucketOwnershipControls` with `bucket: bucket.id` and `rule: { objectOwnership: \"BucketOwnerEnforced\" }`, and remove " +
        "`acl`/`grants` from the bucket and any `aws.s3.BucketAcl` for it (grant access with IAM or the bucket policy instead). " +
        "Set `acceptNewBucketDefaults: true` to rely on S3's default (BucketOwnerEnforced for buckets created since April 2023).",
    knobs: { acceptNewBucketDefaults: acceptNewBucketDefaultsKnob },
    check: (bucket, stack, config): Outcome[] => {
        const controls = configuring(bucket, stack, [ownershipControls]);
        const owner = controls.found.length > 0
            ? concerning(anyOf(controls.found.map(c => enforced.check(c.props, {})), pass), { prefix: "the bucket's ownership controls: ", owner: "BucketOwnershipControls" })
            : controls.unresolved ? undecided("BucketOwnershipControls.bucket")
            : config.acceptNewBucketDefaults ? pass
            : violation({
                  code: "missingResource",
                  problem: "no aws.s3.BucketOwnershipControls disables ACLs on this bucket",
                  fix: 'add an aws.s3.BucketOwnershipControls with bucket: this bucket\'s id and rule: { objectOwnership: "BucketOwnerEnforced" }',
              });
        const outcomes = [owner];
        const inlineFix = "remove acl and grants from the bucket and grant access with IAM or the bucket policy";
        const acl = valueOf(bucket.props.string("acl"), { path: "acl", expected: "a string", fix: inlineFix, absent: undefined });
        if (isOutcome(acl)) outcomes.push(acl);
        else if (acl !== undefined && acl.trim() !== "private" && acl.trim() !== "") outcomes.push(violation({ code: "aclConfigured", field: "acl", problem: "the bucket sets an ACL other than private", fix: inlineFix }));
        const grants = elementsOf(bucket.props, { field: "grants", fix: inlineFix });
        outcomes.push(...grants.outcomes);
        // A deployed bucket reads back its owner's own FULL_CONTROL grant; anything more is an ACL.
        const ownerOnly = grants.elements.length === 1 && isOwnerGrant(grants.elements[0].props);
        if (grants.elements.length > 0 && !ownerOnly) {
            outcomes.push(violation({ code: "aclConfigured", field: "grants", problem: "the bucket grants access through ACL grants", fix: inlineFix }));
        }
        const acls = configuring(bucket, stack, aclTypes);
        for (const a of acls.found) {
            const canned = a.props.string("acl");
            const policy = a.props.has("accessControlPolicy");
            if (canned.state === "unknown") outcomes.push(undecided("BucketAcl.acl"));
            else if (policy || !(canned.state === "known" && canned.value.trim() === "private")) {
                outcomes.push(violation({ code: "aclConfigured", field: "BucketAcl", problem: "an aws.s3.BucketAcl sets this bucket's ACL", fix: "remove the aws.s3.BucketAcl and grant access with IAM or the bucket policy" }));
            }
        }
        if (acls.unresolved) outcomes.push(undecided("BucketAcl.bucket"));
        return outcomes;
    },
});
