import { Outcome } from "../../lib/outcome";
import { defineStackPolicy, ReferenceTarget } from "../../lib/stack";
import { wafProtection } from "../wafv2";
import { applicationOnly, v2LoadBalancers } from "./facts";

const loadBalancerTarget: ReferenceTarget = { types: v2LoadBalancers, keys: ["arn", "id"] };
const fix = "add an aws.wafv2.WebAclAssociation with resourceArn: this load balancer's arn and webAclArn: an aws.wafv2.WebAcl's arn (scope REGIONAL)";

export default defineStackPolicy({
    name: "aws-elb-waf",
    description: "Every Application Load Balancer the stack creates is protected by an AWS WAF web ACL.",
    severity: "medium",
    types: v2LoadBalancers,
    hipaa: ["164.308(a)(1)(ii)(B)", "164.312(a)(1)"],
    hitrust: ["0805.01m1", "09.j"],
    tags: ["aws", "elb", "wafv2", "network", "stack"],
    anchors: { awsConfig: ["alb-waf-enabled"], checkov: ["CKV2_AWS_28"] },
    remediation:
        'Create an `aws.wafv2.WebAcl` (`scope: "REGIONAL"`, with the AWS managed rule groups you need) and an `aws.wafv2.WebAclAssociation` with ' +
        "`resourceArn: loadBalancer.arn` and `webAclArn: webAcl.arn`. AWS WAF Classic (`aws.wafregional`) is out of support and does not count.",
    check: (lb, stack): Outcome => applicationOnly(lb.props, "a web ACL") ?? wafProtection(lb, stack, loadBalancerTarget, fix),
});
