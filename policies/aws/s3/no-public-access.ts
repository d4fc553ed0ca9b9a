import { awsTypes, cloudFact } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { readDocument } from "../../lib/policy-document";
import { Props } from "../../lib/props";
import { allOf, elementsOf, valueOf } from "../../lib/rules";
import { concerning, defineStackPolicy, StackResource } from "../../lib/stack";
import { acceptNewBucketDefaultsKnob, aclTypes, blocksPublicAccess, bucketPolicy, bucketTypes, configuring } from "./facts";

const role = { noun: "bucket" };

cloudFact(
    {
        about: "aws.s3.Bucket acl, aws.s3.BucketAcl acl",
        says: "private, public-read, public-read-write, aws-exec-read, authenticated-read, bucket-owner-read, bucket-owner-full-control or log-delivery-write; the bucket's defaults to private",
        source: `${awsTypes("s3/bucket")}, ${awsTypes("s3/bucketAcl")}`,
    },
    ["private", "public-read", "public-read-write", "aws-exec-read", "authenticated-read", "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write"],
);
/** Canned ACLs that grant the AllUsers or AuthenticatedUsers group (S3 User Guide, "Canned ACL"). */
const publicAcls = ["public-read", "public-read-write", "authenticated-read"];
/** The two grantee groups that make a grant public (S3 User Guide, "Amazon S3 predefined groups"). */
const publicGroups = /^https?:\/\/acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

function cannedAcl(props: Props, path: string, fix: string): Outcome {
    const acl = valueOf(props.string("acl"), { path, expected: "a string", fix, absent: undefined });
    if (isOutcome(acl) || acl === undefined) return acl ?? pass;
    if (!publicAcls.includes(acl.trim())) return pass;
    return violation({ code: "publicAcl", field: path, problem: `${path} is "${acl.trim()}", which grants access to everyone${acl.includes("authenticated") ? " with an AWS account" : ""}`, fix });
}

/** Grants (the bucket's `grants`, a BucketAcl's `accessControlPolicy.grants`) to AllUsers or AuthenticatedUsers. */
function publicGrants(list: Props, field: string, uriOf: (grant: Props) => Props, path: string, fix: string): Outcome[] {
    const { elements, outcomes } = elementsOf(list, { field, fix });
    for (const e of elements) {
        const uri = uriOf(e.props).string("uri");
        if (uri.state === "unknown") outcomes.push(undecided(`${path}.uri`));
        else if (uri.state === "known" && publicGroups.test(uri.value.trim())) {
            outcomes.push(violation({ code: "publicGrant", field: path, problem: `${path} grants access to a public group (AllUsers or AuthenticatedUsers)`, fix }));
        }
    }
    return outcomes;
}

/** Bucket policy statements that allow everyone with no condition. */
export function publicStatements(raw: unknown, path: string): Outcome {
    const fix = `remove the Allow statements with Principal "*" from ${path}, or restrict them with a Condition (e.g. aws:PrincipalOrgID or aws:SourceVpce)`;
    const doc = readDocument(raw);
    if (doc.state === "absent") return pass;
    if (doc.state === "unknown") return undecided(path);
    if (doc.state === "invalid") return violation({ code: "invalidDocument", field: path, problem: `${path} is not a policy document`, fix: `set ${path} to a JSON policy document with a Statement` });
    const outcomes: Outcome[] = doc.partial ? [undecided(path)] : [];
    for (const s of doc.statements) {
        if (s.effect === "Deny") continue;
        const everyone = s.principal === "everyone" || s.notPrincipal;
        const maybe = s.principal === "unknown" || s.effectUnknown;
        if (s.condition !== undefined) {
            if (s.condition === "unknown" && (everyone || maybe)) outcomes.push(undecided(path));
            continue; // A condition (source VPC, organisation, account) is taken to restrict who may call.
        }
        if (everyone && s.effect === "Allow") outcomes.push(violation({ code: "publicPolicy", field: path, problem: `${path} allows everyone (Principal "*") with no condition`, fix }));
        else if (everyone || maybe) outcomes.push(undecided(path));
    }
    return allOf(outcomes);
}

function aclOutcomes(bucket: StackResource, acls: readonly StackResource[]): Outcome[] {
    const inlineFix = "remove acl and grants from the bucket (ACLs are deprecated there) and keep it private";
    const outcomes = [
        cannedAcl(bucket.props, "acl", inlineFix),
        ...publicGrants(bucket.props, "grants", g => g, "grants", inlineFix),
    ];
    for (const a of acls) {
        const fix = 'set acl: "private" on the aws.s3.BucketAcl (or remove it and disable ACLs with aws.s3.BucketOwnershipControls)';
        const policy = a.props.single("accessControlPolicy");
        const grants = policy.state === "known"
            ? publicGrants(policy.value, "grants", g => g.block("grantee"), "accessControlPolicy.grants[].grantee", fix)
            : policy.state === "unknown" ? [undecided("accessControlPolicy")] : [];
        outcomes.push(...[cannedAcl(a.props, "acl", fix), ...grants].map(o => concerning(o, { prefix: "the bucket's ACL: ", owner: "BucketAcl" })));
    }
    return outcomes;
}

export default defineStackPolicy({
    name: "aws-s3-no-public-access",
    description: "No S3 bucket can be read or written by the public: Block Public Access is on for it (or the account), and no ACL, grant or bucket policy opens it to everyone.",
    severity: "critical",
    types: bucketTypes,
    hipaa: ["164.312(a)(1)", "164.308(a)(1)(ii)(B)"],
    hitrust: ["01.v", "0805.01m1"],
    tags: ["aws", "s3", "access-control", "public-access", "stack"],
    anchors: { awsConfig: ["s3-bucket-public-read-prohibited", "s3-bucket-public-write-prohibited"], checkov: ["CKV_AWS_20", "CKV_AWS_57", "CKV2_AWS_6", "CKV_AWS_70"] },
    remediation:
        "For each `aws.s3.Bucket`:\n" +
        "- add an `aws.s3.BucketPublicAccessBlock` with `bucket: bucket.id` and `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` all `true` " +
        "(or an `aws.s3.AccountPublicAccessBlock` with all four `true`);\n" +
        "- remove `acl: \"public-read\"`, `\"public-read-write\"` and `\"authenticated-read\"` and grants to the AllUsers or AuthenticatedUsers groups (on the bucket or an `aws.s3.BucketAcl`);\n" +
        "- remove bucket policy statements that `Allow` `Principal: \"*\"` without a `Condition`.\n" +
        "Serve public content through CloudFront with origin access control instead. Set `acceptNewBucketDefaults: true` to rely on S3's Block Public Access default for new buckets.",
    knobs: { acceptNewBucketDefaults: acceptNewBucketDefaultsKnob },
    check: (bucket, stack, config): Outcome[] => {
        const acls = configuring(bucket, stack, aclTypes);
        const policies = configuring(bucket, stack, [bucketPolicy]);
        const blocked = blocksPublicAccess(bucket, stack, role, config.acceptNewBucketDefaults ? { whenMissing: pass } : {});
        const grants = [
            ...aclOutcomes(bucket, acls.found),
            publicStatements(bucket.props.raw("policy"), "policy"),
            ...policies.found.map(p => concerning(publicStatements(p.props.raw("policy"), "policy"), { prefix: "the bucket's policy: ", owner: "BucketPolicy" })),
            ...(acls.unresolved ? [undecided("BucketAcl.bucket")] : []),
            ...(policies.unresolved ? [undecided("BucketPolicy.bucket")] : []),
        ];
        // With all four settings on (declared, or S3's default when accepted), S3 rejects public ACLs
        // and policies and ignores existing ones: what one unknown at preview says no longer matters,
        // but a public one is still reported (it makes the deployment fail).
        if (blocked.kind === "pass") return [blocked, ...grants.filter(o => o.kind !== "undecided")];
        return [blocked, ...grants];
    },
});
