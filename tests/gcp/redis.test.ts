import * as assert from "assert";
import { garbage, misconfigured, noAutoRemediation, outcomesOf, passes, policyCases, remediates, rendered, undecided, violates } from "../cases";
import { redisInstance, redisInstanceOutputs } from "../factories";
import { usePack } from "../pack";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const SECRET = "redis-SECRET-do-not-echo-55c1";

/** Garbage every Memorystore policy must survive. */
const garbageProps: Record<string, unknown>[] = [
    { tier: 2, transitEncryptionMode: true, authEnabled: "true", customerManagedKey: 7, persistenceConfig: "RDB" },
    { tier: null, transitEncryptionMode: null, authEnabled: null, customerManagedKey: null, persistenceConfig: null },
    { tier: secret(SECRET), transitEncryptionMode: secret(SECRET), customerManagedKey: secret(SECRET) },
    { persistenceConfig: { persistenceMode: secret(SECRET), rdbSnapshotPeriod: SECRET } },
    { persistenceConfig: [unknown], tier: [unknown], authEnabled: { on: true } },
    { persistenceConfig: { persistenceMode: ["RDB"], rdbSnapshotPeriod: { hours: 1 } } },
    { persistenceConfig: [{ persistenceMode: "RDB", rdbSnapshotPeriod: "constructor" }] },
];
const garbageCases = garbageProps.map(props => garbage(redisInstance(props)));

/** Everything the controls without an automatic fix would find. */
const insecure = redisInstance({ tier: "BASIC", transitEncryptionMode: "DISABLED", authEnabled: false, customerManagedKey: undefined });

const mode = "transitEncryptionMode";
policyCases("gcp-redis-encryption-in-transit", [
    passes(redisInstance()),
    violates(redisInstance({ [mode]: undefined }), { code: "absentDefault", field: mode }),
    violates(redisInstance({ [mode]: "DISABLED" }), { code: "notAllowed", field: mode }),
    violates(redisInstance({ [mode]: "server_authentication" }), { code: "unrecognised", field: mode }),
    undecided(redisInstance({ [mode]: unknown }), mode),
    violates(redisInstance({ [mode]: true }), { code: "wrongType", field: mode }),
    ...garbageCases,
    noAutoRemediation(insecure),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ [mode]: "DISABLED", port: 6379 }), { code: "notAllowed", field: mode }),
]);

policyCases("gcp-redis-auth", [
    passes(redisInstance()),
    violates(redisInstance({ authEnabled: undefined }), { code: "absentDefault", field: "authEnabled" }),
    violates(redisInstance({ authEnabled: false }), { code: "notAllowed", field: "authEnabled" }),
    undecided(redisInstance({ authEnabled: unknown }), "authEnabled"),
    violates(redisInstance({ authEnabled: "true" }), { code: "wrongType", field: "authEnabled" }),
    ...garbageCases,
    noAutoRemediation(insecure),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ authEnabled: false, authString: secret("") }), { code: "notAllowed", field: "authEnabled" }),
]);

policyCases("gcp-redis-high-availability", [
    passes(redisInstance()),
    violates(redisInstance({ tier: undefined }), { code: "absentDefault", field: "tier" }),
    violates(redisInstance({ tier: "BASIC" }), { code: "notAllowed", field: "tier" }),
    violates(redisInstance({ tier: "PREMIUM-secret" }), { code: "unrecognised", field: "tier" }),
    undecided(redisInstance({ tier: unknown }), "tier"),
    ...garbageCases,
    noAutoRemediation(insecure),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ tier: "BASIC", alternativeLocationId: "", replicaCount: 0 }), { code: "notAllowed", field: "tier" }),
]);

const key = "customerManagedKey";
policyCases("gcp-redis-encryption-at-rest", [
    passes(redisInstance()),
    violates(redisInstance({ [key]: undefined }), { code: "notSet", field: key }),
    violates(redisInstance({ [key]: "" }), { code: "notSet", field: key }),
    // A key unknown at preview is present.
    passes(redisInstance({ [key]: unknown })),
    violates(redisInstance({ [key]: 12 }), { code: "wrongType", field: key }),
    passes(redisInstance({ [key]: undefined }), { allowGoogleManagedKeys: true }),
    misconfigured(redisInstance(), { allowGoogleManagedKeys: "no" }, "allowGoogleManagedKeys"),
    ...garbageCases,
    noAutoRemediation(insecure),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ [key]: "" }), { code: "notSet", field: key }),
]);

const persistence = "gcp-redis-persistence";
const persistenceOff = { persistenceMode: "DISABLED", rdbNextSnapshotTime: "", rdbSnapshotPeriod: "", rdbSnapshotStartTime: "" };
const period = "persistenceConfig.rdbSnapshotPeriod";
const rdb = (rdbSnapshotPeriod?: unknown) => redisInstance({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod } });
policyCases(persistence, [
    passes(redisInstance()),
    // RDB persistence is off unless set.
    violates(redisInstance({ persistenceConfig: undefined }), { code: "absentDefault", field: "persistenceConfig" }),
    violates(redisInstance({ persistenceConfig: {} }), { code: "absentDefault", field: "persistenceConfig.persistenceMode" }),
    violates(redisInstance({ persistenceConfig: { persistenceMode: "DISABLED", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } }), { code: "notAllowed", field: "persistenceConfig.persistenceMode" }),
    violates(redisInstance({ persistenceConfig: { persistenceMode: "AOF" } }), { code: "unrecognised", field: "persistenceConfig.persistenceMode" }),
    // Every period up to 24 hours, and an omitted one (the API's 24-hour default).
    ...[undefined, "ONE_HOUR", "SIX_HOURS", "TWELVE_HOURS", "TWENTY_FOUR_HOURS"].map(p => passes(rdb(p))),
    passes(redisInstance({ persistenceConfig: [{ persistenceMode: "RDB" }] })),
    // maximumSnapshotPeriodHours.
    violates(rdb("TWENTY_FOUR_HOURS"), { code: "aboveMaximum", field: period }, { maximumSnapshotPeriodHours: 12 }),
    violates(rdb(), { code: "absentDefault", field: period }, { maximumSnapshotPeriodHours: 12 }),
    passes(rdb("SIX_HOURS"), { maximumSnapshotPeriodHours: 12 }),
    violates(rdb("SIX_HOURS"), { code: "aboveMaximum", field: period }, { maximumSnapshotPeriodHours: 2 }),
    misconfigured(redisInstance(), { maximumSnapshotPeriodHours: 48 }, "maximumSnapshotPeriodHours"),
    misconfigured(redisInstance(), { maximumSnapshotPeriodHours: 1.5 }, "maximumSnapshotPeriodHours"),
    // Unrecognised periods, even ones that name an object property, are not echoed.
    ...["ONE_DAY", "constructor", "__proto__", SECRET].map(p => violates(rdb(p), { code: "unrecognised", field: period })),
    garbage(rdb(SECRET)),
    violates(rdb(1), { code: "wrongType", field: period }),
    violates(redisInstance({ persistenceConfig: "RDB" }), { code: "wrongType", field: "persistenceConfig" }),
    undecided(redisInstance({ persistenceConfig: unknown }), "persistenceConfig"),
    undecided(redisInstance({ persistenceConfig: { persistenceMode: unknown, rdbSnapshotPeriod: "ONE_HOUR" } }), "persistenceConfig.persistenceMode"),
    undecided(rdb(unknown), period),
    ...garbageCases,
    // Only an omitted block is filled in, keeping every other value exactly as it came.
    remediates(
        redisInstance({ persistenceConfig: undefined, redisVersion: "REDIS_7_2", authorizedNetwork: unknown, labels: { team: "phi" }, redisConfigs: secret({ "maxmemory-policy": "noeviction" }) }),
        { persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } },
    ),
    remediates(redisInstance({ persistenceConfig: undefined }), { persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "SIX_HOURS" } }, { maximumSnapshotPeriodHours: 8 }),
    remediates(redisInstance({ persistenceConfig: undefined }), { persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" } }, { maximumSnapshotPeriodHours: 2 }),
    // An existing block, an unknown or 3.2 Redis version, and compliant instances are left to a person.
    remediates(redisInstance(), "nothing"),
    remediates(redisInstance({ persistenceConfig: { persistenceMode: "DISABLED" } }), "nothing"),
    remediates(redisInstance({ persistenceConfig: unknown }), "nothing"),
    remediates(redisInstance({ persistenceConfig: secret({ persistenceMode: "DISABLED" }) }), "nothing"),
    remediates(redisInstance({ persistenceConfig: "RDB" }), "nothing"),
    remediates(redisInstance({ persistenceConfig: undefined, redisVersion: "REDIS_3_2" }), "nothing"),
    remediates(redisInstance({ persistenceConfig: undefined, redisVersion: unknown }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    passes(redisInstanceOutputs({ persistenceConfig: [{ persistenceMode: "RDB", rdbNextSnapshotTime: "", rdbSnapshotPeriod: "SIX_HOURS", rdbSnapshotStartTime: "" }] })),
    violates(redisInstanceOutputs({ persistenceConfig: persistenceOff }), { code: "notAllowed", field: "persistenceConfig.persistenceMode" }),
    // State always carries the block, and only an omitted block is filled in: outputs are never fixed.
    remediates(redisInstanceOutputs({ persistenceConfig: persistenceOff }), "nothing"),
]);

describe(`${persistence} (beyond the table)`, () => {
    const pack = usePack();

    it("is undecided on what is unknown and still reports what it can decide", async () => {
        const resource = redisInstance({ persistenceConfig: { persistenceMode: unknown, rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } });
        const knobs = { maximumSnapshotPeriodHours: 6 };
        const outcomes = outcomesOf(persistence, resource, knobs);
        assert.deepStrictEqual(await pack.check(persistence, resource, { [persistence]: knobs }), rendered(persistence, outcomes));
        assert.deepStrictEqual(
            outcomes.map(o => (o.kind === "violation" ? { code: o.code, field: o.field } : o)),
            [{ kind: "undecided", field: "persistenceConfig.persistenceMode" }, { code: "aboveMaximum", field: period }],
        );
    });

    it("publishes its knob schema (the generic metadata is checked for every policy in tests/metadata.test.ts)", () => {
        const p = pack.info.policies.find(x => x.name === persistence)!;
        assert.deepStrictEqual(p.configSchema?.properties.maximumSnapshotPeriodHours, {
            type: "integer", minimum: 1, maximum: 24, default: 24,
            description: "Longest accepted time between RDB snapshots, in hours (Memorystore offers 1, 6, 12 and 24).",
        });
    });
});
