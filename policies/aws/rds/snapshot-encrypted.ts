import { serviceFact } from "../../lib/facts";
import { isOutcome, Outcome, pass } from "../../lib/outcome";
import { isSetString } from "../../lib/props";
import { concerning, defineStackPolicy, referenced, ReferenceTarget, Stack, StackResource } from "../../lib/stack";
import { cluster, clusterSnapshot, clusterSnapshotCopy, inherited, instance, snapshot, snapshotCopy } from "./facts";
import { clusterEncryption, instanceEncryption } from "./storage-encrypted";

const instanceTarget: ReferenceTarget = { types: [instance], keys: ["identifier", "id", "arn"] };
const clusterTarget: ReferenceTarget = { types: [cluster], keys: ["clusterIdentifier", "id", "arn"] };
const snapshotTarget: ReferenceTarget = { types: [snapshot], keys: ["dbSnapshotIdentifier", "dbSnapshotArn", "id"] };
const clusterSnapshotTarget: ReferenceTarget = { types: [clusterSnapshot], keys: ["dbClusterSnapshotIdentifier", "dbClusterSnapshotArn", "id"] };

serviceFact({
    about: "aws.rds.Snapshot, ClusterSnapshot (and copies without kmsKeyId)",
    says: "a snapshot is encrypted exactly when its source DB instance or cluster is; a copy with kmsKeyId is encrypted with that key, one without keeps the source snapshot's encryption",
    source: "Amazon RDS User Guide: encrypting Amazon RDS resources (limitations), copying a DB snapshot; @pulumi/aws 7.48 rds/snapshotCopy.d.ts",
});

const prefix = "the snapshot's source is not encrypted: ";
const where = "on the snapshot's source database, or copy the snapshot with kmsKeyId";

/** The source database's encryption, as an outcome about the snapshot. */
function fromDatabase(stack: Stack, snap: StackResource, field: string, target: ReferenceTarget, what: string): Outcome {
    const source = referenced(stack, snap, { field, target, what });
    if (isOutcome(source)) return source;
    const inherits = inherited(source, { replicas: true });
    if (inherits) return inherits;
    const outcome = source.type === cluster ? clusterEncryption(source, false) : instanceEncryption(source);
    return concerning(outcome, { prefix, where, owner: what === "DB cluster" ? "Cluster" : "Instance" });
}

export default defineStackPolicy({
    name: "aws-rds-snapshot-encrypted",
    description: "RDS and Aurora snapshots, and copies of them, are encrypted at rest (inherited from the source database, or a KMS key on the copy).",
    severity: "high",
    types: [snapshot, clusterSnapshot, snapshotCopy, clusterSnapshotCopy],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "rds", "snapshot", "encryption", "encryption-at-rest", "stack"],
    anchors: { awsConfig: ["rds-snapshot-encrypted"], checkov: ["CKV_AWS_146", "CKV_AWS_266"] },
    remediation:
        "A snapshot takes its source's encryption: encrypt the `aws.rds.Instance` or `aws.rds.Cluster` it is taken from (`storageEncrypted: true`), or make an " +
        "`aws.rds.SnapshotCopy` / `aws.rds.ClusterSnapshotCopy` with `kmsKeyId` and restore from that. Pass the source's `identifier` or `arn` output so the pack can " +
        "connect them at preview; a source created elsewhere is checked where it is defined.",
    check: (s, stack): Outcome => {
        switch (s.type) {
            case snapshot:
                return fromDatabase(stack, s, "dbInstanceIdentifier", instanceTarget, "DB instance");
            case clusterSnapshot:
                return fromDatabase(stack, s, "dbClusterIdentifier", clusterTarget, "DB cluster");
            default: {
                if (isSetString(s.props.string("kmsKeyId"))) return pass;
                const copyOfCluster = s.type === clusterSnapshotCopy;
                const field = copyOfCluster ? "sourceDbClusterSnapshotIdentifier" : "sourceDbSnapshotIdentifier";
                const source = referenced(stack, s, { field, target: copyOfCluster ? clusterSnapshotTarget : snapshotTarget, what: "source snapshot" });
                if (isOutcome(source)) return source;
                return copyOfCluster
                    ? fromDatabase(stack, source, "dbClusterIdentifier", clusterTarget, "DB cluster")
                    : fromDatabase(stack, source, "dbInstanceIdentifier", instanceTarget, "DB instance");
            }
        }
    },
});
