// What the pack knows about an S3 bucket, shared by every policy that needs it: the bucket's type
// tokens and how other resources name it, and whether it blocks public access, encrypts by default
// and keeps object versions. @pulumi/aws 7 splits these settings into their own resources (which
// name the bucket) and still accepts the bucket's deprecated inline blocks: both are read here, the
// same way for a program's inputs and a stack's outputs.

import { awsTypes, cloudFact } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { classify, Props } from "../../lib/props";
import { allOf, anyOf, isTrue, oneOf, valueOf } from "../../lib/rules";
import { concerning, ReferenceTarget, Stack, StackResource } from "../../lib/stack";

export const bucketTypes = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
/** A bucket is named by its name (`bucket`, which is also its `id`). */
export const bucketTarget: ReferenceTarget = { types: bucketTypes, keys: ["bucket", "id"] };
export const publicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const accountPublicAccessBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
// @pulumi/aws 7 names the current resources without "V2" and keeps the V2 tokens as deprecated aliases.
export const encryptionConfigTypes = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
export const versioningTypes = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

const publicAccessFlags = cloudFact(
    { about: "aws.s3.BucketPublicAccessBlock, aws.s3.AccountPublicAccessBlock", says: "each of the four settings defaults to false", source: awsTypes("s3/bucketPublicAccessBlock") },
    ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"],
);
const sseAlgorithms = cloudFact(
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

/** A bucket-level or account-level public access block turns on all four settings. */
export function blocksPublicAccess(bucket: StackResource, stack: Stack, role: BucketRole): Outcome {
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
        : violation({
              code: "missingResource",
              problem: `no aws.s3.BucketPublicAccessBlock blocks public access to this ${role.noun}`,
              fix: `add an aws.s3.BucketPublicAccessBlock with bucket: this bucket's id and ${publicAccessFlags.join(", ")} all true`,
          });
    return anyOf([...accountLevel, ...bucketLevel], missing);
}

const sseField = "applyServerSideEncryptionByDefault.sseAlgorithm";
const sseFix = `set ${sseField}: "aws:kms" (or "AES256")`;

function ruleEncrypts(rule: Props, path: string): Outcome {
    const algorithm = rule.within("applyServerSideEncryptionByDefault", "sseAlgorithm", "string");
    return oneOf(algorithm, { path, allowed: sseAlgorithms, known: sseAlgorithms, fix: sseFix });
}

/** An encryption configuration resource: a rule with a valid default algorithm encrypts the bucket. */
function configurationEncrypts(config: Props): Outcome {
    const path = `rules[].${sseField}`;
    const addRule = `set rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]`;
    const rules = valueOf(config.list("rules"), { path: "rules", expected: "a list", fix: addRule, absent: undefined });
    if (isOutcome(rules)) return rules;
    if (rules === undefined) return violation({ code: "notSet", field: "rules", problem: "rules is not set", fix: addRule });
    const outcomes = rules.map(rule => {
        const read = valueOf(classify(rule, "object"), { path: "rules[]", expected: "a rule block", fix: sseFix, absent: undefined });
        if (read === undefined) return violation({ code: "notSet", field: "rules[]", problem: "a rule is empty", fix: sseFix });
        return isOutcome(read) ? (read.kind === "undecided" ? undecided("rules") : read) : ruleEncrypts(read, path);
    });
    return anyOf(outcomes, violation({ code: "notSet", field: "rules", problem: "rules is empty", fix: sseFix }));
}

/** The bucket encrypts new objects by default (a configuration resource, or the bucket's inline block). */
export function encryptsByDefault(bucket: StackResource, stack: Stack, role: BucketRole): Outcome {
    const configs = stack.referrers(encryptionConfigTypes, "bucket", bucket, bucketTarget);
    if (configs.found.length > 0) {
        const outcomes = configs.found.map(c => configurationEncrypts(c.props));
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
        if (rule.state === "known") return ruleEncrypts(rule.value, `serverSideEncryptionConfiguration.rule.${sseField}`);
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
