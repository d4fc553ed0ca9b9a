import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { AUTH_TOKEN, cacheCluster, cacheClusterOutputs, groupMember, replicationGroup, replicationGroupOutputs, serverlessCache, serverlessCacheOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elasticache-engine-version";
const field = "engineVersion";

policyCases(policy, [
    passes(replicationGroup()),
    passes(cacheCluster()),
    passes(serverlessCache()),
    // Omitted: AWS's current default. Redis 4.0.10 and later, 6.x, and 3.2.6 (the one eligible 3.x).
    ...[undefined, "4.0.10", "5.0.6", "6.x", "6.2", "7.1", "3.2.6"].map(engineVersion => passes(replicationGroup({ engineVersion }))),
    passes(replicationGroup({ engine: "valkey", engineVersion: "7.2" })),
    passes(replicationGroup({ engine: undefined, engineVersion: "7.0" })),
    passes(serverlessCache({ engine: "redis", majorEngineVersion: "7" })),
    // 3.2.10 is not 3.2.6.
    ...["3.2.10", "4.0.9", "2.8.24", "4.0"].map(engineVersion => violates(replicationGroup({ engineVersion }), { code: "belowMinimum", field })),
    violates(cacheCluster({ engineVersion: "1.6.6" }), { code: "belowMinimum", field }),
    violates(serverlessCache({ engine: "memcached", majorEngineVersion: "1.5" }), { code: "belowMinimum", field: "majorEngineVersion" }),
    violates(replicationGroup({ engineVersion: "6.2" }), { code: "belowMinimum", field }, { minimumRedisVersion: "7.0" }),
    passes(replicationGroup({ engineVersion: "7.1" }), { minimumRedisVersion: "7.0" }),
    passes(cacheCluster({ engineVersion: "1.6.6" }), { minimumMemcachedVersion: "1.6.6" }),
    misconfigured(replicationGroup(), { minimumRedisVersion: "seven" }, "minimumRedisVersion"),
    undecided(replicationGroup({ engineVersion: unknown }), field),
    undecided(replicationGroup({ engine: unknown }), "engine"),
    violates(replicationGroup({ engineVersion: "latest-secret-build" }), { code: "unrecognised", field }),
    violates(replicationGroup({ engineVersion: 7 }), { code: "wrongType", field }),
    violates(replicationGroup({ engine: "dragonfly" }), { code: "unrecognised", field: "engine" }),
    violates(cacheCluster({ engine: undefined }), { code: "notSet", field: "engine" }),
    notApplicable(groupMember, /inherits the group's settings/),
    ...[
        { engine: 42 },
        { engine: null, engineVersion: ["7.1"] },
        { engine: secret(AUTH_TOKEN) },
        { userGroupIds: "ug-1", engineVersion: secret(AUTH_TOKEN) },
        { engineVersion: NaN, snapshotRetentionLimit: Infinity },
    ].flatMap(props => [replicationGroup(props), cacheCluster(props), serverlessCache(props)].map(r => garbage(r))),
    noAutoRemediation(replicationGroup({ engineVersion: "4.0.9" })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(replicationGroupOutputs()),
    passes(cacheClusterOutputs()),
    passes(serverlessCacheOutputs()),
    notApplicable(cacheClusterOutputs({ engine: "redis", engineVersion: "7.1", replicationGroupId: "phi-cache", azMode: "single-az", numCacheNodes: 1, transitEncryptionEnabled: false }), /inherits the group's settings/),
    // Serverless caches name a major version ("1.6"), compared with the minimum's major.
    passes(serverlessCacheOutputs({ engine: "memcached", majorEngineVersion: "1.6", fullEngineVersion: "1.6.22" })),
    passes(serverlessCache({ engine: "memcached", majorEngineVersion: "1.6" })),
]);
