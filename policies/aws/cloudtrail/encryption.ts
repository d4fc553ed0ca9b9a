import { attributeRule } from "../../lib/attribute-rule";
import { mustBeSet } from "../../lib/rules";
import { kmsKeyId, trail } from "./facts";

export default attributeRule({
    name: "aws-cloudtrail-encryption",
    description: "CloudTrail encrypts the log files it delivers with a customer-managed KMS key (SSE-KMS).",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(a)(2)(iv)", "164.312(b)"],
    hitrust: ["1202.09aa1", "19141.06c1"],
    tags: ["aws", "cloudtrail", "logging", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["cloud-trail-encryption-enabled"], checkov: ["CKV_AWS_35"] },
    remediation:
        "Set `kmsKeyId` on the `aws.cloudtrail.Trail` to the ARN of a customer-managed `aws.kms.Key` (with `enableKeyRotation: true`) " +
        "whose key policy lets `cloudtrail.amazonaws.com` encrypt and your auditors decrypt.",
    requires: [
        mustBeSet(kmsKeyId, { fix: "set kmsKeyId to the ARN of a customer-managed aws.kms.Key", missing: "kmsKeyId is not set, so log files are encrypted only with S3's default key" }),
    ],
    noAutoRemediation: "which KMS key encrypts the trail (and its key policy for CloudTrail) is a person's choice",
});
