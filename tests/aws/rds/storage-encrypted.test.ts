import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { KMS_KEY_ARN, rdsCluster, rdsClusterInstance, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const cmk = { requireCustomerManagedKey: true };
const explicit = { requireExplicitEncryption: true };

policyCases("aws-rds-storage-encrypted", [
    passes(rdsInstance()),
    passes(rdsInstance({ kmsKeyId: undefined })),
    passes(rdsCluster()),
    violates(rdsInstance({ storageEncrypted: undefined }), { code: "absentDefault", field: "storageEncrypted" }),
    violates(rdsInstance({ storageEncrypted: false }), { code: "notAllowed", field: "storageEncrypted" }),
    violates(rdsInstance({ storageEncrypted: "true" }), { code: "wrongType", field: "storageEncrypted" }),
    undecided(rdsInstance({ storageEncrypted: unknown }), "storageEncrypted"),
    // Clusters: false for provisioned, true for Serverless v1, and Aurora encrypts new clusters by default (18 Feb 2026).
    violates(rdsCluster({ storageEncrypted: false }), { code: "notAllowed", field: "storageEncrypted" }),
    passes(rdsCluster({ storageEncrypted: undefined, kmsKeyId: undefined })),
    passes(rdsCluster({ storageEncrypted: undefined, engineMode: "serverless", engine: "aurora-mysql" })),
    violates(rdsCluster({ storageEncrypted: undefined, engine: "postgres", dbClusterInstanceClass: "db.m6gd.large" }), { code: "absentDefault", field: "storageEncrypted" }),
    undecided(rdsCluster({ storageEncrypted: undefined, engine: unknown }), "engine"),
    undecided(rdsCluster({ storageEncrypted: undefined, engineMode: unknown }), "engineMode"),
    violates(rdsCluster({ storageEncrypted: undefined, engineMode: 7 }), { code: "wrongType", field: "engineMode" }),
    // requireExplicitEncryption: the flag or a key, not the AWS-owned key.
    passes(rdsCluster(), explicit),
    passes(rdsCluster({ storageEncrypted: undefined }), explicit),
    violates(rdsCluster({ storageEncrypted: undefined, kmsKeyId: undefined }), { code: "implicitEncryption", field: "storageEncrypted" }, explicit),
    passes(rdsCluster({ storageEncrypted: undefined, kmsKeyId: undefined, engineMode: "serverless" }), explicit),
    // requireCustomerManagedKey on instances and clusters.
    passes(rdsInstance(), cmk),
    passes(rdsCluster({ kmsKeyId: unknown }), cmk),
    violates(rdsInstance({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }, cmk),
    violates(rdsCluster({ kmsKeyId: "" }), { code: "notSet", field: "kmsKeyId" }, cmk),
    violates(rdsInstance({ storageEncrypted: false, kmsKeyId: undefined }), [{ code: "notAllowed", field: "storageEncrypted" }, { code: "notSet", field: "kmsKeyId" }], cmk),
    // Inherited: Aurora instances, cluster instances and read replicas.
    notApplicable(rdsClusterInstance(), /inherits this setting from its aws\.rds\.Cluster/),
    notApplicable(rdsInstance({ engine: "aurora-mysql", storageEncrypted: undefined }), /inherits this setting from its aws\.rds\.Cluster/),
    notApplicable(rdsInstance({ replicateSourceDb: "phi-db", storageEncrypted: undefined, engine: undefined }), /read replica/),
    notApplicable(rdsInstance({ replicateSourceDb: unknown, storageEncrypted: undefined }), /read replica/),
    undecided(rdsInstance({ engine: unknown, storageEncrypted: undefined }), "engine"),
    // Outputs-shaped: defaults filled in, "" for unset strings.
    passes(rdsInstance({ replicateSourceDb: "", kmsKeyId: KMS_KEY_ARN, snapshotIdentifier: "" })),
    violates(rdsInstance({ replicateSourceDb: "", storageEncrypted: false, kmsKeyId: "" }), { code: "notAllowed", field: "storageEncrypted" }),
    passes(rdsCluster({ engineMode: "provisioned", storageEncrypted: true, kmsKeyId: KMS_KEY_ARN, dbClusterInstanceClass: "" }), explicit),
    garbage(rdsInstance({ storageEncrypted: secret("SECRET"), kmsKeyId: { SECRET: 1 }, engine: secret("SECRET") })),
    garbage(rdsCluster({ engineMode: ["SECRET"], engine: 42, storageEncrypted: null })),
    remediates(rdsInstance({ storageEncrypted: false }), "nothing"),
]);
