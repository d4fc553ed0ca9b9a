import * as assert from "assert";
import { assertFinding, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";

const trail = "aws:cloudtrail/trail:Trail";
const SECRET = "arn:aws:kms:us-east-1:111122223333:key/SECRET-do-not-echo-77e2";

const compliant = {
    name: "hipaa-audit-trail",
    s3BucketName: "hipaa-cloudtrail-logs",
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
    kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/abcd",
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail:*",
    cloudWatchLogsRoleArn: "arn:aws:iam::111122223333:role/CloudTrailCloudWatchRole",
};
const tr = (props: Record<string, unknown>) => ({ type: trail, name: "audit", props: { ...compliant, ...props } });

const validation = "aws-cloudtrail-log-file-validation";
const multiRegion = "aws-cloudtrail-multi-region";
const encryption = "aws-cloudtrail-encryption";
const integration = "aws-cloudtrail-cloudwatch-integration";
const logging = "aws-cloudtrail-logging-enabled";
const policies = [validation, multiRegion, encryption, integration, logging];

describe("CloudTrail controls", () => {
    const pack = usePack();

    it("a multi-region, validated, encrypted trail delivering to CloudWatch Logs passes every control", async () => {
        for (const policy of policies) assertPasses(await pack.check(policy, tr({})));
        // Omitted enableLogging and includeGlobalServiceEvents default to true.
        for (const policy of policies) assertPasses(await pack.check(policy, tr({ enableLogging: undefined, includeGlobalServiceEvents: undefined })));
    });

    describe(validation, () => {
        it("requires enableLogFileValidation (default false)", async () => {
            assertViolates(await pack.check(validation, tr({ enableLogFileValidation: undefined })), /enableLogFileValidation is not set and defaults to false/, /Fix: set enableLogFileValidation: true/, /HIPAA §164\.312\(b\), §164\.312\(c\)\(1\), §164\.312\(c\)\(2\)/);
            assertViolates(await pack.check(validation, tr({ enableLogFileValidation: false })), /enableLogFileValidation is false/);
        });
        it("is undecided when unknown and rejects a non-boolean", async () => {
            assertUndecided(await pack.check(validation, tr({ enableLogFileValidation: unknown })), "enableLogFileValidation");
            assertViolates(await pack.check(validation, tr({ enableLogFileValidation: "true" })), /enableLogFileValidation is a string, not the boolean true/);
        });
    });

    describe(multiRegion, () => {
        it("requires isMultiRegionTrail (default false)", async () => {
            assertViolates(await pack.check(multiRegion, tr({ isMultiRegionTrail: undefined })), /isMultiRegionTrail is not set and defaults to false/, /Fix: set isMultiRegionTrail: true/, /HITRUST 1202\.09aa1, 1204\.09aa1/);
            assertViolates(await pack.check(multiRegion, tr({ isMultiRegionTrail: false })), /isMultiRegionTrail is false/);
        });
        it("rejects includeGlobalServiceEvents: false (omitted is true)", async () => {
            assertViolates(await pack.check(multiRegion, tr({ includeGlobalServiceEvents: false })), /includeGlobalServiceEvents is false/, /Fix: remove includeGlobalServiceEvents or set it to true/);
            assertPasses(await pack.check(multiRegion, tr({ includeGlobalServiceEvents: true })));
        });
        it("reports both problems, and is undecided on unknowns", async () => {
            const v = await pack.check(multiRegion, tr({ isMultiRegionTrail: false, includeGlobalServiceEvents: false }));
            assert.strictEqual(v.violations.length, 2);
            assertUndecided(await pack.check(multiRegion, tr({ isMultiRegionTrail: unknown, includeGlobalServiceEvents: unknown })), "isMultiRegionTrail", "includeGlobalServiceEvents");
        });
    });

    describe(encryption, () => {
        it("requires kmsKeyId; unknown or secret ARNs count as set", async () => {
            assertViolates(await pack.check(encryption, tr({ kmsKeyId: undefined })), /kmsKeyId is not set/, /Fix: set kmsKeyId to the ARN of a customer-managed aws\.kms\.Key/, /HIPAA §164\.312\(a\)\(2\)\(iv\)/);
            assertViolates(await pack.check(encryption, tr({ kmsKeyId: "  " })), /kmsKeyId is not set/);
            assertPasses(await pack.check(encryption, tr({ kmsKeyId: unknown })));
            assertPasses(await pack.check(encryption, tr({ kmsKeyId: secret(SECRET) })));
            assertViolates(await pack.check(encryption, tr({ kmsKeyId: ["arn"] })), /kmsKeyId is a list, not a string/);
        });
    });

    describe(integration, () => {
        it("requires both the log group ARN and the role ARN", async () => {
            assertViolates(await pack.check(integration, tr({ cloudWatchLogsGroupArn: undefined })), /cloudWatchLogsGroupArn is not set/, /aws\.cloudwatch\.LogGroup ARN followed by ":\*"/, /HITRUST 12100\.09ab2/);
            assertViolates(await pack.check(integration, tr({ cloudWatchLogsRoleArn: undefined })), /cloudWatchLogsRoleArn is not set/, /aws\.iam\.Role/);
            const both = await pack.check(integration, tr({ cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: "" }));
            assert.strictEqual(both.violations.length, 2);
        });
        it("counts ARNs unknown at preview as set", async () => {
            assertPasses(await pack.check(integration, tr({ cloudWatchLogsGroupArn: unknown, cloudWatchLogsRoleArn: unknown })));
        });
    });

    describe(logging, () => {
        it("rejects enableLogging: false (omitted is true)", async () => {
            assertViolates(await pack.check(logging, tr({ enableLogging: false })), /enableLogging is false/, /Fix: remove enableLogging or set it to true/, /HIPAA §164\.312\(b\); HITRUST 1202\.09aa1, 1270\.09ad1/);
            assertPasses(await pack.check(logging, tr({ enableLogging: true })));
            assertUndecided(await pack.check(logging, tr({ enableLogging: unknown })), "enableLogging");
            assertViolates(await pack.check(logging, tr({ enableLogging: 0 })), /enableLogging is 0, not the boolean true/);
        });
    });

    it("garbage never fails the call and never echoes a secret", async () => {
        const garbage: Record<string, unknown>[] = [
            { kmsKeyId: secret(SECRET), cloudWatchLogsGroupArn: secret(SECRET), cloudWatchLogsRoleArn: secret(SECRET) },
            { kmsKeyId: { SECRET }, cloudWatchLogsGroupArn: [SECRET], cloudWatchLogsRoleArn: 5 },
            { isMultiRegionTrail: SECRET, enableLogFileValidation: secret(SECRET), enableLogging: [unknown], includeGlobalServiceEvents: null },
            { isMultiRegionTrail: { nested: unknown }, enableLogging: NaN, s3BucketName: secret(SECRET) },
            { eventSelectors: [{ dataResources: [{ values: [SECRET, unknown] }] }] },
        ];
        for (const props of garbage) {
            const result = await pack.analyze(tr(props));
            for (const d of result.diagnostics) {
                assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
                if (d.enforcementLevel === "mandatory") assertFinding(d.message);
            }
        }
    });

});
