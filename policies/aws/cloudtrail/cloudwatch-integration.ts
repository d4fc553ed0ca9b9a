import { attributeRule } from "../../lib/attribute-rule";
import { mustBeSet } from "../../lib/rules";
import { cloudWatchLogsGroupArn, cloudWatchLogsRoleArn, trail } from "./facts";

export default attributeRule({
    name: "aws-cloudtrail-cloudwatch-integration",
    description: "CloudTrail delivers events to a CloudWatch Logs log group, where metric filters and alarms watch them.",
    severity: "medium",
    types: [trail],
    hipaa: ["164.312(b)"],
    hitrust: ["12100.09ab2", "1202.09aa1"],
    tags: ["aws", "cloudtrail", "cloudwatch", "logging", "monitoring"],
    anchors: { awsConfig: ["cloud-trail-cloud-watch-logs-enabled"], checkov: ["CKV2_AWS_10"] },
    remediation:
        "On the `aws.cloudtrail.Trail` set `cloudWatchLogsGroupArn` to `pulumi.interpolate`${logGroup.arn}:*`` (CloudTrail requires the " +
        "log stream wildcard) and `cloudWatchLogsRoleArn` to an `aws.iam.Role` that `cloudtrail.amazonaws.com` can assume, allowed " +
        "`logs:CreateLogStream` and `logs:PutLogEvents` on that group.",
    requires: [
        mustBeSet(cloudWatchLogsGroupArn, { fix: "set cloudWatchLogsGroupArn to an aws.cloudwatch.LogGroup ARN followed by \":*\"" }),
        mustBeSet(cloudWatchLogsRoleArn, { fix: "set cloudWatchLogsRoleArn to the ARN of an aws.iam.Role CloudTrail can assume to write to the log group" }),
    ],
    noAutoRemediation: "which log group receives the trail, and the IAM role CloudTrail assumes to write to it, are a person's choice",
});
