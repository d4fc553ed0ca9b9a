import { Outcome } from "../../lib/outcome";
import { defineStackPolicy, ReferenceTarget } from "../../lib/stack";
import { wafProtection } from "../wafv2";
import { restStage } from "./facts";

const stageTarget: ReferenceTarget = { types: [restStage], keys: ["arn"] };
const fix = "add an aws.wafv2.WebAclAssociation with resourceArn: this stage's arn and webAclArn: an aws.wafv2.WebAcl's arn (scope REGIONAL)";

export default defineStackPolicy({
    name: "aws-apigateway-waf",
    description: "Every REST API stage the stack creates is protected by an AWS WAF web ACL.",
    severity: "medium",
    types: [restStage],
    hipaa: ["164.308(a)(1)(ii)(B)", "164.312(a)(1)"],
    hitrust: ["0805.01m1", "09.j"],
    tags: ["aws", "apigateway", "wafv2", "network", "stack"],
    anchors: { awsConfig: ["api-gw-associated-with-waf"], checkov: ["CKV2_AWS_29"] },
    remediation:
        'Create an `aws.wafv2.WebAcl` (`scope: "REGIONAL"`) and an `aws.wafv2.WebAclAssociation` with `resourceArn: stage.arn` and `webAclArn: webAcl.arn`. ' +
        "AWS WAF Classic (`aws.wafregional`) is out of support and does not count. HTTP and WebSocket APIs (apigatewayv2) cannot be associated with a web ACL.",
    check: (stage, stack): Outcome => wafProtection(stage, stack, stageTarget, fix),
});
