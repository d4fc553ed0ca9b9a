// Issue 12's state-shaped properties and ElastiCache facts, as table cases (folded into the
// mirrored per-policy test files once those land).

import { notApplicable, passes, policyCases, remediates, violates } from "./cases";
import { cacheCluster, kmsKey, logGroup, projectBucket, replicationGroup, serverlessCache } from "./factories";

// Outputs store "" for a key in no custom key store: check and fix read it the same way.
policyCases("aws-kms-key-rotation", [
    violates(kmsKey({ enableKeyRotation: false, customKeyStoreId: "" }), { code: "notAllowed", field: "enableKeyRotation" }),
    remediates(kmsKey({ enableKeyRotation: false, customKeyStoreId: "" }), { enableKeyRotation: true }),
    notApplicable(kmsKey({ enableKeyRotation: false, customKeyStoreId: "cks-1234" }), /custom key store/),
    remediates(kmsKey({ enableKeyRotation: false, customKeyStoreId: "cks-1234" }), "nothing"),
]);

// Numbers stored as strings by older state are decided on the number the provider coerces.
policyCases("aws-cloudwatch-log-retention", [
    passes(logGroup({ retentionInDays: "3653" })),
    violates(logGroup({ retentionInDays: "1" }), { code: "belowMinimum", field: "retentionInDays" }),
    remediates(logGroup({ retentionInDays: "1" }), { retentionInDays: 2192 }),
]);
policyCases("gcp-logging-bucket-retention", [
    passes(projectBucket({ retentionDays: "2192" })),
    violates(projectBucket({ retentionDays: "30" }), { code: "belowMinimum", field: "retentionDays" }),
]);
policyCases("aws-elasticache-backup-retention", [
    remediates(replicationGroup({ snapshotRetentionLimit: "7" }), { snapshotRetentionLimit: 35 }),
    // Serverless Memcached takes automatic snapshots (CreateServerlessCache), node-based Memcached none.
    violates(serverlessCache({ engine: "memcached", majorEngineVersion: "1.6", snapshotRetentionLimit: undefined }), { code: "absentDefault", field: "snapshotRetentionLimit" }),
    passes(serverlessCache({ engine: "memcached", majorEngineVersion: "1.6" })),
    remediates(serverlessCache({ engine: "memcached", snapshotRetentionLimit: 1 }), { snapshotRetentionLimit: 35 }),
    notApplicable(cacheCluster(), /node-based Memcached keeps no snapshots/),
]);

// Serverless versions are majors: "1.6" is Memcached 1.6 at its latest patch.
policyCases("aws-elasticache-engine-version", [
    passes(serverlessCache({ engine: "memcached", majorEngineVersion: "1.6" })),
    violates(serverlessCache({ engine: "memcached", majorEngineVersion: "1.5" }), { code: "belowMinimum", field: "majorEngineVersion" }),
    passes(serverlessCache({ engine: "redis", majorEngineVersion: "7" })),
    violates(cacheCluster({ engineVersion: "1.6.6" }), { code: "belowMinimum", field: "engineVersion" }),
]);

// Memcached cannot authenticate clients: a violation unless an auditor accepted compensating controls.
policyCases("aws-elasticache-auth", [
    violates(cacheCluster(), { code: "memcachedNoAuthentication" }),
    violates(serverlessCache({ engine: "memcached", userGroupId: undefined }), { code: "memcachedNoAuthentication" }),
    notApplicable(cacheCluster(), /allowUnauthenticatedMemcached/, { allowUnauthenticatedMemcached: true }),
    passes(replicationGroup()),
    violates(cacheCluster({ engine: "redis" }), { code: "standaloneRedis" }),
]);
