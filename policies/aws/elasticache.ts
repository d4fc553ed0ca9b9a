// ElastiCache controls from the HITRUST CSF guide for ElastiCache (seed 003): engine eligibility,
// encryption in transit and at rest, Multi-AZ failover, snapshot retention and client AUTH.
//
// Three resource types: replication groups (Redis OSS / Valkey, where every control is settable),
// node-based cache clusters (Memcached, standalone single-node Redis, or a member of a replication
// group that inherits the group's settings) and serverless caches (encrypted, TLS-only and
// Multi-AZ by construction).

import { booleanKnob, integerKnob, versionKnob } from "../lib/knobs";
import { notApplicable, Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy, Resource } from "../lib/policy";
import { classify, describeWrongType, isSetString, Read } from "../lib/props";
import { fixAtLeast, fixOneOf, lowerString, mustBeAtLeast, mustBeOneOf, mustBeSet, mustBeTrue } from "../lib/rules";

export const replicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
export const cacheCluster = "aws:elasticache/cluster:Cluster";
export const serverlessCache = "aws:elasticache/serverlessCache:ServerlessCache";
const allCacheTypes = [replicationGroup, cacheCluster, serverlessCache];

type Engine = "redis" | "valkey" | "memcached";
const engines: readonly Engine[] = ["redis", "valkey", "memcached"];

const inheritsFromGroup = notApplicable(
    "this cache cluster is a member of a replication group (replicationGroupId) and inherits the group's settings; the group is checked instead",
);
const useReplicationGroup = "create the cache as an aws.elasticache.ReplicationGroup (engine \"redis\" or \"valkey\")";

/**
 * The cache's engine, or the outcome that stops the check: a cluster that joins a replication
 * group inherits everything, an unknown engine leaves the check undecided, and an engine the
 * service does not offer is reported.
 */
function engineOf(r: Resource): Engine | Outcome {
    if (r.type === cacheCluster && isSetString(r.props.string("replicationGroupId"))) return inheritsFromGroup;
    const read = lowerString(r.props, "engine");
    switch (read.state) {
        case "absent":
            // Replication groups default to Redis OSS; clusters and serverless caches must name one.
            return r.type === replicationGroup ? "redis" : violation("engine is not set", 'set engine: "redis", "valkey" or "memcached"');
        case "unknown":
            return undecided("engine");
        case "wrongType":
            return violation(`engine is ${describeWrongType(read.value)}, not a string`, 'set engine: "redis", "valkey" or "memcached"');
        case "known":
            return (engines as readonly string[]).includes(read.value)
                ? (read.value as Engine)
                : violation("engine is not a recognised ElastiCache engine", 'set engine: "redis", "valkey" or "memcached"');
    }
}

function isOutcome(value: Engine | Outcome): value is Outcome {
    return typeof value === "object";
}

// ---------------------------------------------------------------------------------------------

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

// Redis OSS 3.2.6 is the one 3.x release AWS lists as HIPAA-eligible (it added encryption); 3.2.10 is not.
const redisLegacyEligible = [3, 2, 6];

export const engineVersion = defineResourcePolicy({
    name: "aws-elasticache-engine-version",
    description: "ElastiCache runs an engine version AWS lists as HIPAA-eligible.",
    severity: "high",
    types: allCacheTypes,
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["aws", "elasticache", "vulnerability-management"],
    remediation:
        "Set `engineVersion` (serverless: `majorEngineVersion`) to a HIPAA-eligible release, or omit it to get AWS's current default:\n" +
        "- Redis OSS: 4.0.10 or later (3.2.6 is the only eligible 3.x release); 6.x/7.x recommended.\n" +
        "- Valkey: any version.\n" +
        "- Memcached: 1.6.12 or later (the first with in-transit encryption).",
    knobs: {
        minimumRedisVersion: versionKnob({ default: "4.0.10", description: "Lowest Redis OSS engine version accepted (3.2.6 is always accepted: AWS lists it as HIPAA-eligible)." }),
        minimumMemcachedVersion: versionKnob({ default: "1.6.12", description: "Lowest Memcached engine version accepted (1.6.12 is the first with in-transit encryption)." }),
    },
    check: (r, config) => {
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === "valkey") return pass;
        const field = r.type === serverlessCache ? "majorEngineVersion" : "engineVersion";
        const minimumText = engine === "redis" ? config.minimumRedisVersion : config.minimumMemcachedVersion;
        const fix = `set ${field}: "${minimumText}" or later, or omit ${field} to get AWS's current default`;
        const read = r.props.string(field);
        switch (read.state) {
            case "absent":
                return pass; // AWS creates the cache on its current default version.
            case "unknown":
                return undecided(field);
            case "wrongType":
                return violation(`${field} is ${describeWrongType(read.value)}, not a version string`, fix);
        }
        const version = parseVersion(read.value);
        if (!version) return violation(`${field} is not a version the pack can read`, fix);
        const minimum = parseVersion(minimumText) ?? [];
        const eligible =
            compareVersions(version, minimum) >= 0 ||
            (engine === "redis" && compareVersions(version, redisLegacyEligible) === 0 && version.length === 3);
        return eligible ? pass : violation(`${engine} ${field} ${version.join(".")} is below the HIPAA-eligible minimum ${minimumText}`, fix);
    },
    noAutoRemediation: "an engine upgrade needs a person to choose the version and check client compatibility",
});

export const encryptionInTransit = defineResourcePolicy({
    name: "aws-elasticache-encryption-in-transit",
    description: "ElastiCache encrypts client connections with TLS and refuses plaintext ones.",
    severity: "critical",
    types: allCacheTypes,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "elasticache", "encryption", "encryption-in-transit"],
    remediation:
        "On `aws.elasticache.ReplicationGroup` set `transitEncryptionEnabled: true` and `transitEncryptionMode: \"required\"` " +
        "(`preferred` is only for migrating clients and still accepts plaintext).\n" +
        "On a Memcached `aws.elasticache.Cluster` set `transitEncryptionEnabled: true` (Memcached 1.6.12 or later).\n" +
        "A standalone Redis `aws.elasticache.Cluster` cannot use TLS: create an `aws.elasticache.ReplicationGroup` instead.\n" +
        "Serverless caches always use TLS.",
    check: r => {
        if (r.type === serverlessCache) return pass; // ElastiCache Serverless only accepts TLS connections.
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (r.type === cacheCluster && engine !== "memcached") {
            return violation("a standalone Redis cache cluster cannot encrypt connections in transit", `${useReplicationGroup} with transitEncryptionEnabled: true`);
        }
        const outcomes = [mustBeTrue(r.props, "transitEncryptionEnabled", false)];
        if (r.type === replicationGroup) {
            outcomes.push(
                mustBeOneOf(r.props, "transitEncryptionMode", ["required"], ["preferred", "required"], undefined,
                    'set transitEncryptionMode: "required" ("preferred" still accepts plaintext clients)'),
            );
        }
        return outcomes;
    },
    // Only the mode is safe to fix: turning TLS on needs clients to switch to TLS, and on engines
    // before 7.0.5 it replaces the group.
    remediate: r => (r.type === replicationGroup ? fixOneOf(r.props, "transitEncryptionMode", ["required"], "required", undefined) : undefined),
});

export const encryptionAtRest = defineResourcePolicy({
    name: "aws-elasticache-encryption-at-rest",
    description: "ElastiCache encrypts data at rest (on-disk sync and swap files, and backups), optionally with a customer-managed KMS key.",
    severity: "critical",
    types: allCacheTypes,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["aws", "elasticache", "encryption", "encryption-at-rest"],
    remediation:
        "On `aws.elasticache.ReplicationGroup` set `atRestEncryptionEnabled: true` (the default is true for Valkey and false for Redis OSS; " +
        "it can only be set when the group is created).\n" +
        "With `requireCustomerManagedKey`, also set `kmsKeyId` to the ARN of a customer-managed `aws.kms.Key`.\n" +
        "A standalone Redis `aws.elasticache.Cluster` cannot be encrypted at rest: create an `aws.elasticache.ReplicationGroup` instead.",
    knobs: {
        requireCustomerManagedKey: booleanKnob({ default: false, description: "Require a customer-managed KMS key (kmsKeyId) rather than the AWS-managed default key." }),
    },
    check: (r, config) => {
        const customerKey = () =>
            config.requireCustomerManagedKey ? mustBeSet(r.props, "kmsKeyId", "set kmsKeyId to the ARN of a customer-managed aws.kms.Key", "kmsKeyId is not set, so AWS's default key is used") : pass;
        if (r.type === serverlessCache) return customerKey(); // Serverless caches are always encrypted at rest.
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (r.type === cacheCluster) {
            if (engine === "memcached") {
                return notApplicable("node-based Memcached keeps data only in memory and writes no snapshots; ElastiCache offers no at-rest encryption for it");
            }
            return violation("a standalone Redis cache cluster cannot be encrypted at rest", `${useReplicationGroup} with atRestEncryptionEnabled: true`);
        }
        return [mustBeTrue(r.props, "atRestEncryptionEnabled", engine === "valkey"), customerKey()];
    },
    noAutoRemediation: "at-rest encryption can only be chosen when a cache is created, so turning it on replaces the cache, and the KMS key is a person's choice",
});

export const multiAz = defineResourcePolicy({
    name: "aws-elasticache-multi-az",
    description: "ElastiCache keeps a replica in another Availability Zone and fails over to it automatically.",
    severity: "medium",
    types: allCacheTypes,
    hipaa: ["164.308(a)(7)(ii)(B)"],
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
                return violation("a standalone Redis cache cluster is a single node with no replica to fail over to", `${useReplicationGroup} with automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters: 2`);
            }
            return [
                mustBeOneOf(r.props, "azMode", ["cross-az"], ["single-az", "cross-az"], "single-az", 'set azMode: "cross-az"'),
                mustBeAtLeast(r.props, "numCacheNodes", 2, 1, "set numCacheNodes: 2 or more so nodes can be spread across zones"),
            ];
        }
        const clusterMode = r.props.has("numNodeGroups") || r.props.has("replicasPerNodeGroup");
        return [
            mustBeTrue(r.props, "automaticFailoverEnabled", false),
            mustBeTrue(r.props, "multiAzEnabled", false),
            clusterMode
                ? mustBeAtLeast(r.props, "replicasPerNodeGroup", 1, 0, "set replicasPerNodeGroup: 1 or more so every shard has a replica in another zone")
                : mustBeAtLeast(r.props, "numCacheClusters", 2, 1, "set numCacheClusters: 2 or more (a primary and at least one replica)"),
        ];
    },
    noAutoRemediation: "adding replicas and failover changes capacity and cost, a decision for a person",
});

export const backupRetention = defineResourcePolicy({
    name: "aws-elasticache-backup-retention",
    description: "ElastiCache takes automatic snapshots and keeps them for the configured number of days.",
    severity: "medium",
    types: allCacheTypes,
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["aws", "elasticache", "backup"],
    remediation:
        "Set `snapshotRetentionLimit` to at least `minimumRetentionDays` (default 35, the service maximum) on the replication group, " +
        "standalone Redis cluster or Redis/Valkey serverless cache. Archive snapshots older than that for six years " +
        "(e.g. export to an S3 bucket with a lifecycle policy). Memcached keeps no snapshots.",
    knobs: {
        minimumRetentionDays: integerKnob({ default: 35, minimum: 1, maximum: 35, description: "Fewest days automatic snapshots must be kept (ElastiCache allows at most 35)." }),
    },
    check: (r, config) => {
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === "memcached") return notApplicable("Memcached keeps no snapshots, so there is nothing to retain");
        const minimum = config.minimumRetentionDays;
        return mustBeAtLeast(r.props, "snapshotRetentionLimit", minimum, 0, `set snapshotRetentionLimit: ${minimum} or more (0 turns automatic snapshots off)`);
    },
    remediate: (r, config) => {
        const engine = engineOf(r);
        return isOutcome(engine) || engine === "memcached" ? undefined : fixAtLeast(r.props, "snapshotRetentionLimit", config.minimumRetentionDays, 0);
    },
});

/** The list names at least one id: a non-empty string, or one unknown at preview. */
function namesAnId(read: Read<unknown[]>): boolean {
    if (read.state === "unknown") return true; // computed from other resources: present
    return read.state === "known" && read.value.some(id => isSetString(classify(id, "string")));
}

export const auth = defineResourcePolicy({
    name: "aws-elasticache-auth",
    description: "Redis OSS and Valkey caches make clients authenticate, with an AUTH token or RBAC user groups.",
    severity: "high",
    types: allCacheTypes,
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["aws", "elasticache", "authentication", "access-control"],
    remediation:
        "On `aws.elasticache.ReplicationGroup` set `authTokenWo` (write-only, not stored in state; with `authTokenWoVersion`) or `authToken` " +
        "from a Pulumi secret (both need `transitEncryptionEnabled: true`), or attach an RBAC user group with `userGroupIds`.\n" +
        "On a Redis/Valkey `aws.elasticache.ServerlessCache` set `userGroupId`.\n" +
        "A standalone Redis `aws.elasticache.Cluster` cannot require AUTH: create an `aws.elasticache.ReplicationGroup` instead.",
    check: r => {
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === "memcached") {
            return notApplicable("ElastiCache Memcached has no client authentication; restrict who reaches it with security groups");
        }
        if (r.type === cacheCluster) {
            return violation("a standalone Redis cache cluster cannot require clients to authenticate", `${useReplicationGroup} with authTokenWo or userGroupIds`);
        }
        if (r.type === serverlessCache) {
            return mustBeSet(r.props, "userGroupId", "set userGroupId to an aws.elasticache.UserGroup id", "userGroupId is not set, so clients connect without authenticating");
        }
        const tokens = ["authToken", "authTokenWo"];
        for (const field of tokens) {
            const read = r.props.string(field);
            if (read.state === "wrongType") {
                // Never describe a credential's value, not even its type's contents.
                return violation(`${field} is not a string`, `set ${field} to a string from a Pulumi secret`);
            }
            if (isSetString(read)) return pass;
        }
        if (namesAnId(r.props.list("userGroupIds"))) return pass;
        return violation(
            "no AUTH token (authToken or authTokenWo) or RBAC user group (userGroupIds) is set, so any client that reaches the port can read the cache",
            "set authTokenWo (or authToken) from a Pulumi secret, or userGroupIds: [an aws.elasticache.UserGroup id]",
        );
    },
    noAutoRemediation: "the AUTH token or RBAC user group is a credential only a person can choose",
});

export const elasticachePolicies = [engineVersion, encryptionInTransit, encryptionAtRest, multiAz, backupRetention, auth];
