// A WAF web ACL on every Application Load Balancer (AnalyzeStack).

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { ALB_ARN, albLoadBalancer, lbLoadBalancer, lbLoadBalancerOutputs, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { ResourceInput } from "../../../tools/lib/analyzer-client";

const policy = "aws-elb-waf";
const alb = res(lbLoadBalancer().type, "alb", { ...lbLoadBalancer().props, arn: unknown });
const acl = res("aws:wafv2/webAcl:WebAcl", "acl", { scope: "REGIONAL", arn: unknown });
const associate = (target: ResourceInput | undefined, props: Record<string, unknown> = {}) =>
    res("aws:wafv2/webAclAssociation:WebAclAssociation", `assoc-${target?.name ?? "x"}`, { resourceArn: unknown, webAclArn: unknown, ...props }, { ...(target ? { resourceArn: [target] } : {}), webAclArn: [acl] });

stackCases(policy, [
    stackPasses([alb, acl, associate(alb)]),
    stackPasses([res(albLoadBalancer().type, "alb2", { ...albLoadBalancer().props, arn: unknown }), acl, associate(res(albLoadBalancer().type, "alb2", {}))]),
    stackPasses([lbLoadBalancerOutputs(), res("aws:wafv2/webAclAssociation:WebAclAssociation", "assoc", { resourceArn: ALB_ARN, webAclArn: "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/phi/1" })]),
    stackViolates([alb, acl], [{ on: "alb", code: "missingResource" }]),
    stackViolates([lbLoadBalancerOutputs(), res("aws:wafv2/webAclAssociation:WebAclAssociation", "assoc", { resourceArn: `${ALB_ARN}0`, webAclArn: "arn:aws:wafv2:x" })], [{ on: "phi-alb", code: "missingResource" }]),
    stackViolates([alb, res("aws:wafregional/webAclAssociation:WebAclAssociation", "classic", { resourceArn: unknown, webAclId: "abc" }, { resourceArn: [alb] })], [{ on: "alb", code: "wafClassic" }]),
    stackUndecided([alb, acl, associate(undefined)], [{ on: "alb", fields: "WebAclAssociation.resourceArn" }]),
    stackUndecided([res(alb.type, "alb", { ...alb.props, loadBalancerType: unknown })], [{ on: "alb", fields: "loadBalancerType" }]),
    stackNotApplicable([res(alb.type, "nlb", { ...alb.props, loadBalancerType: "network" })], /Application Load Balancers only/),
    stackGarbage([res(alb.type, "alb", { loadBalancerType: secret("SECRET"), arn: 5 }), res("aws:wafv2/webAclAssociation:WebAclAssociation", "a", { resourceArn: { SECRET: 1 } })]),
]);
