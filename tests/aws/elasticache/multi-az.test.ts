import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { AUTH_TOKEN, cacheCluster, cacheClusterOutputs, groupMember, replicationGroup, replicationGroupOutputs, serverlessCache, serverlessCacheOutputs, standaloneRedis } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elasticache-multi-az";
const sharded = { numCacheClusters: undefined, numNodeGroups: 3 };

policyCases(policy, [
    passes(replicationGroup()),
    passes(cacheCluster()),
    // Serverless caches replicate across zones by construction.
    passes(serverlessCache()),
    // Cluster mode disabled: automatic failover, Multi-AZ and a replica.
    violates(replicationGroup({ automaticFailoverEnabled: undefined }), { code: "absentDefault", field: "automaticFailoverEnabled" }),
    violates(replicationGroup({ multiAzEnabled: false }), { code: "notAllowed", field: "multiAzEnabled" }),
    violates(replicationGroup({ numCacheClusters: undefined }), { code: "absentDefault", field: "numCacheClusters" }),
    violates(replicationGroup({ numCacheClusters: 1 }), { code: "belowMinimum", field: "numCacheClusters" }),
    // Cluster mode: a replica per node group.
    passes(replicationGroup({ ...sharded, replicasPerNodeGroup: 1 })),
    violates(replicationGroup({ ...sharded, replicasPerNodeGroup: 0 }), { code: "belowMinimum", field: "replicasPerNodeGroup" }),
    violates(replicationGroup(sharded), { code: "absentDefault", field: "replicasPerNodeGroup" }),
    // Memcached nodes across zones.
    violates(cacheCluster({ azMode: undefined }), { code: "absentDefault", field: "azMode" }),
    violates(cacheCluster({ numCacheNodes: 1 }), { code: "belowMinimum", field: "numCacheNodes" }),
    violates(standaloneRedis, { code: "standaloneRedis" }),
    undecided(replicationGroup({ numCacheClusters: unknown, multiAzEnabled: unknown }), ["numCacheClusters", "multiAzEnabled"]),
    violates(replicationGroup({ numCacheClusters: "two" }), { code: "wrongType", field: "numCacheClusters" }),
    passes(replicationGroup({ numCacheClusters: "2" })),
    notApplicable(groupMember, /inherits the group's settings/),
    ...[
        { numCacheClusters: "2", snapshotRetentionLimit: { days: 35 }, replicasPerNodeGroup: null, numNodeGroups: unknown },
        { transitEncryptionMode: secret(AUTH_TOKEN), azMode: [unknown], replicationGroupId: {} },
    ].flatMap(props => [replicationGroup(props), cacheCluster(props), serverlessCache(props)].map(r => garbage(r))),
    noAutoRemediation(replicationGroup({ numCacheClusters: 1 })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(replicationGroupOutputs()),
    passes(cacheClusterOutputs()),
    passes(serverlessCacheOutputs()),
    notApplicable(cacheClusterOutputs({ engine: "redis", engineVersion: "7.1", replicationGroupId: "phi-cache", azMode: "single-az", numCacheNodes: 1, transitEncryptionEnabled: false }), /inherits the group's settings/),
    // State always reports numNodeGroups and replicasPerNodeGroup, so a single-node group reads as a shard without a replica.
    violates(replicationGroupOutputs({ automaticFailoverEnabled: false, multiAzEnabled: false, numCacheClusters: 1, replicasPerNodeGroup: 0, memberClusters: ["phi-cache-001"] }), [
        { code: "notAllowed", field: "automaticFailoverEnabled" },
        { code: "notAllowed", field: "multiAzEnabled" },
        { code: "belowMinimum", field: "replicasPerNodeGroup" },
    ]),
    violates(cacheClusterOutputs({ azMode: "single-az", numCacheNodes: 1 }), [
        { code: "notAllowed", field: "azMode" },
        { code: "belowMinimum", field: "numCacheNodes" },
    ]),
]);
