import { attributeRule } from "../../lib/attribute-rule";
import { mustBeFalse } from "../../lib/rules";
import { clusterInstance, publiclyAccessible, instance } from "./facts";

export default attributeRule({
    name: "aws-rds-public-access",
    description: "RDS and Aurora DB instances have no public IP address and are reachable only from inside the VPC.",
    severity: "critical",
    types: [instance, clusterInstance],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "rds", "network", "public-access"],
    anchors: { awsConfig: ["rds-instance-public-access-check"], checkov: ["CKV_AWS_17"] },
    remediation: "Remove `publiclyAccessible` or set it to false on the `aws.rds.Instance` or `aws.rds.ClusterInstance` (the default is false), and reach the database through the VPC (a bastion, VPN or PrivateLink).",
    requires: [mustBeFalse(publiclyAccessible)],
    remediates: true,
});
