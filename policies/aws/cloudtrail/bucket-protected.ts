import { isOutcome } from "../../lib/outcome";
import { about, defineStackPolicy, referenced, StackOutcome } from "../../lib/stack";
import { blocksPublicAccess, bucketTarget, encryptsByDefault, keepsVersions } from "../s3/facts";
import { trail } from "./facts";

const role = { noun: "CloudTrail log bucket" };

export default defineStackPolicy({
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
        const bucket = referenced(stack, t, { field: "s3BucketName", target: bucketTarget, what: "S3 bucket" });
        if (isOutcome(bucket)) return bucket;
        return about(bucket, [blocksPublicAccess(bucket, stack, role), encryptsByDefault(bucket, stack, role), keepsVersions(bucket, stack, role)]);
    },
});
