import { attributeRule } from "../../lib/attribute-rule";
import { mustBeSet } from "../../lib/rules";
import { endpointConfiguration, endpointKey, keyChoice } from "./facts";

export default attributeRule({
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
