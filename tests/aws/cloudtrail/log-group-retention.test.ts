// The CloudWatch Logs log group a trail delivers to (AnalyzeStack): six years' retention and a KMS
// key, reusing the log group controls' facts, with its own minimumRetentionDays.

import * as assert from "assert";
import { stackCases, stackMisconfigured, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res, stackLogGroupOutputs, stackTrailOutputs, stackTrailProps, T, trailLogGroup, trailTo } from "../../factories";
import { usePack } from "../../pack";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-cloudtrail-log-group-retention";

const withGroup = (group = trailLogGroup()) => [group, trailTo("audit", undefined, group)];

const arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail";

stackCases(policy, [
    stackPasses(withGroup()),
    // Retention omitted: events never expire.
    stackPasses(withGroup(trailLogGroup("forever", { retentionInDays: undefined }))),
    stackViolates(withGroup(trailLogGroup("trail-logs", { retentionInDays: 365, kmsKeyId: undefined })), [
        { on: "trail-logs", code: "belowMinimum", field: "retentionInDays" },
        { on: "trail-logs", code: "notSet", field: "kmsKeyId" },
    ]),
    stackViolates(withGroup(trailLogGroup("trail-logs", { retentionInDays: 2190 })), [{ on: "trail-logs", code: "unrecognised", field: "retentionInDays" }]),
    // A literal log group ARN with CloudTrail's ":*" suffix matches the group's ARN.
    stackViolates(
        [
            res(T.logGroup, "trail-logs", { arn, retentionInDays: 30, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k" }),
            res(T.trail, "audit", { ...stackTrailProps, s3BucketName: "b", cloudWatchLogsGroupArn: `${arn}:*` }),
        ],
        [{ on: "trail-logs", code: "belowMinimum", field: "retentionInDays" }],
    ),
    // Its own minimumRetentionDays, apart from the general retention control's.
    stackPasses(withGroup(trailLogGroup("trail-logs", { retentionInDays: 3653 })), { minimumRetentionDays: 3653 }),
    stackViolates(withGroup(trailLogGroup("trail-logs", { retentionInDays: 2557 })), [{ on: "trail-logs", code: "belowMinimum", field: "retentionInDays" }], { minimumRetentionDays: 3653 }),
    stackMisconfigured(withGroup(trailLogGroup("trail-logs", { retentionInDays: 2557 })), { minimumRetentionDays: 2190 }, "minimumRetentionDays"),

    stackNotApplicable([res(T.trail, "audit", { ...stackTrailProps, s3BucketName: "b" })], /names no CloudWatch Logs log group/),
    stackNotApplicable(
        [
            res(T.trail, "audit", { s3BucketName: "b", cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:central:*" }),
            trailLogGroup("other", { arn: "arn:aws:logs:us-east-1:111122223333:log-group:other" }),
        ],
        /log group is not created by this stack/,
    ),
    stackUndecided([res(T.trail, "audit", { s3BucketName: "b", cloudWatchLogsGroupArn: unknown }), trailLogGroup()], [{ on: "audit", fields: "cloudWatchLogsGroupArn" }]),
    stackUndecided(withGroup(trailLogGroup("trail-logs", { retentionInDays: unknown })), [{ on: "trail-logs", fields: "retentionInDays" }]),
    // Outputs-shaped (state): the trail names the group by its ARN with CloudTrail's ":*".
    stackPasses([stackLogGroupOutputs("trail-logs", arn), stackTrailOutputs("audit", { cloudWatchLogsGroupArn: `${arn}:*` })]),
    stackPasses([stackLogGroupOutputs("trail-logs", arn, { retentionInDays: 0 }), stackTrailOutputs("audit", { cloudWatchLogsGroupArn: `${arn}:*` })]),
    stackViolates([stackLogGroupOutputs("trail-logs", arn, { retentionInDays: 365, kmsKeyId: "" }), stackTrailOutputs("audit", { cloudWatchLogsGroupArn: `${arn}:*` })], [
        { on: "trail-logs", code: "belowMinimum", field: "retentionInDays" },
        { on: "trail-logs", code: "notSet", field: "kmsKeyId" },
    ]),
    stackNotApplicable([stackLogGroupOutputs("trail-logs", arn), stackTrailOutputs("audit", { cloudWatchLogsGroupArn: "", cloudWatchLogsRoleArn: "" })], /names no CloudWatch Logs log group/),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("is configured apart from aws-cloudwatch-log-retention", async () => {
        const stack = withGroup(trailLogGroup("trail-logs", { retentionInDays: 3653 }));
        const result = await pack.analyzeStack(stack, { [policy]: { minimumRetentionDays: 3653 }, "aws-cloudwatch-log-retention": { minimumRetentionDays: 365 } });
        assert.deepStrictEqual(result.diagnostics.filter(d => d.policyName === policy), []);
    });

    it("publishes its knob, defaulting to six years, and the stack tag", () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.strictEqual(p.configSchema!.properties.minimumRetentionDays.default, 2192);
        assert.ok(p.tags.includes("stack"));
    });
});
