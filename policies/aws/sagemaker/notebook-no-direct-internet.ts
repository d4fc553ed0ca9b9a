import { attributeRule } from "../../lib/attribute-rule";
import { mustBeOneOf } from "../../lib/rules";
import { directInternetAccess, notebookInstance } from "./facts";

export default attributeRule({
    name: "aws-sagemaker-notebook-no-direct-internet",
    description: "SageMaker notebook instances have no direct internet access: they run in a VPC subnet and reach the internet, if at all, through the VPC.",
    severity: "high",
    types: [notebookInstance],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "sagemaker", "network", "public-access"],
    anchors: { awsConfig: ["sagemaker-notebook-no-direct-internet-access"], checkov: ["CKV_AWS_122"] },
    remediation:
        'Set `directInternetAccess: "Disabled"` on the `aws.sagemaker.NotebookInstance` (the default is "Enabled"), with `subnetId` and `securityGroups` ' +
        "naming a private subnet; give the VPC a NAT gateway or VPC endpoints (SageMaker API, S3) for what the notebook must reach.",
    requires: [mustBeOneOf(directInternetAccess, ["Disabled"], { fix: 'set directInternetAccess: "Disabled" with subnetId and securityGroups' })],
    noAutoRemediation: "disabling direct internet access needs a subnet and security groups, and cuts the notebook off from what its VPC does not route to; both are a person's choice",
});
