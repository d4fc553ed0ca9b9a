import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { allowVersionUpgrade, cluster } from "./facts";

export default attributeRule({
    name: "aws-redshift-version-upgrade",
    description: "Redshift clusters take engine version upgrades (security fixes) in their maintenance window.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["aws", "redshift", "patching", "vulnerability-management"],
    anchors: { awsConfig: ["redshift-cluster-maintenancesettings-check"], checkov: ["CKV_AWS_141"] },
    remediation: "Remove `allowVersionUpgrade` or set it to true on the `aws.redshift.Cluster` (the default is true).",
    requires: [mustBeTrue(allowVersionUpgrade)],
    remediates: true,
});
