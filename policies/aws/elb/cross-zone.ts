import { defineResourcePolicy } from "../../lib/policy";
import { mustBeTrue } from "../../lib/rules";
import { classicLoadBalancer, crossZoneLoadBalancing } from "./facts";

const crossZone = mustBeTrue(crossZoneLoadBalancing);

export default defineResourcePolicy({
    name: "aws-elb-cross-zone",
    description: "Classic Load Balancers spread requests across the instances of every enabled Availability Zone (cross-zone load balancing).",
    severity: "low",
    types: [classicLoadBalancer],
    hipaa: ["164.308(a)(7)(ii)(C)"],
    hitrust: ["1618.09l1"],
    tags: ["aws", "elb", "availability"],
    anchors: { awsConfig: ["elb-cross-zone-load-balancing-enabled"], checkov: ["CKV_AWS_138"] },
    remediation: "Set `crossZoneLoadBalancing: true` on the `aws.elb.LoadBalancer` (or leave it out: the provider's default is true).",
    check: r => crossZone.check(r.props, undefined),
    remediate: r => crossZone.patch(r.props, undefined),
});
