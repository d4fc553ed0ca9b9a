import { defineStackPolicy } from "../../lib/stack";
import { bucketTypes, encryptsByDefault } from "./facts";

const role = { noun: "bucket" };
const kms = { allowed: ["aws:kms", "aws:kms:dsse"], fix: 'set applyServerSideEncryptionByDefault.sseAlgorithm: "aws:kms" (or "aws:kms:dsse") with kmsMasterKeyId: a customer-managed key' };

export default defineStackPolicy({
    name: "aws-s3-default-encryption-kms",
    description: "S3 buckets encrypt new objects by default with AWS KMS (SSE-KMS or DSSE-KMS), not only S3-managed keys.",
    severity: "high",
    types: bucketTypes,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1", "10.g"],
    tags: ["aws", "s3", "encryption", "encryption-at-rest", "stack"],
    anchors: { awsConfig: ["s3-default-encryption-kms"], checkov: ["CKV_AWS_145"] },
    remediation:
        "Add an `aws.s3.BucketServerSideEncryptionConfiguration` with `bucket: bucket.id` and " +
        "`rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }]` " +
        "(a customer-managed `aws.kms.Key` with rotation on). S3 encrypts every bucket with SSE-S3 (`AES256`) by default since January 2023; " +
        "that default is not enough here, because S3-managed keys give no key policy or CloudTrail record of each decryption.",
    check: (bucket, stack) => encryptsByDefault(bucket, stack, role, kms),
});
