import * as assert from "assert";
import { encodeValue } from "../../tools/lib/analyzer-client";
import { assertFinding, assertNotApplicable, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";

const cryptoKey = "gcp:kms/cryptoKey:CryptoKey";
const SECRET = "kms-SECRET-do-not-echo-0b7e";
const key = (props: Record<string, unknown>) => ({ type: cryptoKey, name: "phi-key", props: { keyRing: "projects/phi/locations/us/keyRings/phi", rotationPeriod: "7776000s", ...props } });
const policy = "gcp-kms-key-rotation";

describe("Cloud KMS key rotation", () => {
    const pack = usePack();

    it("accepts encryption keys that rotate every 90 days or sooner, with purpose omitted or ENCRYPT_DECRYPT", async () => {
        for (const rotationPeriod of ["7776000s", "86401s", "2592000s", "7775999.999999999s", "7776000.000s"]) {
            assertPasses(await pack.check(policy, key({ rotationPeriod })));
            assertPasses(await pack.check(policy, key({ rotationPeriod, purpose: "ENCRYPT_DECRYPT" })));
        }
    });

    it("rejects a key that never rotates", async () => {
        assertViolates(await pack.check(policy, key({ rotationPeriod: undefined })), /rotationPeriod is not set, so the key is never rotated automatically/, /Fix: set rotationPeriod: "7776000s" \(90 days\) or shorter/, /HIPAA §164\.312\(a\)\(2\)\(iv\); HITRUST 0903\.10f1, 10\.g/);
        assertViolates(await pack.check(policy, key({ rotationPeriod: undefined, purpose: "ENCRYPT_DECRYPT" })), /rotationPeriod is not set/);
        assertViolates(await pack.check(policy, key({ rotationPeriod: "" })), /rotationPeriod is empty/);
    });

    it("rejects a period longer than the maximum, in seconds and days", async () => {
        assertViolates(await pack.check(policy, key({ rotationPeriod: "31536000s" })), /rotationPeriod is "31536000s" \(365 days\), longer than 90 days/);
        assertViolates(await pack.check(policy, key({ rotationPeriod: "7776000.5s" })), /\(about 90 days\), longer than 90 days/);
        assertViolates(await pack.check(policy, key({ rotationPeriod: "7819200s" })), /\(about 90\.5 days\), longer than 90 days/);
    });

    it("parses the duration strictly and never echoes what it cannot read", async () => {
        for (const rotationPeriod of ["90d", "7776000", "7776000 s", " 7776000s", "7776000S", "-7776000s", "1e7s", "7776000.1234567891s", "PT2160H", SECRET]) {
            const v = await pack.check(policy, key({ rotationPeriod }));
            assertViolates(v, /rotationPeriod is not a duration in seconds such as "7776000s"/);
            assert.ok(!v.violations[0].includes(SECRET));
        }
        assertViolates(await pack.check(policy, key({ rotationPeriod: 7776000 })), /rotationPeriod is 7776000, not a duration string/);
        assertViolates(await pack.check(policy, key({ rotationPeriod: { seconds: 7776000 } })), /rotationPeriod is an object, not a duration string/);
    });

    it("does not apply to keys Cloud KMS cannot rotate automatically", async () => {
        for (const purpose of ["ASYMMETRIC_SIGN", "ASYMMETRIC_DECRYPT", "MAC", "RAW_ENCRYPT_DECRYPT", "KEY_ENCAPSULATION"]) {
            assertNotApplicable(await pack.check(policy, key({ purpose, rotationPeriod: undefined })), new RegExp(`does not rotate ${purpose} keys automatically`));
        }
        const v = await pack.check(policy, key({ purpose: `SIGN-${SECRET}`, rotationPeriod: undefined }));
        assertNotApplicable(v, /does not rotate keys with this purpose automatically/);
        assert.ok(!v.notApplicable!.includes(SECRET));
    });

    it("honours maximumRotationDays and rejects invalid values", async () => {
        const config = { [policy]: { maximumRotationDays: 30 } };
        assertViolates(await pack.check(policy, key({}), config), /rotationPeriod is "7776000s" \(90 days\), longer than 30 days/, /Fix: set rotationPeriod: "2592000s" \(30 days\) or shorter/);
        assertPasses(await pack.check(policy, key({ rotationPeriod: "2592000s" }), config));
        assertPasses(await pack.check(policy, key({ rotationPeriod: "31536000s" }), { [policy]: { maximumRotationDays: 365 } }));
        for (const maximumRotationDays of [0, -1, 36501, 90.5, "90"]) {
            assertViolates(await pack.check(policy, key({}), { [policy]: { maximumRotationDays } }), /maximumRotationDays must be an integer from 1 to 36500/, /misconfigured/);
        }
    });

    it("is undecided when the purpose or period is unknown", async () => {
        assertUndecided(await pack.check(policy, key({ rotationPeriod: unknown })), "rotationPeriod");
        assertUndecided(await pack.check(policy, key({ purpose: unknown, rotationPeriod: undefined })), "purpose");
    });

    it("rejects garbage without echoing it", async () => {
        assertViolates(await pack.check(policy, key({ purpose: 3 })), /purpose is 3, not a string/);
        for (const props of [{ rotationPeriod: secret(SECRET) }, { purpose: secret(SECRET) }, { purpose: [unknown], rotationPeriod: [unknown] }, { purpose: null, rotationPeriod: null }, { versionTemplate: SECRET }]) {
            const result = await pack.analyze(key(props));
            for (const d of result.diagnostics) {
                assert.ok(!d.message.includes(SECRET), `secret echoed by ${d.policyName}: ${d.message}`);
                assert.ok(!d.message.includes("could not evaluate"), `${d.policyName} threw: ${d.message}`);
                if (d.enforcementLevel === "mandatory") assertFinding(d.message);
            }
        }
    });

    describe("remediation", () => {
        const remediate = { [policy]: { enforcementLevel: "remediate" as const } };
        const fixes = async (props: Record<string, unknown>, config: Record<string, unknown> = {}) =>
            (await pack.remediate(key(props), { [policy]: { enforcementLevel: "remediate", ...config } })).remediations.filter(r => r.policyName === policy);

        it("turns rotation on at the maximum period, keeping every other value exactly as it came", async () => {
            const props = { rotationPeriod: undefined, keyRing: unknown, labels: { team: "phi", owner: unknown }, destroyScheduledDuration: secret("86400s") };
            const result = await pack.remediate(key(props), remediate);
            const mine = result.remediations.filter(r => r.policyName === policy);
            assert.strictEqual(mine.length, 1);
            assert.deepStrictEqual(mine[0].properties, { ...(encodeValue(key(props).props) as object), rotationPeriod: "7776000s" });
        });
        it("shortens a period longer than the configured maximum", async () => {
            assert.strictEqual((await fixes({ rotationPeriod: "31536000s" }))[0].properties?.rotationPeriod, "7776000s");
            assert.strictEqual((await fixes({ rotationPeriod: "7776000s" }, { maximumRotationDays: 30 }))[0].properties?.rotationPeriod, "2592000s");
            assert.strictEqual((await fixes({ rotationPeriod: undefined, purpose: "ENCRYPT_DECRYPT", importOnly: false }))[0].properties?.rotationPeriod, "7776000s");
        });
        it("leaves alone compliant, unknown, unreadable and secret periods, keys it cannot rotate, and import-only or external keys", async () => {
            for (const props of [
                {},
                { rotationPeriod: unknown },
                { rotationPeriod: "90d" },
                { rotationPeriod: 7776000 },
                { rotationPeriod: secret("31536000s") },
                { rotationPeriod: undefined, purpose: "ASYMMETRIC_SIGN" },
                { rotationPeriod: undefined, purpose: unknown },
                { rotationPeriod: undefined, importOnly: true },
                { rotationPeriod: undefined, importOnly: unknown },
                { rotationPeriod: undefined, versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "EXTERNAL" } },
                { rotationPeriod: undefined, versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "EXTERNAL_VPC" } },
                { rotationPeriod: undefined, versionTemplate: unknown },
            ]) {
                assert.deepStrictEqual(await fixes(props), [], JSON.stringify(props));
            }
        });
    });

    it("publishes its metadata and knob", async () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.ok(p);
        assert.strictEqual(p.enforcementLevel, "mandatory");
        assert.ok(p.severity > 0);
        assert.strictEqual(p.framework?.reference, "§164.312(a)(2)(iv)");
        assert.ok(p.tags.includes("gcp") && p.tags.includes("hitrust:10.g") && p.tags.includes("key-management"));
        assert.ok(p.remediationSteps.length > 40);
        assert.deepStrictEqual(p.configSchema?.properties.maximumRotationDays, {
            type: "integer", minimum: 1, maximum: 36500, default: 90,
            description: "Longest accepted automatic rotation period for encryption keys, in days.",
        });
    });
});
