import { integerKnob } from "../../lib/knobs";
import { isOutcome, undecided } from "../../lib/outcome";
import { about, defineStackPolicy, referenced, StackOutcome } from "../../lib/stack";
import { blocksPublicAccess, bucketTarget, encryptsByDefault, keepsVersions } from "../s3/facts";
import { keepsObjectsFor } from "../s3/lifecycle";
import { trail } from "./facts";

const role = { noun: "CloudTrail log bucket" };

export default defineStackPolicy({
    name: "aws-cloudtrail-bucket-protected",
    description: "The S3 bucket a CloudTrail trail writes to blocks public access, is encrypted, keeps object versions, and keeps log files for the retention period.",
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
        "- `aws.s3.BucketVersioning` with `versioningConfiguration: { status: \"Enabled\" }`;\n" +
        "- no lifecycle rule (`aws.s3.BucketLifecycleConfiguration` or the bucket's `lifecycleRules`) that expires log objects, or their noncurrent " +
        "versions, before `minimumRetentionDays` (default 2192, six years); transitions to colder storage classes are fine.\n" +
        "Pass `bucket.id` (not a literal name) so the pack can connect them at preview. A bucket managed outside this stack is checked where it is defined.",
    knobs: {
        minimumRetentionDays: integerKnob({
            default: 2192, minimum: 1, maximum: 36500,
            description: "Fewest days the trail's log files must be kept before a lifecycle rule may expire them (2192 is six years).",
        }),
    },
    check: (t, stack, config): StackOutcome => {
        const bucket = referenced(stack, t, { field: "s3BucketName", target: bucketTarget, what: "S3 bucket" });
        if (isOutcome(bucket)) return bucket;
        // CloudTrail writes under <s3KeyPrefix>/AWSLogs/ (or AWSLogs/ without a prefix).
        const prefix = t.props.string("s3KeyPrefix");
        const lifecycle =
            prefix.state === "unknown"
                ? [undecided("s3KeyPrefix")]
                : keepsObjectsFor(bucket, stack, {
                      keyPrefix: `${prefix.state === "known" && prefix.value.trim() !== "" ? `${prefix.value.trim().replace(/\/+$/, "")}/` : ""}AWSLogs/`,
                      minimumDays: config.minimumRetentionDays,
                      noun: role.noun,
                  });
        return about(bucket, [blocksPublicAccess(bucket, stack, role), encryptsByDefault(bucket, stack, role), keepsVersions(bucket, stack, role), ...lifecycle]);
    },
});
