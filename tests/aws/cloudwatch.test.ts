import * as assert from "assert";
import { assertFinding, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";

const logGroup = "aws:cloudwatch/logGroup:LogGroup";
const SECRET = "arn:aws:kms:us-east-1:111122223333:key/SECRET-do-not-echo-41c7";
const accepted = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const compliant = { name: "/aws/ecs/hipaa-app-prod", retentionInDays: 2192, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/abcd" };
const lg = (props: Record<string, unknown>) => ({ type: logGroup, name: "audit", props: { ...compliant, ...props } });

const retention = "aws-cloudwatch-log-retention";
const encryption = "aws-cloudwatch-log-encryption";

describe("CloudWatch Logs controls", () => {
    const pack = usePack();

    it("a log group kept six years and encrypted with a KMS key passes both controls", async () => {
        assertPasses(await pack.check(retention, lg({})));
        assertPasses(await pack.check(encryption, lg({})));
    });

    describe(retention, () => {
        it("passes six years or more, and retention omitted or 0 (events never expire)", async () => {
            for (const retentionInDays of [2192, 2557, 3653, 0, undefined, null]) {
                assertPasses(await pack.check(retention, lg({ retentionInDays })));
            }
        });
        it("rejects an accepted period below six years, naming the value and the fix", async () => {
            assertViolates(await pack.check(retention, lg({ retentionInDays: 365 })), /retentionInDays is 365, below 2192/, /Fix: set retentionInDays: 2192/, /HIPAA §164\.312\(b\); HITRUST 1202\.09aa1/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: 1827 })), /retentionInDays is 1827, below 2192/);
        });
        it("rejects a period CloudWatch Logs would not accept (the playbook's 2190), naming the nearest accepted periods", async () => {
            assertViolates(await pack.check(retention, lg({ retentionInDays: 2190 })), /retentionInDays is 2190, which CloudWatch Logs does not accept \(nearest accepted: 1827 and 2192\)/, /Fix: set retentionInDays: 2192 /);
            assertViolates(await pack.check(retention, lg({ retentionInDays: 4000 })), /is 4000, .*does not accept \(nearest accepted: 3653\)/, /set retentionInDays: 3653/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: -7 })), /is -7, .*nearest accepted: 1\)/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: 2192.5 })), /nearest accepted: 2192 and 2557/, /set retentionInDays: 2557/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: 2 })), /nearest accepted: 1 and 3/, /set retentionInDays: 2192/);
        });
        it("rejects the DELIVERY log class, which keeps events two days whatever retentionInDays says", async () => {
            assertViolates(await pack.check(retention, lg({ logGroupClass: "DELIVERY" })), /logGroupClass is "DELIVERY", which forces retentionInDays to 2/, /Fix: set logGroupClass: "STANDARD"/);
            assertPasses(await pack.check(retention, lg({ logGroupClass: "INFREQUENT_ACCESS" })));
            assertPasses(await pack.check(retention, lg({ logGroupClass: "STANDARD" })));
        });
        it("is undecided when retention or the log class is unknown at preview", async () => {
            assertUndecided(await pack.check(retention, lg({ retentionInDays: unknown })), "retentionInDays");
            assertUndecided(await pack.check(retention, lg({ logGroupClass: unknown })), "logGroupClass");
        });
        it("rejects a value that is not a number without failing", async () => {
            // Older state stores numbers as strings: decided on the number the provider coerces.
            assertPasses(await pack.check(retention, lg({ retentionInDays: "2192" })));
            assertViolates(await pack.check(retention, lg({ retentionInDays: "1" })), /retentionInDays is 1, below 2192/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: "six" })), /retentionInDays is a string, not a number of days/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: [2192] })), /retentionInDays is a list/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: { days: 2192 } })), /retentionInDays is an object/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: true })), /retentionInDays is true, not a number/);
            assertPasses(await pack.check(retention, lg({ retentionInDays: secret(2192) })));
        });
        it("honours minimumRetentionDays, which accepts only the periods CloudWatch Logs accepts", async () => {
            assertPasses(await pack.check(retention, lg({ retentionInDays: 365 }), { [retention]: { minimumRetentionDays: 365 } }));
            assertViolates(await pack.check(retention, lg({ retentionInDays: 180 }), { [retention]: { minimumRetentionDays: 365 } }), /is 180, below 365/, /set retentionInDays: 365/);
            assertViolates(await pack.check(retention, lg({ retentionInDays: 400 }), { [retention]: { minimumRetentionDays: 3653 } }), /below 3653/);
            for (const minimumRetentionDays of [2190, 0, -1, 4000, "2192", 2192.5, true]) {
                assertViolates(
                    await pack.check(retention, lg({}), { [retention]: { minimumRetentionDays } }),
                    /misconfigured: minimumRetentionDays must be one of the retention periods CloudWatch Logs accepts \(1, 3, 5, .*, 3288, 3653\)/,
                );
            }
        });
    });

    describe(encryption, () => {
        it("requires kmsKeyId; an ARN unknown at preview or held in a secret counts as set", async () => {
            assertViolates(await pack.check(encryption, lg({ kmsKeyId: undefined })), /kmsKeyId is not set/, /Fix: set kmsKeyId to the ARN of a customer-managed aws\.kms\.Key/, /HIPAA §164\.312\(a\)\(2\)\(iv\)/);
            assertViolates(await pack.check(encryption, lg({ kmsKeyId: "" })), /kmsKeyId is not set/);
            assertViolates(await pack.check(encryption, lg({ kmsKeyId: null })), /kmsKeyId is not set/);
            assertPasses(await pack.check(encryption, lg({ kmsKeyId: unknown })));
            assertPasses(await pack.check(encryption, lg({ kmsKeyId: secret(SECRET) })));
        });
        it("rejects a kmsKeyId that is not a string, without echoing it", async () => {
            const v = await pack.check(encryption, lg({ kmsKeyId: 31337 }));
            assertViolates(v, /kmsKeyId is 31337, not a string/);
            assertViolates(await pack.check(encryption, lg({ kmsKeyId: { arn: SECRET } })), /kmsKeyId is an object, not a string/);
        });
    });

    it("garbage never fails the call and never echoes a secret", async () => {
        const garbage: Record<string, unknown>[] = [
            { retentionInDays: secret(SECRET), kmsKeyId: secret(12) },
            { retentionInDays: NaN, kmsKeyId: [unknown] },
            { logGroupClass: secret(SECRET), name: secret(SECRET) },
            { logGroupClass: 7, retentionInDays: Infinity },
            { tags: unknown, kmsKeyId: { nested: unknown } },
            { logGroupClass: SECRET, kmsKeyId: SECRET, retentionInDays: null },
        ];
        for (const props of garbage) {
            const result = await pack.analyze(lg(props));
            for (const d of result.diagnostics) {
                assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
                if (d.enforcementLevel === "mandatory") assertFinding(d.message);
            }
        }
    });

    it("publishes metadata, with the retention knob limited to the accepted periods and defaulting to six years", async () => {
        for (const name of [retention, encryption]) {
            const p = pack.info.policies.find(x => x.name === name)!;
            assert.ok(p, name);
            assert.strictEqual(p.framework?.name, "HIPAA Security Rule");
            assert.ok(p.tags.includes("cloudwatch") && p.tags.includes("hitrust:1202.09aa1"), `${name} tags`);
            assert.ok(p.remediationSteps.length > 40);
        }
        const schema = pack.info.policies.find(x => x.name === retention)!.configSchema!.properties.minimumRetentionDays;
        assert.strictEqual(schema.default, 2192);
        assert.strictEqual(schema.type, "integer");
        assert.deepStrictEqual(schema.enum, accepted);
    });
});
