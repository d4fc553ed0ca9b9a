import { booleanKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { isSetString } from "../../lib/props";
import { isSet, isTrue, valueOf } from "../../lib/rules";
import {
    auroraEncryptsNewClusters,
    cluster,
    clusterEncryptedByMode,
    clusterEngineMode,
    clusterInstance,
    engineOf,
    inherited,
    instance,
    instanceStorageEncrypted,
    isAurora,
} from "./facts";

const encryptFix = "set storageEncrypted: true (and kmsKeyId to a customer-managed aws.kms.Key)";
const keyFix = "set kmsKeyId to the ARN of a customer-managed aws.kms.Key";

/** An instance's storage encryption (not a replica or Aurora instance, which inherit it). */
export function instanceEncryption(r: Resource): Outcome {
    return isTrue(r.props.boolean(instanceStorageEncrypted.field), { path: "storageEncrypted", absentMeans: instanceStorageEncrypted.absent!, fix: encryptFix });
}

function customerKey(r: Resource, required: boolean): Outcome {
    return required ? isSet(r.props.string("kmsKeyId"), { path: "kmsKeyId", fix: keyFix, missing: "kmsKeyId is not set, so an AWS-managed or AWS-owned key is used" }) : pass;
}

/** A cluster's storage encryption: explicit, or the default of its engine mode and engine. */
export function clusterEncryption(r: Resource, requireExplicit: boolean): Outcome {
    const flag = r.props.boolean("storageEncrypted");
    if (flag.state !== "absent") return isTrue(flag, { path: "storageEncrypted", absentMeans: false, fix: encryptFix });
    const mode = valueOf(r.props.string(clusterEngineMode.field), { path: "engineMode", expected: "a string", fix: encryptFix, absent: clusterEngineMode.absent! });
    if (isOutcome(mode)) return mode;
    if (mode === "serverless" && clusterEncryptedByMode.serverless) return pass;
    const engine = engineOf(r);
    if (isOutcome(engine)) return engine;
    if (engine !== undefined && isAurora(engine) && auroraEncryptsNewClusters) {
        if (!requireExplicit || isSetString(r.props.string("kmsKeyId"))) return pass;
        return violation({
            code: "implicitEncryption",
            field: "storageEncrypted",
            problem: "storageEncrypted is not set: Aurora encrypts the cluster with an AWS-owned key, and requireExplicitEncryption asks for the flag or a kmsKeyId",
            fix: encryptFix,
        });
    }
    return violation({ code: "absentDefault", field: "storageEncrypted", problem: "storageEncrypted is not set and defaults to false", fix: encryptFix });
}

export default defineResourcePolicy({
    name: "aws-rds-storage-encrypted",
    description: "RDS DB instances and Aurora and Multi-AZ DB clusters encrypt their storage, backups and snapshots at rest.",
    severity: "critical",
    types: [instance, cluster, clusterInstance],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "rds", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["rds-storage-encrypted"], checkov: ["CKV_AWS_16", "CKV_AWS_96"] },
    remediation:
        "Set `storageEncrypted: true` on the `aws.rds.Instance` (the default is false) or `aws.rds.Cluster` (the default is false for provisioned clusters; " +
        "Aurora encrypts clusters created since 18 February 2026 with an AWS-owned key even without it, and Serverless v1 always encrypts). " +
        "Encryption is chosen at creation: for an existing database, snapshot it, copy the snapshot with a KMS key and restore from the copy.\n" +
        "With `requireCustomerManagedKey`, also set `kmsKeyId` to a customer-managed `aws.kms.Key`. With `requireExplicitEncryption`, an Aurora cluster must set " +
        "`storageEncrypted: true` or a `kmsKeyId` rather than rely on the AWS-owned key.\n" +
        "Aurora DB instances (`aws.rds.ClusterInstance`) and read replicas inherit encryption from their cluster or source, which is checked instead.",
    knobs: {
        requireCustomerManagedKey: booleanKnob({ default: false, description: "Require kmsKeyId (a customer-managed KMS key) on every DB instance and cluster, rather than the AWS-managed aws/rds key." }),
        requireExplicitEncryption: booleanKnob({
            default: false,
            description: "Require Aurora clusters to set storageEncrypted: true or a kmsKeyId instead of relying on Aurora's default encryption with an AWS-owned key (18 February 2026 on).",
        }),
    },
    check: (r, config) => {
        const inherits = inherited(r, { replicas: true });
        if (inherits) return inherits;
        if (r.type === cluster) return [clusterEncryption(r, config.requireExplicitEncryption), customerKey(r, config.requireCustomerManagedKey)];
        return [instanceEncryption(r), customerKey(r, config.requireCustomerManagedKey)];
    },
    noAutoRemediation: "encryption at rest is chosen when the database is created, so turning it on replaces the database (snapshot, encrypted copy, restore), and the key is a person's choice",
});
