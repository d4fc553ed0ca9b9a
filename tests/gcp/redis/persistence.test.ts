// Redis instances, Redis Cluster and Valkey.
import * as assert from "assert";
import { garbage, misconfigured, outcomesOf, passes, policyCases, remediates, rendered, undecided, violates } from "../../cases";
import { redisCluster, redisInstance, redisInstanceOutputs, valkeyInstance } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { instanceGarbage, SECRET } from "./instances";

const mode = "persistenceConfig.mode";
const periodField = "persistenceConfig.rdbConfig.rdbSnapshotPeriod";
const rdb = (rdbSnapshotPeriod: unknown) => ({ persistenceConfig: { mode: "RDB", rdbConfig: { rdbSnapshotPeriod } } });

// A Redis instance (gcp:redis/instance:Instance) spells its block differently.
const persistence = "gcp-redis-persistence";
const persistenceOff = { persistenceMode: "DISABLED", rdbNextSnapshotTime: "", rdbSnapshotPeriod: "", rdbSnapshotStartTime: "" };
const period = "persistenceConfig.rdbSnapshotPeriod";
const instanceRdb = (rdbSnapshotPeriod?: unknown) => redisInstance({ persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod } });

policyCases(persistence, [
    passes(redisCluster()),
    passes(valkeyInstance()),
    passes(valkeyInstance(rdb("TWELVE_HOURS"))),
    // Omitted, snapshots are taken every 24 hours: enough for the default maximum.
    passes(redisCluster({ persistenceConfig: { mode: "RDB" } })),
    passes(redisCluster({ persistenceConfig: [{ mode: "AOF", aofConfig: [{ appendFsync: "EVERYSEC" }], rdbConfig: [] }] })),
    violates(redisCluster({ persistenceConfig: undefined }), { code: "absentDefault", field: "persistenceConfig" }),
    violates(valkeyInstance({ persistenceConfig: {} }), { code: "absentDefault", field: mode }),
    violates(valkeyInstance({ persistenceConfig: { mode: "DISABLED" } }), { code: "notAllowed", field: mode }),
    violates(redisCluster({ persistenceConfig: { persistenceMode: "RDB" } }), { code: "absentDefault", field: mode }),
    violates(redisCluster(rdb("TWENTY_FOUR_HOURS")), { code: "aboveMaximum", field: periodField }, { maximumSnapshotPeriodHours: 12 }),
    violates(redisCluster({ persistenceConfig: { mode: "RDB" } }), { code: "absentDefault", field: periodField }, { maximumSnapshotPeriodHours: 6 }),
    violates(valkeyInstance(rdb("WEEKLY")), { code: "unrecognised", field: periodField }),
    violates(valkeyInstance({ persistenceConfig: "RDB" }), { code: "wrongType", field: "persistenceConfig" }),
    undecided(valkeyInstance({ persistenceConfig: { mode: unknown } }), mode),
    undecided(redisCluster(rdb(unknown)), periodField),
    garbage(redisCluster({ persistenceConfig: { mode: secret("SECRET"), rdbConfig: "SECRET" } })),
    // Only a Redis instance's omitted block is ever filled in.
    remediates(redisCluster({ persistenceConfig: undefined }), "nothing"),
    remediates(valkeyInstance({ persistenceConfig: undefined }), "nothing"),

    // Redis instances: RDB persistence is off unless set.
    passes(redisInstance()),
    violates(redisInstance({ persistenceConfig: undefined }), { code: "absentDefault", field: "persistenceConfig" }),
    violates(redisInstance({ persistenceConfig: {} }), { code: "absentDefault", field: "persistenceConfig.persistenceMode" }),
    violates(redisInstance({ persistenceConfig: { persistenceMode: "DISABLED", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" } }), { code: "notAllowed", field: "persistenceConfig.persistenceMode" }),
    violates(redisInstance({ persistenceConfig: { persistenceMode: "AOF" } }), { code: "unrecognised", field: "persistenceConfig.persistenceMode" }),
    // Every period up to 24 hours, and an omitted one (the API's 24-hour default).
    ...[undefined, "ONE_HOUR", "SIX_HOURS", "TWELVE_HOURS", "TWENTY_FOUR_HOURS"].map(p => passes(instanceRdb(p))),
    passes(redisInstance({ persistenceConfig: [{ persistenceMode: "RDB" }] })),
    // maximumSnapshotPeriodHours.
    violates(instanceRdb("TWENTY_FOUR_HOURS"), { code: "aboveMaximum", field: period }, { maximumSnapshotPeriodHours: 12 }),
    violates(instanceRdb(), { code: "absentDefault", field: period }, { maximumSnapshotPeriodHours: 12 }),
    passes(instanceRdb("SIX_HOURS"), { maximumSnapshotPeriodHours: 12 }),
    violates(instanceRdb("SIX_HOURS"), { code: "aboveMaximum", field: period }, { maximumSnapshotPeriodHours: 2 }),
    misconfigured(redisInstance(), { maximumSnapshotPeriodHours: 48 }, "maximumSnapshotPeriodHours"),
    misconfigured(redisInstance(), { maximumSnapshotPeriodHours: 1.5 }, "maximumSnapshotPeriodHours"),
    // Unrecognised periods, even ones that name an object property, are not echoed.
    ...["ONE_DAY", "constructor", "__proto__", SECRET].map(p => violates(instanceRdb(p), { code: "unrecognised", field: period })),
    garbage(instanceRdb(SECRET)),
    violates(instanceRdb(1), { code: "wrongType", field: period }),
    violates(redisInstance({ persistenceConfig: "RDB" }), { code: "wrongType", field: "persistenceConfig" }),
    undecided(redisInstance({ persistenceConfig: unknown }), "persistenceConfig"),
    undecided(redisInstance({ persistenceConfig: { persistenceMode: unknown, rdbSnapshotPeriod: "ONE_HOUR" } }), "persistenceConfig.persistenceMode"),
    undecided(instanceRdb(unknown), period),
    ...instanceGarbage,
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
