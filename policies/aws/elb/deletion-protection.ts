import { defineResourcePolicy } from "../../lib/policy";
import { mustBeTrue } from "../../lib/rules";
import { enableDeletionProtection, v2LoadBalancers } from "./facts";

const protect = mustBeTrue(enableDeletionProtection);

export default defineResourcePolicy({
    name: "aws-elb-deletion-protection",
    description: "Application, Network and Gateway Load Balancers refuse deletion until deletion protection is turned off.",
    severity: "medium",
    types: v2LoadBalancers,
    hipaa: ["164.308(a)(7)(ii)(C)", "164.312(a)(1)"],
    hitrust: ["1618.09l1"],
    tags: ["aws", "elb", "availability"],
    anchors: { awsConfig: ["elb-deletion-protection-enabled"], checkov: ["CKV_AWS_150"] },
    remediation: "Set `enableDeletionProtection: true` on the `aws.lb.LoadBalancer` (or `aws.alb.LoadBalancer`); the default is false. Turn it off first when the load balancer is to be deleted on purpose.",
    check: r => protect.check(r.props, undefined),
    remediate: r => protect.patch(r.props, undefined),
});
