// SageMaker controls: the storage of endpoints and notebook instances is encrypted with a KMS key.

import { attributeRule } from "../lib/attribute-rule";
import { awsTypes, serviceFact, stringAttribute } from "../lib/facts";
import { mustBeSet } from "../lib/rules";

export const endpointConfiguration = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
export const notebookInstance = "aws:sagemaker/notebookInstance:NotebookInstance";

const endpointKey = stringAttribute({ types: [endpointConfiguration], field: "kmsKeyArn", source: awsTypes("sagemaker/endpointConfiguration") });
const notebookKey = stringAttribute({ types: [notebookInstance], field: "kmsKeyId", source: awsTypes("sagemaker/notebookInstance") });

const keyChoice = "which KMS key encrypts the volumes is a person's choice, and its key policy must let SageMaker use it";

serviceFact({
    about: "aws.sagemaker.EndpointConfiguration kmsKeyArn",
    says: "instance types with local (NVMe instance store) storage encrypt it with a hardware key and reject a KMS key",
    source: "Amazon SageMaker API Reference: CreateEndpointConfig (KmsKeyId); " + awsTypes("sagemaker/endpointConfiguration"),
});

export const endpointEncryption = attributeRule({
    name: "aws-sagemaker-endpoint-encryption",
    description: "SageMaker endpoint configurations encrypt the storage volumes of the instances that host the endpoint with a KMS key.",
    severity: "high",
    types: [endpointConfiguration],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "sagemaker", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["sagemaker-endpoint-configuration-kms-key-configured"], checkov: ["CKV_AWS_98"] },
    remediation:
        "Set `kmsKeyArn` on the `aws.sagemaker.EndpointConfiguration` to an `aws.kms.Key`. Instance types with local NVMe storage encrypt it with a " +
        "hardware key and do not accept one: use a waiver for those, naming the instance type.",
    requires: [mustBeSet(endpointKey, { fix: "set kmsKeyArn to the ARN of an aws.kms.Key" })],
    noAutoRemediation: keyChoice,
});

export const notebookEncryption = attributeRule({
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

export const policies = [endpointEncryption, notebookEncryption];
