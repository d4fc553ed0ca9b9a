import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { KMS_KEY_ARN, rdsCluster, rdsClusterSnapshot, rdsClusterSnapshotCopy, rdsInstance, rdsSnapshot, rdsSnapshotCopy, res } from "../../factories";
import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";

const policy = "aws-rds-snapshot-encrypted";
const db = (props: Record<string, unknown> = {}) => res(rdsInstance().type, "phi-db", { ...rdsInstance().props, identifier: "phi-db", ...props });
const aurora = (props: Record<string, unknown> = {}) => res(rdsCluster().type, "phi-aurora", { ...rdsCluster().props, clusterIdentifier: "phi-aurora", ...props });
const snap = (source: ReturnType<typeof db>, props: Record<string, unknown> = {}) => res(rdsSnapshot().type, "phi-snap", { ...rdsSnapshot().props, ...props }, { dbInstanceIdentifier: [source] });
const csnap = (source: ReturnType<typeof aurora>, props: Record<string, unknown> = {}) => res(rdsClusterSnapshot().type, "phi-csnap", { ...rdsClusterSnapshot().props, ...props }, { dbClusterIdentifier: [source] });

const plain = db({ storageEncrypted: false });
const plainSnap = snap(plain);
const unset = db({ storageEncrypted: undefined });
const maz = aurora({ engine: "postgres", storageEncrypted: undefined, dbClusterInstanceClass: "db.m6gd.large" });
const copyOf = (props: Record<string, unknown> = {}) => res(rdsSnapshotCopy().type, "phi-copy", { sourceDbSnapshotIdentifier: unknown, targetDbSnapshotIdentifier: "phi-copy", ...props }, { sourceDbSnapshotIdentifier: [plainSnap] });
const unknownSource = db({ storageEncrypted: unknown });
const replica = db({ replicateSourceDb: "phi-primary", storageEncrypted: undefined });
const junk = db({ storageEncrypted: secret("SECRET"), identifier: { SECRET: 1 } });

stackCases(policy, [
    // Snapshots of encrypted databases, by dependency or identifier, and copies with a KMS key.
    stackPasses([db(), snap(db())]),
    stackPasses([db(), res(rdsSnapshot().type, "lit", { ...rdsSnapshot().props, dbInstanceIdentifier: "phi-db" })]),
    stackPasses([aurora(), csnap(aurora())]),
    // Aurora encrypts new clusters even without the flag.
    stackPasses([aurora({ storageEncrypted: undefined }), csnap(aurora({ storageEncrypted: undefined }))]),
    stackPasses([rdsSnapshotCopy(), rdsClusterSnapshotCopy()].map(r => res(r.type, r.name, r.props))),
    // Snapshots, and copies without a key, of unencrypted databases, on the snapshot.
    stackViolates([plain, plainSnap], [{ on: "phi-snap", code: "notAllowed" }]),
    stackViolates([unset, snap(unset)], [{ on: "phi-snap", code: "absentDefault" }]),
    stackViolates([maz, csnap(maz)], [{ on: "phi-csnap", code: "absentDefault" }]),
    stackViolates([plain, plainSnap, copyOf()], [{ on: "phi-snap", code: "notAllowed" }, { on: "phi-copy", code: "notAllowed" }]),
    stackViolates([plain, plainSnap, copyOf({ kmsKeyId: KMS_KEY_ARN })], [{ on: "phi-snap", code: "notAllowed" }]),
    // Undecided when the source or its encryption is unknown at preview; sources created elsewhere are skipped.
    stackUndecided([res(rdsSnapshot().type, "phi-snap", rdsSnapshot().props)], [{ on: "phi-snap", fields: "dbInstanceIdentifier" }]),
    stackUndecided([unknownSource, snap(unknownSource)], [{ on: "phi-snap", fields: "Instance.storageEncrypted" }]),
    stackNotApplicable([res(rdsSnapshot().type, "ext", { ...rdsSnapshot().props, dbInstanceIdentifier: "legacy-db" })], /DB instance is not created by this stack/),
    // A read replica's snapshot follows its source.
    stackNotApplicable([replica, snap(replica)], /read replica/),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([junk, snap(junk)], [{ on: "phi-snap", code: "wrongType" }]),
]);
