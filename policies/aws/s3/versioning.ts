import { defineStackPolicy } from "../../lib/stack";
import { bucketTypes, keepsVersions } from "./facts";

const role = { noun: "bucket" };

export default defineStackPolicy({
    name: "aws-s3-versioning",
    description: "S3 buckets keep object versions, so an overwritten or deleted object can be recovered.",
    severity: "medium",
    types: bucketTypes,
    hipaa: ["164.312(c)(1)", "164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1620.09l1"],
    tags: ["aws", "s3", "integrity", "backup", "stack"],
    anchors: { awsConfig: ["s3-bucket-versioning-enabled"], checkov: ["CKV_AWS_21"] },
    remediation:
        "Add an `aws.s3.BucketVersioning` with `bucket: bucket.id` and `versioningConfiguration: { status: \"Enabled\" }` " +
        "(or the bucket's deprecated inline `versioning: { enabled: true }`), and expire noncurrent versions with a lifecycle rule (`aws-s3-version-lifecycle`).",
    check: (bucket, stack) => keepsVersions(bucket, stack, role),
});
