import { defineResourcePolicy } from "../../lib/policy";
import { atLeast, oneOf } from "../../lib/rules";
import { memorystoreTypes, redisInstance, replicaCount, tier } from "./facts";

export default defineResourcePolicy({
    name: "gcp-redis-high-availability",
    description: "Memorystore keeps a replica in another zone with automatic failover: the Standard tier for Redis instances, at least one replica per shard for Redis Cluster and Valkey.",
    severity: "medium",
    types: memorystoreTypes,
    hipaa: ["164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)"],
    hitrust: ["1410.09e2", "1601.12c1", "1618.09l1", "1620.09l1"],
    tags: ["gcp", "redis", "memorystore", "availability", "disaster-recovery"],
    anchors: { gcp: ["gcp-memorystore-01", "gcp-memorystore-02"] },
    remediation:
        "- `gcp.redis.Instance`: set `tier: \"STANDARD_HA\"` (the default is `BASIC`, a single node with no failover); optionally pin `locationId` and " +
        "`alternativeLocationId` to two different zones.\n" +
        "- `gcp.redis.Cluster` and `gcp.memorystore.Instance` (Valkey): set `replicaCount: 1` or more (the default is 0) and keep `zoneDistributionConfig` multi-zone.",
    check: r =>
        r.type === redisInstance
            ? oneOf(r.props.string(tier.field), { path: tier.path, allowed: ["STANDARD_HA"], known: tier.values ?? [], absentMeans: tier.absent, fix: 'set tier: "STANDARD_HA"' })
            : atLeast(r.props.number(replicaCount.field), { path: replicaCount.path, minimum: 1, absentMeans: replicaCount.absent ?? 0 }),
    noAutoRemediation: "a replica doubles the cache's cost (and on Redis instances changing the tier replaces it), a decision for a person",
});
