import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { includeGlobalServiceEvents, isMultiRegionTrail, trail } from "./facts";

export default attributeRule({
    name: "aws-cloudtrail-multi-region",
    description: "CloudTrail trails record API calls in every region, global services (IAM, STS) included.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1204.09aa1"],
    tags: ["aws", "cloudtrail", "logging"],
    anchors: { checkov: ["CKV_AWS_67"] },
    remediation:
        "Set `isMultiRegionTrail: true` on the `aws.cloudtrail.Trail` (the default is false), and leave `includeGlobalServiceEvents` " +
        "unset or true so IAM and other global-service calls are recorded.",
    requires: [mustBeTrue(isMultiRegionTrail), mustBeTrue(includeGlobalServiceEvents, { fix: "remove includeGlobalServiceEvents or set it to true" })],
    remediates: true,
});
