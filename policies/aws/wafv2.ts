// AWS WAF: the web ACLs the stack creates log their traffic (a stack policy: the logging
// configuration is its own resource naming the web ACL), and the shared reading of "is this
// resource protected by a web ACL" that the load balancer and API Gateway policies use.

import { awsTypes, serviceFact } from "../lib/facts";
import { Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../lib/stack";

export const webAcl = "aws:wafv2/webAcl:WebAcl";
export const webAclAssociation = "aws:wafv2/webAclAssociation:WebAclAssociation";
export const webAclLoggingConfiguration = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
export const classicRegionalAssociation = "aws:wafregional/webAclAssociation:WebAclAssociation";

serviceFact({
    about: "AWS WAF Classic (aws.wafregional.WebAclAssociation)",
    says: "reached end of support on 30 September 2025: web ACLs must be AWS WAF (wafv2) ones, so a Classic association does not count as protection",
    source: "AWS WAF Developer Guide: AWS WAF Classic (deprecation notice: support ends 30 September 2025); AWS WAFV2 API Reference: Welcome; " + awsTypes("wafregional/webAclAssociation"),
});
serviceFact({
    about: "aws.wafv2.WebAclAssociation resourceArn",
    says: "the ARN of an Application Load Balancer, a REST API Gateway stage, an AppSync API, a Cognito user pool, an App Runner service or a Verified Access instance",
    source: awsTypes("wafv2/webAclAssociation"),
});

/**
 * Whether `resource` (named by `target`'s keys, e.g. its ARN) has a WAF web ACL associated: a
 * wafv2 association passes, a WAF Classic one is reported, none at all is reported unless an
 * association's resourceArn is unknown at preview without a dependency (it may name this one).
 */
export function wafProtection(resource: StackResource, stack: Stack, target: ReferenceTarget, fix: string): Outcome {
    const v2 = stack.referrers([webAclAssociation], "resourceArn", resource, target);
    if (v2.found.length > 0) return pass;
    if (v2.unresolved) return undecided("WebAclAssociation.resourceArn");
    const classic = stack.referrers([classicRegionalAssociation], "resourceArn", resource, target);
    if (classic.found.length > 0) {
        return violation({ code: "wafClassic", field: "WebAclAssociation", problem: "only an AWS WAF Classic web ACL (aws.wafregional) protects it, and WAF Classic is out of support", fix });
    }
    return violation({ code: "missingResource", field: "WebAclAssociation", problem: "no AWS WAF web ACL is associated with it", fix });
}

const webAclTarget: ReferenceTarget = { types: [webAcl], keys: ["arn"] };

export const logging = defineStackPolicy({
    name: "aws-wafv2-logging",
    description: "Every AWS WAF web ACL the stack creates logs the requests it inspects.",
    severity: "medium",
    types: [webAcl],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1", "12100.09ab2"],
    tags: ["aws", "wafv2", "logging", "monitoring", "stack"],
    anchors: { awsConfig: ["wafv2-logging-enabled"], checkov: ["CKV2_AWS_31"] },
    remediation:
        "Add an `aws.wafv2.WebAclLoggingConfiguration` with `resourceArn: webAcl.arn` and `logDestinationConfigs: [<the ARN of a CloudWatch Logs group named aws-waf-logs-…, " +
        "an S3 bucket or a Firehose stream>]`. Pass `webAcl.arn` (not a literal ARN) so the pack can connect them at preview.",
    check: (acl, stack): Outcome => {
        const configs = stack.referrers([webAclLoggingConfiguration], "resourceArn", acl, webAclTarget);
        if (configs.found.length > 0) return pass;
        if (configs.unresolved) return undecided("WebAclLoggingConfiguration.resourceArn");
        return violation({
            code: "missingResource",
            field: "WebAclLoggingConfiguration",
            problem: "no aws.wafv2.WebAclLoggingConfiguration logs this web ACL's traffic",
            fix: "add an aws.wafv2.WebAclLoggingConfiguration with resourceArn: this web ACL's arn and logDestinationConfigs: [a log destination's ARN]",
        });
    },
});

export const stackPolicies = [logging];
