// Redis Cluster and Valkey; Redis instances are covered in tests/gcp/redis.test.ts.
import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redisCluster, valkeyInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const mode = "persistenceConfig.mode";
const periodField = "persistenceConfig.rdbConfig.rdbSnapshotPeriod";
const rdb = (rdbSnapshotPeriod: unknown) => ({ persistenceConfig: { mode: "RDB", rdbConfig: { rdbSnapshotPeriod } } });

policyCases("gcp-redis-persistence", [
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
]);
