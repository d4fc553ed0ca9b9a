import { attributeRule } from "../../lib/attribute-rule";
import { mustBeFalse } from "../../lib/rules";
import { cluster, publiclyAccessible } from "./facts";

export default attributeRule({
    name: "aws-redshift-public-access",
    description: "Redshift clusters have no public endpoint and are reachable only from inside the VPC.",
    severity: "critical",
    types: [cluster],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "redshift", "network", "public-access"],
    anchors: { awsConfig: ["redshift-cluster-public-access-check"], checkov: ["CKV_AWS_87"] },
    remediation: "Remove `publiclyAccessible` or set it to false on the `aws.redshift.Cluster` (the default is false); reach it through the VPC.",
    requires: [mustBeFalse(publiclyAccessible)],
    remediates: true,
});
