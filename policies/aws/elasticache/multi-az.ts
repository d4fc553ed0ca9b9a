import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { mustBeAtLeast, mustBeOneOf, mustBeTrue } from "../../lib/rules";
import {
    allCacheTypes,
    automaticFailoverEnabled,
    azMode,
    cacheCluster,
    engineOf,
    multiAzEnabled,
    numCacheClusters,
    numCacheNodes,
    replicasPerNodeGroup,
    serverlessCache,
    useReplicationGroup,
} from "./facts";

const memcachedAcrossZones = [
    mustBeOneOf(azMode, ["cross-az"], { fix: 'set azMode: "cross-az"' }),
    mustBeAtLeast(numCacheNodes, 2, { fix: () => "set numCacheNodes: 2 or more so nodes can be spread across zones" }),
];
const failover = [mustBeTrue(automaticFailoverEnabled), mustBeTrue(multiAzEnabled)];
const shardReplicas = mustBeAtLeast(replicasPerNodeGroup, 1, { fix: () => "set replicasPerNodeGroup: 1 or more so every shard has a replica in another zone" });
const replicas = mustBeAtLeast(numCacheClusters, 2, { fix: () => "set numCacheClusters: 2 or more (a primary and at least one replica)" });

export default defineResourcePolicy({
    name: "aws-elasticache-multi-az",
    description: "ElastiCache survives the loss of an Availability Zone: Redis OSS and Valkey keep a replica in another zone and fail over to it automatically; Memcached spreads its nodes across zones (it has no replicas).",
    severity: "medium",
    types: allCacheTypes,
    hipaa: ["164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)"],
    hitrust: ["1410.09e2", "1601.12c1", "1618.09l1", "1620.09l1"],
    tags: ["aws", "elasticache", "availability", "disaster-recovery"],
    remediation:
        "On `aws.elasticache.ReplicationGroup` set `automaticFailoverEnabled: true`, `multiAzEnabled: true`, and either " +
        "`numCacheClusters: 2` or more (cluster mode disabled) or `replicasPerNodeGroup: 1` or more (cluster mode, with `numNodeGroups`).\n" +
        "On a Memcached `aws.elasticache.Cluster` set `azMode: \"cross-az\"` and `numCacheNodes: 2` or more.\n" +
        "A standalone Redis `aws.elasticache.Cluster` has a single node: create an `aws.elasticache.ReplicationGroup` instead.\n" +
        "Serverless caches replicate across Availability Zones by construction.",
    check: r => {
        if (r.type === serverlessCache) return pass; // Serverless caches replicate across AZs by construction.
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (r.type === cacheCluster) {
            if (engine !== "memcached") {
                return violation({
                    code: "standaloneRedis",
                    problem: "a standalone Redis cache cluster is a single node with no replica to fail over to",
                    fix: `${useReplicationGroup} with automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters: 2`,
                });
            }
            return memcachedAcrossZones.map(q => q.check(r.props, undefined));
        }
        const clusterMode = r.props.has("numNodeGroups") || r.props.has("replicasPerNodeGroup");
        return [...failover, clusterMode ? shardReplicas : replicas].map(q => q.check(r.props, undefined));
    },
    noAutoRemediation: "adding replicas and failover changes capacity and cost, a decision for a person",
});
