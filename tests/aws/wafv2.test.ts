// AWS WAF logging (AnalyzeStack): every web ACL has a logging configuration naming it.

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../cases";
import { res } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const policy = "aws-wafv2-logging";
const ACL_ARN = "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/phi/a1b2";
const acl = res("aws:wafv2/webAcl:WebAcl", "acl", { scope: "REGIONAL", defaultAction: { allow: {} }, arn: unknown });
const logging = (props: Record<string, unknown> = {}, deps: Record<string, typeof acl[]> = { resourceArn: [acl] }) =>
    res("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "acl-logs", { resourceArn: unknown, logDestinationConfigs: [unknown], ...props }, deps);

stackCases(policy, [
    stackPasses([acl, logging()]),
    stackPasses([res(acl.type, "acl", { ...acl.props, arn: ACL_ARN, id: "a1b2" }), logging({ resourceArn: ACL_ARN }, {})]),
    stackViolates([acl], [{ on: "acl", code: "missingResource" }]),
    stackViolates([res(acl.type, "acl", { ...acl.props, arn: ACL_ARN }), logging({ resourceArn: `${ACL_ARN}-other` }, {})], [{ on: "acl", code: "missingResource" }]),
    stackUndecided([acl, logging({}, {})], [{ on: "acl", fields: "WebAclLoggingConfiguration.resourceArn" }]),
    stackNotApplicable([logging({ resourceArn: ACL_ARN }, {})], /only applies to resources of type/),
    stackGarbage([res(acl.type, "acl", { arn: secret("SECRET") }), logging({ resourceArn: { SECRET: 1 } }, {})]),
]);
