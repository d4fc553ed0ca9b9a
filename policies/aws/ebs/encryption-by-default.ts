import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { defaultEnabled, encryptionByDefault } from "./facts";

export default attributeRule({
    name: "aws-ebs-encryption-by-default",
    description: "When the stack manages the account's EBS encryption by default, it is on, so every new EBS volume in the region is encrypted.",
    severity: "high",
    types: [encryptionByDefault],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "ebs", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["ec2-ebs-encryption-by-default"], checkov: ["CKV_AWS_106"] },
    remediation:
        "Remove `enabled` from the `aws.ebs.EncryptionByDefault` or set it to `true` (the default), and set the key with " +
        "`aws.ebs.DefaultKmsKey` to a customer-managed `aws.kms.Key` whose key policy lets the account's EC2 and Auto Scaling roles use it.",
    requires: [mustBeTrue(defaultEnabled, { fix: "remove enabled or set it to true" })],
    noAutoRemediation: "turning on encryption by default changes every new volume in the region, including other stacks' (and AMIs shared from other accounts need key grants), so it needs a person's decision",
});
