// CloudTrail controls from the HIPAA monitoring playbook (seed 002): a multi-region trail that is
// logging, validates its log files, encrypts them with KMS, delivers to CloudWatch Logs, writes to
// a protected S3 bucket, and whose log group keeps six years of encrypted events.
//
// The last two are stack policies: the bucket's protections are separate S3 resources that name
// the bucket, and the log group is its own resource.

import { notApplicable, Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { classify, describeWrongType, Props, Read } from "../lib/props";
import { allOf, anyOf, fixTrue, mustBeSet, mustBeTrue, stringOneOf } from "../lib/rules";
import { about, concerning, defineStackPolicy, Stack, StackOutcome, StackResource, Target } from "../lib/stack";
import { encryptionOutcome, logGroup, minimumRetentionDaysKnob, retentionOutcome } from "./cloudwatch";

export const trail = "aws:cloudtrail/trail:Trail";

// Defaults below are the Trail d.ts doc comments: enableLogFileValidation false,
// isMultiRegionTrail false, includeGlobalServiceEvents true, enableLogging true.

export const logFileValidation = defineResourcePolicy({
    name: "aws-cloudtrail-log-file-validation",
    description: "CloudTrail trails sign digest files so tampering with delivered log files can be detected.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)", "164.312(c)(1)", "164.312(c)(2)"],
    hitrust: ["1202.09aa1"],
    tags: ["aws", "cloudtrail", "logging", "integrity"],
    remediation: "Set `enableLogFileValidation: true` on the `aws.cloudtrail.Trail` (the default is false). Validate with `aws cloudtrail validate-logs`.",
    check: r => mustBeTrue(r.props, "enableLogFileValidation", false),
    remediate: r => fixTrue(r.props, "enableLogFileValidation", false),
});

export const multiRegion = defineResourcePolicy({
    name: "aws-cloudtrail-multi-region",
    description: "CloudTrail trails record API calls in every region, global services (IAM, STS) included.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1204.09aa1"],
    tags: ["aws", "cloudtrail", "logging"],
    remediation:
        "Set `isMultiRegionTrail: true` on the `aws.cloudtrail.Trail` (the default is false), and leave `includeGlobalServiceEvents` " +
        "unset or true so IAM and other global-service calls are recorded.",
    check: r => [
        mustBeTrue(r.props, "isMultiRegionTrail", false),
        mustBeTrue(r.props, "includeGlobalServiceEvents", true, "remove includeGlobalServiceEvents or set it to true"),
    ],
    remediate: r => ({ ...fixTrue(r.props, "isMultiRegionTrail", false), ...fixTrue(r.props, "includeGlobalServiceEvents", true) }),
});

export const trailEncryption = defineResourcePolicy({
    name: "aws-cloudtrail-encryption",
    description: "CloudTrail encrypts the log files it delivers with a customer-managed KMS key (SSE-KMS).",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(a)(2)(iv)", "164.312(b)"],
    hitrust: ["1202.09aa1", "19141.06c1"],
    tags: ["aws", "cloudtrail", "logging", "encryption", "encryption-at-rest"],
    remediation:
        "Set `kmsKeyId` on the `aws.cloudtrail.Trail` to the ARN of a customer-managed `aws.kms.Key` (with `enableKeyRotation: true`) " +
        "whose key policy lets `cloudtrail.amazonaws.com` encrypt and your auditors decrypt.",
    check: r => mustBeSet(r.props, "kmsKeyId", "set kmsKeyId to the ARN of a customer-managed aws.kms.Key", "kmsKeyId is not set, so log files are encrypted only with S3's default key"),
    noAutoRemediation: "which KMS key encrypts the trail (and its key policy for CloudTrail) is a person's choice",
});

export const cloudwatchIntegration = defineResourcePolicy({
    name: "aws-cloudtrail-cloudwatch-integration",
    description: "CloudTrail delivers events to a CloudWatch Logs log group, where metric filters and alarms watch them.",
    severity: "medium",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["12100.09ab2", "1202.09aa1"],
    tags: ["aws", "cloudtrail", "cloudwatch", "logging", "monitoring"],
    remediation:
        "On the `aws.cloudtrail.Trail` set `cloudWatchLogsGroupArn` to `pulumi.interpolate`${logGroup.arn}:*`` (CloudTrail requires the " +
        "log stream wildcard) and `cloudWatchLogsRoleArn` to an `aws.iam.Role` that `cloudtrail.amazonaws.com` can assume, allowed " +
        "`logs:CreateLogStream` and `logs:PutLogEvents` on that group.",
    check: r => [
        mustBeSet(r.props, "cloudWatchLogsGroupArn", "set cloudWatchLogsGroupArn to an aws.cloudwatch.LogGroup ARN followed by \":*\""),
        mustBeSet(r.props, "cloudWatchLogsRoleArn", "set cloudWatchLogsRoleArn to the ARN of an aws.iam.Role CloudTrail can assume to write to the log group"),
    ],
    noAutoRemediation: "which log group receives the trail, and the IAM role CloudTrail assumes to write to it, are a person's choice",
});

export const loggingEnabled = defineResourcePolicy({
    name: "aws-cloudtrail-logging-enabled",
    description: "CloudTrail trails are logging (not stopped).",
    severity: "critical",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1270.09ad1"],
    tags: ["aws", "cloudtrail", "logging"],
    remediation: "Remove `enableLogging` from the `aws.cloudtrail.Trail` or set it to `true` (the default); `false` calls StopLogging.",
    check: r => mustBeTrue(r.props, "enableLogging", true, "remove enableLogging or set it to true"),
    remediate: r => fixTrue(r.props, "enableLogging", true),
});

// --- The trail's S3 bucket (stack policy) ---------------------------------------------------------

const bucketTypes = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
/** A bucket is named by its name (`bucket`, which is also its `id`). */
const bucketTarget: Target = { types: bucketTypes, keys: ["bucket", "id"] };
const publicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const accountPublicAccessBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
// @pulumi/aws 7 names the current resources without "V2" and keeps the V2 tokens as deprecated aliases.
const encryptionConfigTypes = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
const versioningTypes = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

const publicAccessFlags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
const sseAlgorithms = ["AES256", "aws:kms", "aws:kms:dsse"];
const versioningStatuses = ["Enabled", "Suspended", "Disabled"];

/** The nested block's property, keeping "unknown" when the block itself is unknown at preview. */
function nested(props: Props, block: string, read: (inner: Props) => Read<string>): Read<string> {
    const outer = props.single(block);
    return outer.state === "known" ? read(outer.value) : outer;
}

/** All four settings on: the first one off, else the first unknown, else a pass. */
function blocksAll(props: Props, owner: string): Outcome {
    const fix = `set ${publicAccessFlags.join(", ")}: true on the ${owner}`;
    return allOf(publicAccessFlags.map(flag => mustBeTrue(props, flag, false, fix)));
}

function blocksPublicAccess(bucket: StackResource, stack: Stack): Outcome {
    const blocks = stack.referrers([publicAccessBlock], "bucket", bucket, bucketTarget);
    const bucketLevel = blocks.found.map(b =>
        concerning(blocksAll(b.props, "aws.s3.BucketPublicAccessBlock"), { prefix: "CloudTrail log bucket's public access block: ", owner: "BucketPublicAccessBlock" }),
    );
    // An account-wide block with all four settings on protects every bucket in the account; one
    // that does not is no reason to report the bucket, so only its pass or undecided counts.
    const accountLevel = stack
        .ofType([accountPublicAccessBlock])
        .map(b => concerning(blocksAll(b.props, "aws.s3.AccountPublicAccessBlock"), { prefix: "", owner: "AccountPublicAccessBlock" }))
        .filter(o => o.kind !== "violation");
    const missing = blocks.unresolved
        ? undecided("BucketPublicAccessBlock.bucket")
        : violation(
              "no aws.s3.BucketPublicAccessBlock blocks public access to this CloudTrail log bucket",
              `add an aws.s3.BucketPublicAccessBlock with bucket: this bucket's id and ${publicAccessFlags.join(", ")} all true`,
          );
    return anyOf([...accountLevel, ...bucketLevel], missing);
}

const sseField = "applyServerSideEncryptionByDefault.sseAlgorithm";
const sseFix = `set ${sseField}: "aws:kms" (or "AES256")`;

function ruleEncrypts(rule: Props, field: string): Outcome {
    const algorithm = nested(rule, "applyServerSideEncryptionByDefault", d => d.string("sseAlgorithm"));
    return stringOneOf(algorithm, field, sseAlgorithms, sseAlgorithms, undefined, sseFix);
}

/** An encryption configuration resource: a rule with a valid default algorithm encrypts the bucket. */
function configurationEncrypts(config: Props): Outcome {
    const field = `rules[].${sseField}`;
    const rules = config.list("rules");
    switch (rules.state) {
        case "unknown":
            return undecided("rules");
        case "absent":
        case "wrongType":
            return violation(`rules is ${rules.state === "absent" ? "not set" : describeWrongType(rules.value)}`, `set rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]`);
    }
    const outcomes = rules.value.map(rule => {
        const read = classify(rule, "object");
        if (read.state === "known") return ruleEncrypts(read.value, field);
        return read.state === "unknown" ? undecided("rules") : violation(`a rule is ${read.state === "absent" ? "empty" : describeWrongType(read.value)}`, sseFix);
    });
    return anyOf(outcomes, violation("rules is empty", sseFix));
}

function isEncrypted(bucket: StackResource, stack: Stack): Outcome {
    const configs = stack.referrers(encryptionConfigTypes, "bucket", bucket, bucketTarget);
    if (configs.found.length > 0) {
        const outcomes = configs.found.map(c => configurationEncrypts(c.props));
        return concerning(anyOf(outcomes, pass), {
            prefix: "CloudTrail log bucket's encryption configuration: ",
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
    return violation(
        "no aws.s3.BucketServerSideEncryptionConfiguration encrypts this CloudTrail log bucket",
        'add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: this bucket\'s id and rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]',
    );
}

function isVersioned(bucket: StackResource, stack: Stack): Outcome {
    const versionings = stack.referrers(versioningTypes, "bucket", bucket, bucketTarget);
    if (versionings.found.length > 0) {
        const field = "versioningConfiguration.status";
        const outcomes = versionings.found.map(v =>
            stringOneOf(nested(v.props, "versioningConfiguration", c => c.string("status")), field, ["Enabled"], versioningStatuses, undefined, `set ${field}: "Enabled"`),
        );
        return concerning(anyOf(outcomes, pass), { prefix: "CloudTrail log bucket's versioning: ", where: "on its aws.s3.BucketVersioning", owner: "BucketVersioning" });
    }
    // The bucket's own (deprecated) inline block.
    const inline = bucket.props.single("versioning");
    if (inline.state === "unknown") return undecided("versioning");
    if (inline.state === "known") return mustBeTrue(inline.value, "enabled", false, "set versioning.enabled: true (or add an aws.s3.BucketVersioning)");
    if (versionings.unresolved) return undecided("BucketVersioning.bucket");
    return violation(
        "no aws.s3.BucketVersioning keeps versions of this CloudTrail log bucket's objects",
        'add an aws.s3.BucketVersioning with bucket: this bucket\'s id and versioningConfiguration: { status: "Enabled" }',
    );
}

/** The in-stack resource a trail's property names, or the outcome for the trail when there is none. */
function trailTarget(t: StackResource, stack: Stack, field: string, target: Target, what: string): StackResource | Outcome {
    const ref = stack.resolve(t, field, target);
    switch (ref.state) {
        case "inStack":
            return ref.resource;
        case "outside":
            return notApplicable(`the trail's ${what} is not created by this stack; check it where it is defined`);
        case "unknown":
            return undecided(field);
        case "absent":
            return notApplicable(`the trail names no ${what} (${field} is not set)`);
        case "wrongType":
            return violation(`${field} is ${describeWrongType(ref.value)}, not a string`, `set ${field} to the ${what}'s ${field.endsWith("Arn") ? "ARN" : "name"}`);
    }
}

function isResource(value: StackResource | Outcome): value is StackResource {
    return typeof (value as StackResource).urn === "string";
}

export const bucketProtected = defineStackPolicy({
    name: "aws-cloudtrail-bucket-protected",
    description: "The S3 bucket a CloudTrail trail writes to blocks public access, is encrypted, and keeps object versions.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)", "164.312(c)(1)", "164.312(a)(1)", "164.312(a)(2)(iv)"],
    hitrust: ["1202.09aa1", "19141.06c1"],
    tags: ["aws", "cloudtrail", "s3", "logging", "integrity", "encryption", "stack"],
    remediation:
        "For the `aws.s3.Bucket` named by the trail's `s3BucketName`, add resources whose `bucket` is the bucket's `id`:\n" +
        "- `aws.s3.BucketPublicAccessBlock` with `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` all `true` " +
        "(or an `aws.s3.AccountPublicAccessBlock` with all four `true`);\n" +
        "- `aws.s3.BucketServerSideEncryptionConfiguration` with a rule whose `applyServerSideEncryptionByDefault.sseAlgorithm` is `\"aws:kms\"` (or `\"AES256\"`);\n" +
        "- `aws.s3.BucketVersioning` with `versioningConfiguration: { status: \"Enabled\" }`.\n" +
        "Pass `bucket.id` (not a literal name) so the pack can connect them at preview. A bucket managed outside this stack is checked where it is defined.",
    check: (t, stack): StackOutcome => {
        const bucket = trailTarget(t, stack, "s3BucketName", bucketTarget, "S3 bucket");
        if (!isResource(bucket)) return bucket;
        return about(bucket, [blocksPublicAccess(bucket, stack), isEncrypted(bucket, stack), isVersioned(bucket, stack)]);
    },
});

// --- The trail's log group (stack policy) ---------------------------------------------------------

/** CloudTrail requires the log stream wildcard (":*") on the ARN; the LogGroup's `arn` output drops it. */
const logGroupTarget: Target = { types: [logGroup], keys: ["arn"], normalize: arn => arn.replace(/:\*$/, "") };

export const trailLogGroup = defineStackPolicy({
    name: "aws-cloudtrail-log-group-retention",
    description: "The CloudWatch Logs log group a CloudTrail trail delivers to keeps events for six years and encrypts them with KMS.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)", "164.316(b)(2)(i)", "164.312(a)(2)(iv)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["aws", "cloudtrail", "cloudwatch", "logging", "retention", "encryption", "stack"],
    remediation:
        "On the `aws.cloudwatch.LogGroup` the trail's `cloudWatchLogsGroupArn` points at, set `retentionInDays` to at least " +
        "`minimumRetentionDays` (default 2192, six years) or omit it to keep events forever, and set `kmsKeyId` to a customer-managed " +
        "`aws.kms.Key` ARN. Configure this policy separately from `aws-cloudwatch-log-retention` to hold audit logs to a longer " +
        "period than application logs.",
    knobs: { minimumRetentionDays: minimumRetentionDaysKnob },
    check: (t, stack, config): StackOutcome => {
        const group = trailTarget(t, stack, "cloudWatchLogsGroupArn", logGroupTarget, "CloudWatch Logs log group");
        if (!isResource(group)) return group;
        const prefix = { prefix: "this log group receives CloudTrail events and " };
        return about(group, [
            concerning(retentionOutcome(group.props, config.minimumRetentionDays), prefix),
            concerning(encryptionOutcome(group.props), prefix),
        ]);
    },
});

export const cloudtrailPolicies = [logFileValidation, multiRegion, trailEncryption, cloudwatchIntegration, loggingEnabled];
export const cloudtrailStackPolicies = [bucketProtected, trailLogGroup];
