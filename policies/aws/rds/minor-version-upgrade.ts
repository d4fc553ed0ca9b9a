import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { autoMinorVersionUpgrade, clusterInstance, instance } from "./facts";

export default attributeRule({
    name: "aws-rds-minor-version-upgrade",
    description: "RDS and Aurora DB instances apply minor engine upgrades (security fixes) automatically in their maintenance window.",
    severity: "medium",
    types: [instance, clusterInstance],
    hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["aws", "rds", "patching", "vulnerability-management"],
    anchors: { awsConfig: ["rds-automatic-minor-version-upgrade-enabled"], checkov: ["CKV_AWS_226"] },
    remediation: "Remove `autoMinorVersionUpgrade` or set it to true on the `aws.rds.Instance` or `aws.rds.ClusterInstance` (the default is true).",
    requires: [mustBeTrue(autoMinorVersionUpgrade)],
    remediates: true,
});
