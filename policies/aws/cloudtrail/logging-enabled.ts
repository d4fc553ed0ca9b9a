import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { enableLogging, trail } from "./facts";

export default attributeRule({
    name: "aws-cloudtrail-logging-enabled",
    description: "CloudTrail trails are logging (not stopped).",
    severity: "critical",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1270.09ad1"],
    tags: ["aws", "cloudtrail", "logging"],
    remediation: "Remove `enableLogging` from the `aws.cloudtrail.Trail` or set it to `true` (the default); `false` calls StopLogging.",
    requires: [mustBeTrue(enableLogging, { fix: "remove enableLogging or set it to true" })],
    remediates: true,
});
