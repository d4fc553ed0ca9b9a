import { integerKnob } from "../../lib/knobs";
import { isOutcome, notApplicable } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { mustBeAtLeast } from "../../lib/rules";
import { allCacheTypes, cacheCluster, engineOf, serverlessCache, serverlessMemcachedSnapshots, snapshotRetentionLimit } from "./facts";

const retention = mustBeAtLeast(snapshotRetentionLimit, (config: { minimumRetentionDays: number }) => config.minimumRetentionDays, {
    fix: minimum => `set snapshotRetentionLimit: ${minimum} or more (0 turns automatic snapshots off)`,
});

export default defineResourcePolicy({
    name: "aws-elasticache-backup-retention",
    description: "ElastiCache takes automatic snapshots and keeps them for the configured number of days.",
    severity: "medium",
    types: allCacheTypes,
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["aws", "elasticache", "backup"],
    anchors: { awsConfig: ["elasticache-redis-cluster-automatic-backup-check"], checkov: ["CKV_AWS_134"] },
    remediation:
        "Set `snapshotRetentionLimit` to at least `minimumRetentionDays` (default 35, the service maximum) on the replication group, " +
        "standalone Redis cluster or serverless cache (Serverless Memcached included: the API offers it there, though the provider's doc comment " +
        "says Redis and Valkey only). Archive snapshots older than that for six years (e.g. export to an S3 bucket with a lifecycle policy). " +
        "Node-based Memcached keeps no snapshots.",
    knobs: {
        minimumRetentionDays: integerKnob({ default: 35, minimum: 1, maximum: 35, description: "Fewest days automatic snapshots must be kept (ElastiCache allows at most 35)." }),
    },
    check: (r, config) => {
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === "memcached" && !(r.type === serverlessCache && serverlessMemcachedSnapshots)) {
            return notApplicable("node-based Memcached keeps no snapshots, so there is nothing to retain");
        }
        return retention.check(r.props, config);
    },
    remediate: (r, config) => {
        const engine = engineOf(r);
        return isOutcome(engine) || (engine === "memcached" && r.type === cacheCluster) ? undefined : retention.patch(r.props, config);
    },
});
