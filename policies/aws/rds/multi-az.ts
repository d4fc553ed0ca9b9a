import { defineResourcePolicy } from "../../lib/policy";
import { mustBeTrue } from "../../lib/rules";
import { clusterInstance, inherited, instance, multiAz } from "./facts";

const standby = mustBeTrue(multiAz, { fix: "set multiAz: true" });

export default defineResourcePolicy({
    name: "aws-rds-multi-az",
    description: "RDS DB instances keep a synchronous standby in a second Availability Zone and fail over to it.",
    severity: "medium",
    types: [instance, clusterInstance],
    hipaa: ["164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)"],
    hitrust: ["1410.09e2", "1601.12c1"],
    tags: ["aws", "rds", "availability", "disaster-recovery"],
    anchors: { awsConfig: ["rds-multi-az-support"], checkov: ["CKV_AWS_157"] },
    remediation:
        "Set `multiAz: true` on the `aws.rds.Instance` (the default is false). Aurora DB instances and read replicas are not applicable: an Aurora " +
        "cluster is Multi-AZ when it has instances in two Availability Zones, and a replica follows its source.",
    check: r => inherited(r, { replicas: true }) ?? standby.check(r.props, undefined),
    noAutoRemediation: "a standby doubles the instance's cost, so adding one is a person's decision",
});
