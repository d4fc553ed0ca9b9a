// What the pack knows about an S3 bucket, shared by every policy that needs it: the bucket's type
// tokens and how other resources name it, and whether it blocks public access, encrypts by default
// and keeps object versions. @pulumi/aws 7 splits these settings into their own resources (which
// name the bucket) and still accepts the bucket's deprecated inline blocks: both are read here, the
// same way for a program's inputs and a stack's outputs.

import { awsTypes, booleanAttribute, cloudFact } from "../../lib/facts";
import { booleanKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { classify, Props } from "../../lib/props";
import { allOf, anyOf, isTrue, oneOf, valueOf } from "../../lib/rules";
import { concerning, ReferenceTarget, Referrers, Stack, StackResource } from "../../lib/stack";

export const bucketTypes = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
/** A bucket is named by its name (`bucket`, which is also its `id`). */
export const bucketTarget: ReferenceTarget = { types: bucketTypes, keys: ["bucket", "id"] };
/** Replication destinations name a bucket by its ARN. */
export const bucketArnTarget: ReferenceTarget = { types: bucketTypes, keys: ["arn"] };
export const publicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const accountPublicAccessBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
// @pulumi/aws 7 names the current resources without "V2" and keeps the V2 tokens as deprecated
// aliases (s3/*.js `aliases`); the resources without a V2 token never had one.
export const encryptionConfigTypes = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
export const versioningTypes = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];
export const aclTypes = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"];
export const ownershipControls = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
export const loggingTypes = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];
export const bucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
export const replicationConfig = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
export const notification = "aws:s3/bucketNotification:BucketNotification";
export const lifecycleTypes = ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"];
export const objectLockConfigTypes = [
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
];

/** The resources of `types` that configure `bucket` through their `bucket` property. */
export function configuring(bucket: StackResource, stack: Stack, types: readonly string[]): Referrers {
    return stack.referrers(types, "bucket", bucket, bucketTarget);
}

/**
 * Since April 2023 S3 creates every new bucket with all four Block Public Access settings on and
 * Object Ownership BucketOwnerEnforced (ACLs disabled). Only at creation: a bucket adopted into the
 * stack (pulumi import, or an alias) keeps what it had, and a preview cannot tell the two apart, so
 * by default the pack wants the setting declared, and this knob accepts S3's defaults instead.
 */
export const acceptNewBucketDefaultsKnob = cloudFact(
    {
        about: "aws.s3.Bucket (new buckets)",
        says: "created with Block Public Access all on and Object Ownership BucketOwnerEnforced (ACLs disabled) unless set otherwise, since April 2023",
        source: "AWS S3 User Guide, \"Default settings for new S3 buckets\" (announced 2022-12-13, in every region by April 2023); the d.ts names no default",
    },
    booleanKnob({
        default: false,
        description:
            "Accept a bucket without its own aws.s3.BucketPublicAccessBlock / aws.s3.BucketOwnershipControls, relying on S3's defaults for buckets created since April 2023 (they do not apply to buckets imported into the stack).",
    }),
);

export const publicAccessFlags = cloudFact(
    { about: "aws.s3.BucketPublicAccessBlock, aws.s3.AccountPublicAccessBlock", says: "each of the four settings defaults to false", source: awsTypes("s3/bucketPublicAccessBlock") },
    ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"],
);
/** The account-wide block's four settings, as attributes (their default is recorded once above). */
export const accountFlags = publicAccessFlags.map(field => booleanAttribute({ types: [accountPublicAccessBlock], field, source: awsTypes("s3/accountPublicAccessBlock") }));
export const sseAlgorithms = cloudFact(
    { about: "aws.s3.BucketServerSideEncryptionConfiguration rule.applyServerSideEncryptionByDefault.sseAlgorithm", says: "AES256, aws:kms or aws:kms:dsse", source: awsTypes("s3/bucketServerSideEncryptionConfiguration") },
    ["AES256", "aws:kms", "aws:kms:dsse"],
);
const versioningStatuses = cloudFact(
    { about: "aws.s3.BucketVersioning versioningConfiguration.status", says: "Enabled, Suspended or Disabled", source: awsTypes("s3/bucketVersioning") },
    ["Enabled", "Suspended", "Disabled"],
);

/** How a policy names the bucket it reports on, e.g. "CloudTrail log bucket". */
export interface BucketRole {
    readonly noun: string;
}

/** All four settings on: the first one off, else the first unknown, else a pass. */
function blocksAll(props: Props, owner: string): Outcome {
    const fix = `set ${publicAccessFlags.join(", ")}: true on the ${owner}`;
    return allOf(publicAccessFlags.map(flag => isTrue(props.boolean(flag), { path: flag, absentMeans: false, fix })));
}

/**
 * A bucket-level or account-level public access block turns on all four settings. With neither,
 * `whenMissing` (default: a violation) decides.
 */
export function blocksPublicAccess(bucket: StackResource, stack: Stack, role: BucketRole, o: { whenMissing?: Outcome } = {}): Outcome {
    const blocks = stack.referrers([publicAccessBlock], "bucket", bucket, bucketTarget);
    const bucketLevel = blocks.found.map(b =>
        concerning(blocksAll(b.props, "aws.s3.BucketPublicAccessBlock"), { prefix: `${role.noun}'s public access block: `, owner: "BucketPublicAccessBlock" }),
    );
    // An account-wide block with all four settings on protects every bucket in the account; one
    // that does not is no reason to report the bucket, so only its pass or undecided counts.
    const accountLevel = stack
        .ofType([accountPublicAccessBlock])
        .map(b => concerning(blocksAll(b.props, "aws.s3.AccountPublicAccessBlock"), { prefix: "", owner: "AccountPublicAccessBlock" }))
        .filter(o => o.kind !== "violation");
    const missing = blocks.unresolved
        ? undecided("BucketPublicAccessBlock.bucket")
        : o.whenMissing ?? violation({
              code: "missingResource",
              problem: `no aws.s3.BucketPublicAccessBlock blocks public access to this ${role.noun}`,
              fix: `add an aws.s3.BucketPublicAccessBlock with bucket: this bucket's id and ${publicAccessFlags.join(", ")} all true`,
          });
    return anyOf([...accountLevel, ...bucketLevel], missing);
}

const sseField = "applyServerSideEncryptionByDefault.sseAlgorithm";

/** Which default algorithms a policy accepts, and the fix it names. */
export interface Encryption {
    readonly allowed: readonly string[];
    readonly fix: string;
}
const anyEncryption: Encryption = { allowed: sseAlgorithms, fix: `set ${sseField}: "aws:kms" (or "AES256")` };

function ruleEncrypts(rule: Props, path: string, want: Encryption): Outcome {
    const algorithm = rule.within("applyServerSideEncryptionByDefault", "sseAlgorithm", "string");
    return oneOf(algorithm, { path, allowed: want.allowed, known: sseAlgorithms, fix: want.fix });
}

/** An encryption configuration resource: a rule with an accepted default algorithm encrypts the bucket. */
function configurationEncrypts(config: Props, want: Encryption): Outcome {
    const sseFix = want.fix;
    const path = `rules[].${sseField}`;
    const addRule = `set rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]`;
    const rules = valueOf(config.list("rules"), { path: "rules", expected: "a list", fix: addRule, absent: undefined });
    if (isOutcome(rules)) return rules;
    if (rules === undefined) return violation({ code: "notSet", field: "rules", problem: "rules is not set", fix: addRule });
    const outcomes = rules.map(rule => {
        const read = valueOf(classify(rule, "object"), { path: "rules[]", expected: "a rule block", fix: sseFix, absent: undefined });
        if (read === undefined) return violation({ code: "notSet", field: "rules[]", problem: "a rule is empty", fix: sseFix });
        return isOutcome(read) ? (read.kind === "undecided" ? undecided("rules") : read) : ruleEncrypts(read, path, want);
    });
    return anyOf(outcomes, violation({ code: "notSet", field: "rules", problem: "rules is empty", fix: sseFix }));
}

/** The bucket encrypts new objects by default (a configuration resource, or the bucket's inline block). */
export function encryptsByDefault(bucket: StackResource, stack: Stack, role: BucketRole, want: Encryption = anyEncryption): Outcome {
    const configs = stack.referrers(encryptionConfigTypes, "bucket", bucket, bucketTarget);
    if (configs.found.length > 0) {
        const outcomes = configs.found.map(c => configurationEncrypts(c.props, want));
        return concerning(anyOf(outcomes, pass), {
            prefix: `${role.noun}'s encryption configuration: `,
            where: "on its aws.s3.BucketServerSideEncryptionConfiguration",
            owner: "BucketServerSideEncryptionConfiguration",
        });
    }
    // The bucket's own (deprecated) inline block, still accepted by @pulumi/aws 7.
    const inline = bucket.props.single("serverSideEncryptionConfiguration");
    if (inline.state === "unknown") return undecided("serverSideEncryptionConfiguration");
    if (inline.state === "known") {
        const rule = inline.value.single("rule");
        if (rule.state === "known") return ruleEncrypts(rule.value, `serverSideEncryptionConfiguration.rule.${sseField}`, want);
        if (rule.state === "unknown") return undecided("serverSideEncryptionConfiguration.rule");
    }
    if (configs.unresolved) return undecided("BucketServerSideEncryptionConfiguration.bucket");
    return violation({
        code: "missingResource",
        problem: `no aws.s3.BucketServerSideEncryptionConfiguration encrypts this ${role.noun}`,
        fix: 'add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: this bucket\'s id and rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]',
    });
}

/** The bucket keeps object versions (a versioning resource, or the bucket's inline block). */
export function keepsVersions(bucket: StackResource, stack: Stack, role: BucketRole): Outcome {
    const versionings = stack.referrers(versioningTypes, "bucket", bucket, bucketTarget);
    if (versionings.found.length > 0) {
        const path = "versioningConfiguration.status";
        const outcomes = versionings.found.map(v =>
            oneOf(v.props.within("versioningConfiguration", "status", "string"), { path, allowed: ["Enabled"], known: versioningStatuses, fix: `set ${path}: "Enabled"` }),
        );
        return concerning(anyOf(outcomes, pass), { prefix: `${role.noun}'s versioning: `, where: "on its aws.s3.BucketVersioning", owner: "BucketVersioning" });
    }
    // The bucket's own (deprecated) inline block.
    const inline = bucket.props.single("versioning");
    if (inline.state === "unknown") return undecided("versioning");
    if (inline.state === "known") return isTrue(inline.value.boolean("enabled"), { path: "versioning.enabled", absentMeans: false, fix: "set versioning.enabled: true (or add an aws.s3.BucketVersioning)" });
    if (versionings.unresolved) return undecided("BucketVersioning.bucket");
    return violation({
        code: "missingResource",
        problem: `no aws.s3.BucketVersioning keeps versions of this ${role.noun}'s objects`,
        fix: 'add an aws.s3.BucketVersioning with bucket: this bucket\'s id and versioningConfiguration: { status: "Enabled" }',
    });
}
