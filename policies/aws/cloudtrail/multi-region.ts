import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { includeGlobalServiceEvents, isMultiRegionTrail, recordsAllManagementEvents, trail } from "./facts";

export default attributeRule({
    name: "aws-cloudtrail-multi-region",
    description: "CloudTrail trails record every management API call in every region, global services (IAM, STS) included.",
    severity: "high",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1", "1204.09aa1"],
    tags: ["aws", "cloudtrail", "logging"],
    anchors: { awsConfig: ["multi-region-cloudtrail-enabled"], checkov: ["CKV_AWS_67"] },
    remediation:
        "Set `isMultiRegionTrail: true` on the `aws.cloudtrail.Trail` (the default is false), and leave `includeGlobalServiceEvents` " +
        "unset or true so IAM and other global-service calls are recorded.\n" +
        "Leave `eventSelectors` and `advancedEventSelectors` unset (CloudTrail then records all management events), or make them record " +
        "all management events: an `eventSelectors` entry with `includeManagementEvents: true`, `readWriteType: \"All\"` and no " +
        "`excludeManagementEventSources`, or an `advancedEventSelectors` entry whose only field selector is `eventCategory` equals `[\"Management\"]`.",
    requires: [
        mustBeTrue(isMultiRegionTrail),
        mustBeTrue(includeGlobalServiceEvents, { fix: "remove includeGlobalServiceEvents or set it to true" }),
        recordsAllManagementEvents,
    ],
    remediates: true,
});
