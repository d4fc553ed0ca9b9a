import * as assert from "assert";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { KMS_KEY_ARN, rdsCluster, rdsClusterSnapshot, rdsClusterSnapshotCopy, rdsInstance, rdsSnapshot, rdsSnapshotCopy } from "../../factories";
import { usePack } from "../../pack";
import { res, verdict } from "../../stacks";

const policy = "aws-rds-snapshot-encrypted";
const db = (props: Record<string, unknown> = {}) => res(rdsInstance().type, "phi-db", { ...rdsInstance().props, identifier: "phi-db", ...props });
const aurora = (props: Record<string, unknown> = {}) => res(rdsCluster().type, "phi-aurora", { ...rdsCluster().props, clusterIdentifier: "phi-aurora", ...props });
const snap = (source: ReturnType<typeof db>, props: Record<string, unknown> = {}) => res(rdsSnapshot().type, "phi-snap", { ...rdsSnapshot().props, ...props }, { dbInstanceIdentifier: [source] });
const csnap = (source: ReturnType<typeof aurora>, props: Record<string, unknown> = {}) => res(rdsClusterSnapshot().type, "phi-csnap", { ...rdsClusterSnapshot().props, ...props }, { dbClusterIdentifier: [source] });
const clean = { violations: [], undecided: [] };

describe(policy, () => {
    const pack = usePack();

    it("passes snapshots of encrypted databases, by dependency or identifier, and copies with a KMS key", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [db(), snap(db())]), clean);
        assert.deepStrictEqual(await verdict(pack, policy, [db(), res(rdsSnapshot().type, "lit", { ...rdsSnapshot().props, dbInstanceIdentifier: "phi-db" })]), clean);
        assert.deepStrictEqual(await verdict(pack, policy, [aurora(), csnap(aurora())]), clean);
        // Aurora encrypts new clusters even without the flag.
        assert.deepStrictEqual(await verdict(pack, policy, [aurora({ storageEncrypted: undefined }), csnap(aurora({ storageEncrypted: undefined }))]), clean);
        assert.deepStrictEqual(await verdict(pack, policy, [rdsSnapshotCopy(), rdsClusterSnapshotCopy()].map(r => res(r.type, r.name, r.props))), clean);
    });

    it("reports snapshots, and copies without a key, of unencrypted databases, on the snapshot", async () => {
        const plain = db({ storageEncrypted: false });
        const s = snap(plain);
        assert.deepStrictEqual(await verdict(pack, policy, [plain, s]), { violations: [{ urn: s.urn!, code: "notAllowed" }], undecided: [] });
        const unset = db({ storageEncrypted: undefined });
        assert.deepStrictEqual(await verdict(pack, policy, [unset, snap(unset)]), { violations: [{ urn: s.urn!, code: "absentDefault" }], undecided: [] });
        const maz = aurora({ engine: "postgres", storageEncrypted: undefined, dbClusterInstanceClass: "db.m6gd.large" });
        const cs = csnap(maz);
        assert.deepStrictEqual(await verdict(pack, policy, [maz, cs]), { violations: [{ urn: cs.urn!, code: "absentDefault" }], undecided: [] });
        const copy = res(rdsSnapshotCopy().type, "phi-copy", { sourceDbSnapshotIdentifier: unknown, targetDbSnapshotIdentifier: "phi-copy" }, { sourceDbSnapshotIdentifier: [s] });
        const found = await verdict(pack, policy, [plain, s, copy]);
        assert.deepStrictEqual(found.violations.map(v => v.urn).sort(), [s.urn!, copy.urn!].sort());
        const keyed = res(rdsSnapshotCopy().type, "phi-copy", { sourceDbSnapshotIdentifier: unknown, targetDbSnapshotIdentifier: "phi-copy", kmsKeyId: KMS_KEY_ARN }, { sourceDbSnapshotIdentifier: [s] });
        assert.deepStrictEqual((await verdict(pack, policy, [plain, s, keyed])).violations.map(v => v.urn), [s.urn!]);
    });

    it("is undecided when the source or its encryption is unknown at preview, and skips sources created elsewhere", async () => {
        const s = res(rdsSnapshot().type, "phi-snap", rdsSnapshot().props);
        assert.deepStrictEqual(await verdict(pack, policy, [s]), { violations: [], undecided: [s.urn!] });
        const u = db({ storageEncrypted: unknown });
        assert.deepStrictEqual(await verdict(pack, policy, [u, snap(u)]), { violations: [], undecided: [s.urn!] });
        assert.deepStrictEqual(await verdict(pack, policy, [res(rdsSnapshot().type, "ext", { ...rdsSnapshot().props, dbInstanceIdentifier: "legacy-db" })]), clean);
        const replica = db({ replicateSourceDb: "phi-primary", storageEncrypted: undefined });
        assert.deepStrictEqual(await verdict(pack, policy, [replica, snap(replica)]), clean);
    });

    it("survives garbage without echoing secrets", async () => {
        const g = db({ storageEncrypted: secret("SECRET"), identifier: { SECRET: 1 } });
        const v = await verdict(pack, policy, [g, snap(g)]);
        assert.deepStrictEqual(v.violations.map(x => x.code), ["wrongType"]);
    });
});
