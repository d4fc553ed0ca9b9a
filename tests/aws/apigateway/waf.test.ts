// A WAF web ACL on every REST API stage (AnalyzeStack).

import { stackCases, stackGarbage, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { apigatewayStage, apigatewayStageOutputs, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-apigateway-waf";
const stage = res(apigatewayStage().type, "prod", { ...apigatewayStage().props, arn: unknown });
const association = (props: Record<string, unknown>, deps: Record<string, typeof stage[]> = { resourceArn: [stage] }) =>
    res("aws:wafv2/webAclAssociation:WebAclAssociation", "assoc", { resourceArn: unknown, webAclArn: unknown, ...props }, deps);

stackCases(policy, [
    stackPasses([stage, association({})]),
    stackPasses([apigatewayStageOutputs(), association({ resourceArn: "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod", webAclArn: "arn:aws:wafv2:us-east-1:1:regional/webacl/p/1" }, {})]),
    stackViolates([stage], [{ on: "prod", code: "missingResource" }]),
    stackViolates([apigatewayStageOutputs(), association({ resourceArn: "arn:aws:apigateway:us-east-1::/restapis/other/stages/prod" }, {})], [{ on: "prod", code: "missingResource" }]),
    stackViolates([stage, res("aws:wafregional/webAclAssociation:WebAclAssociation", "classic", { resourceArn: unknown, webAclId: "abc" }, { resourceArn: [stage] })], [{ on: "prod", code: "wafClassic" }]),
    stackUndecided([stage, association({}, {})], [{ on: "prod", fields: "WebAclAssociation.resourceArn" }]),
    stackGarbage([res(stage.type, "prod", { arn: secret("SECRET") }), association({ resourceArn: [unknown] }, {})]),
]);
