import * as assert from "assert";
import { encodeValue } from "../../tools/lib/analyzer-client";
import { assertFinding, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";

const redis = "gcp:redis/instance:Instance";
const KMS_KEY = "projects/phi/locations/us-central1/keyRings/phi/cryptoKeys/redis";
const SECRET = "redis-SECRET-do-not-echo-55c1";

const compliant = {
    memorySizeGb: 5,
    region: "us-central1",
    tier: "STANDARD_HA",
    transitEncryptionMode: "SERVER_AUTHENTICATION",
    authEnabled: true,
    customerManagedKey: KMS_KEY,
    persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" },
    redisVersion: "REDIS_7_2",
};
const ri = (props: Record<string, unknown>) => ({ type: redis, name: "cache", props: { ...compliant, ...props } });

const policies = ["gcp-redis-encryption-in-transit", "gcp-redis-auth", "gcp-redis-high-availability", "gcp-redis-encryption-at-rest", "gcp-redis-persistence"];

const garbage: Record<string, unknown>[] = [
    { tier: 2, transitEncryptionMode: true, authEnabled: "true", customerManagedKey: 7, persistenceConfig: "RDB" },
    { tier: null, transitEncryptionMode: null, authEnabled: null, customerManagedKey: null, persistenceConfig: null },
    { tier: secret(SECRET), transitEncryptionMode: secret(SECRET), customerManagedKey: secret(SECRET) },
    { persistenceConfig: { persistenceMode: secret(SECRET), rdbSnapshotPeriod: SECRET } },
    { persistenceConfig: [unknown], tier: [unknown], authEnabled: { on: true } },
    { persistenceConfig: { persistenceMode: ["RDB"], rdbSnapshotPeriod: { hours: 1 } } },
    { persistenceConfig: [{ persistenceMode: "RDB", rdbSnapshotPeriod: "constructor" }] },
];

describe("Memorystore for Redis controls", () => {
    const pack = usePack();

    it("a compliant instance passes every control", async () => {
        for (const policy of policies) assertPasses(await pack.check(policy, ri({})));
    });

    it("garbage never fails the call, never echoes a secret, and every finding is complete", async () => {
        for (const props of garbage) {
            const result = await pack.analyze(ri(props));
            for (const d of result.diagnostics) {
                assert.ok(!d.message.includes(SECRET), `secret echoed by ${d.policyName}: ${d.message}`);
                assert.ok(!d.message.includes("could not evaluate"), `${d.policyName} threw: ${d.message}`);
                if (d.enforcementLevel === "mandatory") assertFinding(d.message);
            }
        }
    });

    describe("gcp-redis-encryption-in-transit", () => {
        const policy = "gcp-redis-encryption-in-transit";
        it("requires SERVER_AUTHENTICATION; the default is DISABLED", async () => {
            assertViolates(await pack.check(policy, ri({ transitEncryptionMode: undefined })), /transitEncryptionMode is not set and defaults to "DISABLED"/, /Fix: set transitEncryptionMode: "SERVER_AUTHENTICATION"/, /HIPAA §164\.312\(e\)\(1\), §164\.312\(e\)\(2\)\(ii\); HITRUST 0808\.10b2, 0903\.10f1/);
            assertViolates(await pack.check(policy, ri({ transitEncryptionMode: "DISABLED" })), /transitEncryptionMode is "DISABLED"/);
            assertViolates(await pack.check(policy, ri({ transitEncryptionMode: "server_authentication" })), /transitEncryptionMode is not a recognised value/);
        });
        it("is undecided when unknown and rejects a non-string", async () => {
            assertUndecided(await pack.check(policy, ri({ transitEncryptionMode: unknown })), "transitEncryptionMode");
            assertViolates(await pack.check(policy, ri({ transitEncryptionMode: true })), /transitEncryptionMode is true, not a string/);
        });
    });

    describe("gcp-redis-auth", () => {
        const policy = "gcp-redis-auth";
        it("requires authEnabled (default false)", async () => {
            assertViolates(await pack.check(policy, ri({ authEnabled: undefined })), /authEnabled is not set and defaults to false/, /Fix: set authEnabled: true/, /HIPAA §164\.312\(d\), §164\.312\(a\)\(1\); HITRUST 01\.q/);
            assertViolates(await pack.check(policy, ri({ authEnabled: false })), /authEnabled is false/);
        });
        it("is undecided when unknown and rejects a non-boolean", async () => {
            assertUndecided(await pack.check(policy, ri({ authEnabled: unknown })), "authEnabled");
            assertViolates(await pack.check(policy, ri({ authEnabled: "true" })), /authEnabled is a string, not the boolean true/);
        });
    });

    describe("gcp-redis-high-availability", () => {
        const policy = "gcp-redis-high-availability";
        it("requires the STANDARD_HA tier; the default is BASIC", async () => {
            assertViolates(await pack.check(policy, ri({ tier: undefined })), /tier is not set and defaults to "BASIC"/, /Fix: set tier: "STANDARD_HA"/, /HIPAA §164\.308\(a\)\(7\)\(ii\)\(B\), §164\.308\(a\)\(7\)\(ii\)\(C\); HITRUST 1410\.09e2/);
            assertViolates(await pack.check(policy, ri({ tier: "BASIC" })), /tier is "BASIC"/);
            assertViolates(await pack.check(policy, ri({ tier: "PREMIUM-secret" })), /tier is not a recognised value/);
        });
        it("is undecided when unknown", async () => {
            assertUndecided(await pack.check(policy, ri({ tier: unknown })), "tier");
        });
    });

    describe("gcp-redis-encryption-at-rest", () => {
        const policy = "gcp-redis-encryption-at-rest";
        it("requires a customer-managed key, present when unknown", async () => {
            assertViolates(await pack.check(policy, ri({ customerManagedKey: undefined })), /customerManagedKey is not set, so data at rest is encrypted only with a Google-managed key/, /Fix: set customerManagedKey to the id of a gcp\.kms\.CryptoKey/, /HITRUST 1903\.06d1, 19141\.06c1, 0903\.10f1/);
            assertViolates(await pack.check(policy, ri({ customerManagedKey: "" })), /customerManagedKey is not set/);
            assertPasses(await pack.check(policy, ri({ customerManagedKey: unknown })));
            assertViolates(await pack.check(policy, ri({ customerManagedKey: 12 })), /customerManagedKey is 12, not a string/);
        });
        it("accepts Google-managed keys with allowGoogleManagedKeys, and rejects an invalid knob", async () => {
            assertPasses(await pack.check(policy, ri({ customerManagedKey: undefined }), { [policy]: { allowGoogleManagedKeys: true } }));
            assertViolates(await pack.check(policy, ri({}), { [policy]: { allowGoogleManagedKeys: "no" } }), /allowGoogleManagedKeys must be true or false/, /misconfigured/);
        });
    });

    describe("gcp-redis-persistence", () => {
        const policy = "gcp-redis-persistence";
        it("requires RDB persistence, which is off unless set", async () => {
            assertViolates(await pack.check(policy, ri({ persistenceConfig: undefined })), /persistenceConfig is not set, so the instance takes no RDB snapshots/, /Fix: set persistenceConfig: \{ persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" \}/, /HIPAA §164\.308\(a\)\(7\)\(ii\)\(A\); HITRUST 1616\.09l1/);
            assertViolates(await pack.check(policy, ri({ persistenceConfig: {} })), /persistenceConfig\.persistenceMode is not set and defaults to "DISABLED"/);
            assertViolates(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "DISABLED", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } })), /persistenceConfig\.persistenceMode is "DISABLED"/);
            assertViolates(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "AOF" } })), /persistenceMode is not a recognised value/);
        });
        it("accepts every period up to 24 hours, and an omitted period (the API's 24-hour default)", async () => {
            for (const rdbSnapshotPeriod of [undefined, "ONE_HOUR", "SIX_HOURS", "TWELVE_HOURS", "TWENTY_FOUR_HOURS"]) {
                assertPasses(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod } })));
            }
            assertPasses(await pack.check(policy, ri({ persistenceConfig: [{ persistenceMode: "RDB" }] })));
        });
        it("honours maximumSnapshotPeriodHours, suggesting the longest period within it", async () => {
            const config = { [policy]: { maximumSnapshotPeriodHours: 12 } };
            assertViolates(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } }), config), /persistenceConfig\.rdbSnapshotPeriod is "TWENTY_FOUR_HOURS", longer than 12 hours/, /Fix: set persistenceConfig\.rdbSnapshotPeriod: "TWELVE_HOURS"/);
            assertViolates(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB" } }), config), /rdbSnapshotPeriod is not set and defaults to every 24 hours, longer than 12 hours/);
            assertPasses(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "SIX_HOURS" } }), config));
            assertViolates(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "SIX_HOURS" } }), { [policy]: { maximumSnapshotPeriodHours: 2 } }), /Fix: set persistenceConfig\.rdbSnapshotPeriod: "ONE_HOUR"/);
            assertViolates(await pack.check(policy, ri({}), { [policy]: { maximumSnapshotPeriodHours: 48 } }), /maximumSnapshotPeriodHours must be an integer from 1 to 24/);
            assertViolates(await pack.check(policy, ri({}), { [policy]: { maximumSnapshotPeriodHours: 1.5 } }), /maximumSnapshotPeriodHours must be an integer from 1 to 24/);
        });
        it("rejects unrecognised periods without echoing them, even ones that name an object property", async () => {
            for (const rdbSnapshotPeriod of ["ONE_DAY", "constructor", "__proto__", SECRET]) {
                const v = await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod } }));
                assertViolates(v, /persistenceConfig\.rdbSnapshotPeriod is not a recognised value/);
                assert.ok(!v.violations[0].includes(SECRET));
            }
            assertViolates(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: 1 } })), /rdbSnapshotPeriod is 1, not a string/);
            assertViolates(await pack.check(policy, ri({ persistenceConfig: "RDB" })), /persistenceConfig is a string, not a block/);
        });
        it("is undecided on unknowns, and still reports what it can decide", async () => {
            assertUndecided(await pack.check(policy, ri({ persistenceConfig: unknown })), "persistenceConfig");
            assertUndecided(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: unknown, rdbSnapshotPeriod: "ONE_HOUR" } })), "persistenceConfig.persistenceMode");
            assertUndecided(await pack.check(policy, ri({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: unknown } })), "persistenceConfig.rdbSnapshotPeriod");
            const both = await pack.check(policy, ri({ persistenceConfig: { persistenceMode: unknown, rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } }), { [policy]: { maximumSnapshotPeriodHours: 6 } });
            assert.strictEqual(both.violations.length, 1);
            assert.strictEqual(both.advisories.length, 1);
        });
    });

    describe("remediation", () => {
        const persistence = "gcp-redis-persistence";
        const fixes = async (props: Record<string, unknown>, config: Record<string, unknown> = {}) =>
            (await pack.remediate(ri(props), { [persistence]: { enforcementLevel: "remediate", ...config } })).remediations.filter(r => r.policyName === persistence);

        it("turns RDB snapshots on when persistenceConfig is omitted, keeping every other value exactly as it came", async () => {
            const props = { persistenceConfig: undefined, authorizedNetwork: unknown, labels: { team: "phi" }, redisConfigs: secret({ "maxmemory-policy": "noeviction" }) };
            const mine = await fixes(props);
            assert.strictEqual(mine.length, 1);
            assert.deepStrictEqual(mine[0].properties, {
                ...(encodeValue(ri(props).props) as object),
                persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" },
            });
            assert.deepStrictEqual((await fixes(props, { maximumSnapshotPeriodHours: 8 }))[0].properties?.persistenceConfig, { persistenceMode: "RDB", rdbSnapshotPeriod: "SIX_HOURS" });
        });
        it("leaves an existing block, an unknown or 3.2 Redis version and compliant instances to a person", async () => {
            for (const props of [
                {},
                { persistenceConfig: { persistenceMode: "DISABLED" } },
                { persistenceConfig: unknown },
                { persistenceConfig: undefined, redisVersion: "REDIS_3_2" },
                { persistenceConfig: undefined, redisVersion: unknown },
            ]) {
                assert.deepStrictEqual(await fixes(props), [], JSON.stringify(props));
            }
        });
        it("the other controls say which decision needs a person", async () => {
            for (const policy of policies.filter(p => p !== persistence)) {
                const result = await pack.remediate(ri({ tier: "BASIC", transitEncryptionMode: "DISABLED", authEnabled: false, customerManagedKey: undefined }), { [policy]: { enforcementLevel: "remediate" } });
                assert.deepStrictEqual(result.remediations.filter(r => r.policyName === policy), []);
                assert.match(result.notApplicable.find(n => n.policyName === policy)!.reason, /^no automatic remediation: .{20,}/);
            }
        });
    });

    it("publishes its knob schema (the generic metadata is checked for every policy in tests/metadata.test.ts)", async () => {
        const persistence = pack.info.policies.find(x => x.name === "gcp-redis-persistence")!;
        assert.deepStrictEqual(persistence.configSchema?.properties.maximumSnapshotPeriodHours, {
            type: "integer", minimum: 1, maximum: 24, default: 24,
            description: "Longest accepted time between RDB snapshots, in hours (Memorystore offers 1, 6, 12 and 24).",
        });
    });
});
