// What the pack knows about ElastiCache caches, shared by its policies.
//
// Three resource types: replication groups (Redis OSS / Valkey, where every control is settable),
// node-based cache clusters (Memcached, standalone single-node Redis, or a member of a replication
// group that inherits the group's settings) and serverless caches (encrypted, TLS-only and
// Multi-AZ by construction).

import { awsTypes, booleanAttribute, cloudFact, numberAttribute, stringAttribute } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, violation } from "../../lib/outcome";
import { Resource } from "../../lib/policy";
import { classify, isSetString, Read } from "../../lib/props";
import { lowerString, valueOf } from "../../lib/rules";

export const replicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
export const cacheCluster = "aws:elasticache/cluster:Cluster";
export const serverlessCache = "aws:elasticache/serverlessCache:ServerlessCache";
export const allCacheTypes = [replicationGroup, cacheCluster, serverlessCache];

const groupSource = awsTypes("elasticache/replicationGroup");
const clusterSource = awsTypes("elasticache/cluster");
const groups = [replicationGroup];
const clusters = [cacheCluster];

export const transitEncryptionEnabled = booleanAttribute({ types: [replicationGroup, cacheCluster], field: "transitEncryptionEnabled", default: false, source: groupSource });
export const transitEncryptionMode = stringAttribute({ types: groups, field: "transitEncryptionMode", values: ["preferred", "required"], source: groupSource });
export const automaticFailoverEnabled = booleanAttribute({ types: groups, field: "automaticFailoverEnabled", default: false, source: groupSource });
export const multiAzEnabled = booleanAttribute({ types: groups, field: "multiAzEnabled", default: false, source: groupSource });
export const numCacheClusters = numberAttribute({ types: groups, field: "numCacheClusters", default: 1, source: groupSource });
export const replicasPerNodeGroup = numberAttribute({ types: groups, field: "replicasPerNodeGroup", default: 0, source: groupSource });
export const azMode = stringAttribute({ types: clusters, field: "azMode", default: "single-az", values: ["single-az", "cross-az"], source: clusterSource });
export const numCacheNodes = numberAttribute({ types: clusters, field: "numCacheNodes", default: 1, source: clusterSource });
export const snapshotRetentionLimit = numberAttribute({ types: allCacheTypes, field: "snapshotRetentionLimit", default: 0, source: groupSource });
/** The provider's doc comment says Redis and Valkey only; the API documents automatic snapshots for Serverless Memcached too. */
export const serverlessMemcachedSnapshots = cloudFact(
    {
        about: "aws.elasticache.ServerlessCache snapshotRetentionLimit (engine memcached)",
        says: "automatic snapshots are available for Serverless Memcached (up to 35 days); off unless set. The d.ts doc comment says Redis and Valkey only: the API reference is followed",
        source: "AWS ElastiCache API Reference: CreateServerlessCache (SnapshotRetentionLimit, DailySnapshotTime); " + awsTypes("elasticache/serverlessCache"),
    },
    true,
);
/** Memcached offers no client authentication on node-based clusters or serverless caches. */
export const memcachedHasNoAuth = cloudFact(
    {
        about: "ElastiCache Memcached (node-based and serverless)",
        says: "no client authentication (AUTH and RBAC user groups are Redis OSS and Valkey features); access rests on network controls",
        source: "AWS ElastiCache User Guide: authenticating users with AUTH / RBAC; " + awsTypes("elasticache/serverlessCache") + " (userGroupId)",
    },
    true,
);
/** At-rest encryption's default depends on the engine: true for Valkey, false for Redis OSS. */
export const atRestEncryptionEnabledByEngine = cloudFact(
    { about: "aws.elasticache.ReplicationGroup atRestEncryptionEnabled", says: "defaults to true for Valkey and false for Redis OSS", source: groupSource },
    { valkey: true, redis: false } as const,
);
export const serverlessGuarantees = cloudFact(
    { about: "aws.elasticache.ServerlessCache", says: "always encrypts at rest and in transit (TLS only) and replicates across Availability Zones", source: "AWS ElastiCache User Guide: ElastiCache Serverless" },
    true,
);

stringAttribute({ types: groups, field: "engine", default: "redis", values: ["redis", "valkey"], source: groupSource });

export type Engine = "redis" | "valkey" | "memcached";
const engines: readonly string[] = ["redis", "valkey", "memcached"];

export const inheritsFromGroup = notApplicable(
    "this cache cluster is a member of a replication group (replicationGroupId) and inherits the group's settings; the group is checked instead",
);
export const useReplicationGroup = "create the cache as an aws.elasticache.ReplicationGroup (engine \"redis\" or \"valkey\")";

/**
 * The cache's engine, or the outcome that stops the check: a cluster that joins a replication
 * group inherits everything, an unknown engine leaves the check undecided, and an engine the
 * service does not offer is reported.
 */
export function engineOf(r: Resource): Engine | Outcome {
    if (r.type === cacheCluster && isSetString(r.props.string("replicationGroupId"))) return inheritsFromGroup;
    const fix = 'set engine: "redis", "valkey" or "memcached"';
    const engine = valueOf(lowerString(r.props, "engine"), { path: "engine", expected: "a string", fix, absent: undefined });
    if (isOutcome(engine)) return engine;
    // Replication groups default to Redis OSS; clusters and serverless caches must name one.
    if (engine === undefined) return r.type === replicationGroup ? "redis" : violation({ code: "notSet", field: "engine", problem: "engine is not set", fix });
    return engines.includes(engine) ? (engine as Engine) : violation({ code: "unrecognised", field: "engine", problem: "engine is not a recognised ElastiCache engine", fix });
}

/** Parses "7.1", "6.x", "4.0.10" into numeric parts ("x" ends the version); undefined if unreadable. */
export function parseVersion(text: string): number[] | undefined {
    const match = /^\s*(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?\s*$/i.exec(text);
    if (!match) return undefined;
    const parts: number[] = [];
    for (const part of match.slice(1)) {
        if (part === undefined || part.toLowerCase() === "x") break;
        parts.push(Number(part));
    }
    return parts;
}

/** Compares versions part by part; a missing part counts as 0 ("6.x" is 6.0.0, the lowest 6). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}

/** Redis OSS 3.2.6 is the one 3.x release AWS lists as HIPAA-eligible (it added encryption); 3.2.10 is not. */
export const redisLegacyEligible = cloudFact(
    { about: "ElastiCache Redis OSS 3.2.6", says: "the only 3.x release AWS lists as HIPAA-eligible", source: "AWS ElastiCache User Guide: compliance validation (HIPAA eligibility)" },
    [3, 2, 6],
);

/** The list names at least one id: a non-empty string, or one unknown at preview. */
export function namesAnId(read: Read<unknown[]>): boolean {
    if (read.state === "unknown") return true; // computed from other resources: present
    return read.state === "known" && read.value.some(id => isSetString(classify(id, "string")));
}
