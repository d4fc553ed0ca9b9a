// What the pack knows about Memorystore: Redis instances (gcp.redis.Instance), Redis Cluster
// (gcp.redis.Cluster) and Memorystore for Valkey (gcp.memorystore.Instance). The same five controls
// apply to all three, but each spells its settings differently, and on Cluster and Valkey TLS and
// IAM authentication default to off and can only be chosen at creation. Every default below is the
// provider's (the installed type definitions).

import { booleanAttribute, cloudFact, gcpTypes, numberAttribute, serviceFact, stringAttribute } from "../../lib/facts";

export const redisInstance = "gcp:redis/instance:Instance";
export const redisCluster = "gcp:redis/cluster:Cluster";
export const valkeyInstance = "gcp:memorystore/instance:Instance";
export const memorystoreTypes = [redisInstance, redisCluster, valkeyInstance];

const instanceSource = gcpTypes("redis/instance");
const clusterSource = gcpTypes("redis/cluster");
const valkeySource = gcpTypes("memorystore/instance");

// --- gcp.redis.Instance -------------------------------------------------------------------------------
export const transitEncryptionMode = stringAttribute({ types: [redisInstance], field: "transitEncryptionMode", default: "DISABLED", values: ["SERVER_AUTHENTICATION", "DISABLED"], source: instanceSource });
export const authEnabled = booleanAttribute({ types: [redisInstance], field: "authEnabled", default: false, source: instanceSource });
export const tier = stringAttribute({ types: [redisInstance], field: "tier", default: "BASIC", values: ["BASIC", "STANDARD_HA"], source: instanceSource });
export const customerManagedKey = stringAttribute({ types: [redisInstance], field: "customerManagedKey", source: instanceSource });
export const persistenceMode = stringAttribute({ types: [redisInstance], block: "persistenceConfig", field: "persistenceMode", default: "DISABLED", values: ["DISABLED", "RDB"], source: instanceSource });

// --- gcp.redis.Cluster ----------------------------------------------------------------------------------
export const clusterTransit = stringAttribute({
    types: [redisCluster],
    field: "transitEncryptionMode",
    default: "TRANSIT_ENCRYPTION_MODE_DISABLED",
    values: ["TRANSIT_ENCRYPTION_MODE_UNSPECIFIED", "TRANSIT_ENCRYPTION_MODE_DISABLED", "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION"],
    source: `${clusterSource} (immutable)`,
});
export const clusterAuth = stringAttribute({
    types: [redisCluster],
    field: "authorizationMode",
    default: "AUTH_MODE_DISABLED",
    values: ["AUTH_MODE_UNSPECIFIED", "AUTH_MODE_IAM_AUTH", "AUTH_MODE_DISABLED"],
    source: `${clusterSource} (immutable)`,
});
export const clusterPersistence = stringAttribute({
    types: [redisCluster],
    block: "persistenceConfig",
    field: "mode",
    default: "DISABLED",
    values: ["PERSISTENCE_MODE_UNSPECIFIED", "DISABLED", "RDB", "AOF"],
    source: `${gcpTypes("types/input")} (redis.ClusterPersistenceConfig) lists the modes without a default; the Memorystore Cluster API leaves persistence off unless set`,
});

// --- gcp.memorystore.Instance (Valkey) ------------------------------------------------------------------
export const valkeyTransit = stringAttribute({
    types: [valkeyInstance],
    field: "transitEncryptionMode",
    default: "TRANSIT_ENCRYPTION_DISABLED",
    values: ["TRANSIT_ENCRYPTION_DISABLED", "SERVER_AUTHENTICATION"],
    source: `${valkeySource} lists TRANSIT_ENCRYPTION_DISABLED and SERVER_AUTHENTICATION (immutable) without a default; the Memorystore for Valkey API leaves TLS off unless set`,
});
export const valkeyAuth = stringAttribute({
    types: [valkeyInstance],
    field: "authorizationMode",
    default: "AUTH_DISABLED",
    values: ["AUTH_DISABLED", "IAM_AUTH", "TOKEN_AUTH"],
    source: `${valkeySource} lists AUTH_DISABLED and IAM_AUTH (immutable; TOKEN_AUTH only in google-beta) without a default; the API leaves authentication off unless set`,
});
export const valkeyPersistence = stringAttribute({
    types: [valkeyInstance],
    block: "persistenceConfig",
    field: "mode",
    default: "DISABLED",
    values: ["DISABLED", "RDB", "AOF"],
    source: `${gcpTypes("types/input")} (memorystore.InstancePersistenceConfig) lists the modes without a default; the API leaves persistence off unless set`,
});

// --- Cluster and Valkey ---------------------------------------------------------------------------------
export const kmsKey = stringAttribute({ types: [redisCluster, valkeyInstance], field: "kmsKey", source: `${clusterSource}, ${valkeySource}` });
export const replicaCount = numberAttribute({
    types: [redisCluster, valkeyInstance],
    field: "replicaCount",
    default: 0,
    source: `${valkeySource} ("If omitted the default is 0 replicas"); ${clusterSource} gives no default, and the API creates no replicas unless asked`,
});

// rdbSnapshotPeriod values in hours; the API snapshots every 24 hours when the period is omitted.
export const snapshotPeriodHours: ReadonlyMap<string, number> = cloudFact(
    {
        about: "gcp.redis.Instance persistenceConfig.rdbSnapshotPeriod, gcp.redis.Cluster and gcp.memorystore.Instance persistenceConfig.rdbConfig.rdbSnapshotPeriod",
        says: "ONE_HOUR, SIX_HOURS, TWELVE_HOURS or TWENTY_FOUR_HOURS; omitted means every 24 hours",
        source: `${instanceSource}; ${gcpTypes("types/input")} (redis.ClusterPersistenceConfigRdbConfig)`,
    },
    new Map([["ONE_HOUR", 1], ["SIX_HOURS", 6], ["TWELVE_HOURS", 12], ["TWENTY_FOUR_HOURS", 24]]),
);
export const defaultSnapshotPeriodHours = 24;
serviceFact({ about: "gcp.redis.Instance persistenceConfig", says: "omitted: persistence off (no RDB snapshots); REDIS_3_2 offers no persistence", source: gcpTypes("redis/instance") });

/** The longest snapshot period of at most `hours` (the knob's minimum, 1, always has one). */
export function longestPeriodWithin(hours: number): string {
    let best = "ONE_HOUR";
    for (const [period, h] of snapshotPeriodHours) if (h <= hours) best = period;
    return best;
}
