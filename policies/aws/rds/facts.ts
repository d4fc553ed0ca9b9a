// What the pack knows about RDS and Aurora: the type tokens, the provider defaults of the
// properties its policies read, and which resources inherit a setting from another one (Aurora
// instances from their cluster, read replicas from their source), so those are not applicable.

import { awsTypes, booleanAttribute, cloudFact, numberAttribute, serviceFact, stringAttribute } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome } from "../../lib/outcome";
import { Resource } from "../../lib/policy";
import { isSetString } from "../../lib/props";
import { lowerString, valueOf } from "../../lib/rules";

export const instance = "aws:rds/instance:Instance";
export const cluster = "aws:rds/cluster:Cluster";
export const clusterInstance = "aws:rds/clusterInstance:ClusterInstance";
export const snapshot = "aws:rds/snapshot:Snapshot";
export const clusterSnapshot = "aws:rds/clusterSnapshot:ClusterSnapshot";
export const snapshotCopy = "aws:rds/snapshotCopy:SnapshotCopy";
export const clusterSnapshotCopy = "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy";
export const allSnapshotTypes = [snapshot, clusterSnapshot, snapshotCopy, clusterSnapshotCopy];

const instanceSource = awsTypes("rds/instance");
const clusterSource = awsTypes("rds/cluster");
const clusterInstanceSource = awsTypes("rds/clusterInstance");

export const instanceStorageEncrypted = booleanAttribute({ types: [instance], field: "storageEncrypted", default: false, source: instanceSource });
export const clusterEngineMode = stringAttribute({
    types: [cluster], field: "engineMode", default: "provisioned", values: ["provisioned", "serverless", "parallelquery", "global"], source: clusterSource,
});
/** The cluster's encryption default depends on its engine mode. */
export const clusterEncryptedByMode = cloudFact(
    { about: "aws.rds.Cluster storageEncrypted", says: "defaults to false for engineMode provisioned and true for serverless (Aurora Serverless v1)", source: clusterSource },
    { provisioned: false, serverless: true } as const,
);
/** Since 18 February 2026 Aurora encrypts every new cluster at rest, with an AWS-owned key unless one is named. */
export const auroraEncryptsNewClusters = cloudFact(
    {
        about: "Amazon Aurora clusters created from 18 February 2026",
        says: "encrypted at rest (AES-256) even when storageEncrypted is omitted, with an AWS-owned key unless kmsKeyId names one; the d.ts default (false for provisioned) predates this",
        source: "Amazon Aurora User Guide: encrypting Amazon Aurora resources (Overview.Encryption)",
    },
    true,
);
export const backupRetentionPeriod = numberAttribute({
    types: [instance], field: "backupRetentionPeriod", default: 1,
    // The d.ts and the API disagree on an omitted value; the pack follows what the API does.
    source: "Amazon RDS User Guide: backup retention period (the RDS API applies 1 day when it is omitted, the console 7; " + instanceSource + ' says "Default is 0": the pack follows the API)',
});
export const multiAz = booleanAttribute({ types: [instance], field: "multiAz", default: false, source: instanceSource });
export const publiclyAccessible = booleanAttribute({ types: [instance, clusterInstance], field: "publiclyAccessible", default: false, source: instanceSource + "; " + clusterInstanceSource });
export const deletionProtection = booleanAttribute({ types: [cluster, instance], field: "deletionProtection", default: false, source: clusterSource + "; " + instanceSource });
export const monitoringInterval = numberAttribute({ types: [instance, clusterInstance], field: "monitoringInterval", default: 0, source: instanceSource });
export const monitoringIntervals = cloudFact(
    { about: "aws.rds.Instance, aws.rds.ClusterInstance monitoringInterval", says: "one of 0, 1, 5, 10, 15, 30, 60 seconds; 0 turns Enhanced Monitoring off", source: instanceSource + "; " + clusterInstanceSource },
    [0, 1, 5, 10, 15, 30, 60] as const,
);
export const monitoringRoleArn = stringAttribute({ types: [instance, clusterInstance], field: "monitoringRoleArn", source: instanceSource });
export const autoMinorVersionUpgrade = booleanAttribute({ types: [instance, clusterInstance], field: "autoMinorVersionUpgrade", default: true, source: instanceSource + "; " + clusterInstanceSource });

serviceFact({
    about: "Aurora DB instances (aws.rds.ClusterInstance, or an aws.rds.Instance with an aurora* engine)",
    says: "storage encryption, automated backups and Multi-AZ placement belong to the cluster; the instance inherits them",
    source: "Amazon Aurora User Guide: Aurora DB clusters; " + clusterInstanceSource,
});
serviceFact({
    about: "aws.rds.Instance with replicateSourceDb (a read replica)",
    says: "inherits the source's storage encryption (a cross-region replica of an encrypted source names a kmsKeyId)",
    source: "Amazon RDS User Guide: working with DB instance read replicas; " + instanceSource,
});

/** An Aurora engine ("aurora", "aurora-mysql", "aurora-postgresql"). */
export function isAurora(engine: string): boolean {
    return engine.startsWith("aurora");
}

export const inheritsFromCluster = notApplicable("an Aurora DB instance inherits this setting from its aws.rds.Cluster, which is checked instead");
export const replicaInherits = notApplicable("a read replica (replicateSourceDb) inherits this setting from its source DB instance, which is checked instead");

/** Whether the instance is a read replica: replicateSourceDb is set (or unknown, so still a replica). */
export function isReplica(r: Resource): boolean {
    return isSetString(r.props.string("replicateSourceDb"));
}

/**
 * The engine of an RDS instance or cluster (lower-cased), undefined when it is omitted (a replica or
 * a restore takes its source's), or the outcome that stops the check (unknown, wrong type).
 */
export function engineOf(r: Resource): string | undefined | Outcome {
    return valueOf(lowerString(r.props, "engine"), { path: "engine", expected: "a string", fix: 'set engine (e.g. "postgres" or "aurora-postgresql")', absent: undefined });
}

/**
 * Not applicable on resources that inherit the setting from the cluster (ClusterInstance, an
 * Aurora-engine Instance) and, when `replicas` says so, from a replica's source; undefined when the
 * resource carries the setting itself; undecided when the engine is unknown.
 */
export function inherited(r: Resource, o: { replicas: boolean }): Outcome | undefined {
    if (r.type === clusterInstance) return inheritsFromCluster;
    if (r.type !== instance) return undefined;
    if (o.replicas && isReplica(r)) return replicaInherits;
    const engine = engineOf(r);
    if (isOutcome(engine)) return engine;
    return engine !== undefined && isAurora(engine) ? inheritsFromCluster : undefined;
}

// --- CloudWatch log exports, by engine --------------------------------------------------------------

/** The log types each engine must export, keyed by engine prefix (longest first wins). */
export const requiredLogExports = cloudFact(
    {
        about: "aws.rds.Instance, aws.rds.Cluster enabledCloudwatchLogsExports",
        says:
            "exports nothing when omitted; the pack requires per engine: postgres and aurora-postgresql postgresql; mysql, mariadb and aurora-mysql audit, error, general, slowquery; " +
            "oracle alert, audit, listener, trace; sqlserver agent, error (the log types AWS Config's rds-logging-enabled checks)",
        source: instanceSource + "; " + clusterSource + "; Amazon RDS User Guide: publishing database logs to Amazon CloudWatch Logs",
    },
    [
        { prefix: "aurora-postgresql", logs: ["postgresql"] },
        { prefix: "aurora-mysql", logs: ["audit", "error", "general", "slowquery"] },
        { prefix: "aurora", logs: ["audit", "error", "general", "slowquery"] },
        { prefix: "postgres", logs: ["postgresql"] },
        { prefix: "mysql", logs: ["audit", "error", "general", "slowquery"] },
        { prefix: "mariadb", logs: ["audit", "error", "general", "slowquery"] },
        { prefix: "oracle", logs: ["alert", "audit", "listener", "trace"] },
        { prefix: "sqlserver", logs: ["agent", "error"] },
    ] as const,
);

export function logsFor(engine: string): readonly string[] | undefined {
    return requiredLogExports.find(e => engine.startsWith(e.prefix))?.logs;
}
