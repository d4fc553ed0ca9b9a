import { defineResourcePolicy } from "../../lib/policy";
import { encryptionOutcome, logGroup } from "./facts";

export default defineResourcePolicy({
    name: "aws-cloudwatch-log-encryption",
    description: "CloudWatch Logs log groups encrypt events with a customer-managed KMS key.",
    severity: "high",
    types: [logGroup],
    hipaa: ["164.312(a)(2)(iv)", "164.312(b)"],
    hitrust: ["1202.09aa1", "19141.06c1"],
    tags: ["aws", "cloudwatch", "logging", "encryption", "encryption-at-rest"],
    anchors: { checkov: ["CKV_AWS_158"] },
    remediation:
        "Set `kmsKeyId` on the `aws.cloudwatch.LogGroup` to the ARN of a customer-managed `aws.kms.Key` with `enableKeyRotation: true`.\n" +
        "The key policy must allow the `logs.<region>.amazonaws.com` service principal to use the key.",
    check: r => encryptionOutcome(r.props),
    noAutoRemediation: "which KMS key encrypts the log group (and its key policy) is a person's choice",
});
