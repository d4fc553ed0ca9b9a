import { attributeRule } from "../../lib/attribute-rule";
import { mustBeSet } from "../../lib/rules";
import { keyChoice, notebookInstance, notebookKey } from "./facts";

export default attributeRule({
    name: "aws-sagemaker-notebook-encryption",
    description: "SageMaker notebook instances encrypt their ML storage volume with a KMS key.",
    severity: "high",
    types: [notebookInstance],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "sagemaker", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["sagemaker-notebook-instance-kms-key-configured"], checkov: ["CKV_AWS_22"] },
    remediation: "Set `kmsKeyId` on the `aws.sagemaker.NotebookInstance` to an `aws.kms.Key`.",
    requires: [mustBeSet(notebookKey, { fix: "set kmsKeyId to an aws.kms.Key" })],
    noAutoRemediation: keyChoice,
});
