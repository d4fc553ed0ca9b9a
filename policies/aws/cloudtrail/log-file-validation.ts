import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { enableLogFileValidation, trail } from "./facts";

export default attributeRule({
    name: "aws-cloudtrail-log-file-validation",
    description: "CloudTrail trails sign digest files so tampering with delivered log files can be detected.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)", "164.312(c)(1)", "164.312(c)(2)"],
    hitrust: ["1202.09aa1"],
    tags: ["aws", "cloudtrail", "logging", "integrity"],
    anchors: { awsConfig: ["cloud-trail-log-file-validation-enabled"], checkov: ["CKV_AWS_36"] },
    remediation: "Set `enableLogFileValidation: true` on the `aws.cloudtrail.Trail` (the default is false). Validate with `aws cloudtrail validate-logs`.",
    requires: [mustBeTrue(enableLogFileValidation)],
    remediates: true,
});
