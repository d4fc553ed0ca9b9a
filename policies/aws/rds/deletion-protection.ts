import { defineResourcePolicy } from "../../lib/policy";
import { mustBeTrue } from "../../lib/rules";
import { cluster, deletionProtection, inherited, instance } from "./facts";

const protect = mustBeTrue(deletionProtection);

export default defineResourcePolicy({
    name: "aws-rds-deletion-protection",
    description: "RDS DB clusters and DB instances refuse deletion until deletion protection is turned off.",
    severity: "medium",
    types: [cluster, instance],
    hipaa: ["164.308(a)(7)(ii)(A)", "164.312(c)(1)"],
    hitrust: ["1616.09l1"],
    tags: ["aws", "rds", "backup", "integrity"],
    anchors: { awsConfig: ["rds-cluster-deletion-protection-enabled"], checkov: ["CKV_AWS_139"] },
    remediation:
        "Set `deletionProtection: true` on the `aws.rds.Cluster` or `aws.rds.Instance` (the default is false). An Aurora DB instance is protected through its cluster.",
    check: r => inherited(r, { replicas: false }) ?? protect.check(r.props, undefined),
    remediate: r => (inherited(r, { replicas: false }) ? undefined : protect.patch(r.props, undefined)),
});
