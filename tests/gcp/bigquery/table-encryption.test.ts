import { bigqueryDataset, bigqueryTable } from "../../factories";
import { unknown, usePack } from "../../pack";
import { expectStack, res } from "../stack-checks";

const policy = "gcp-bigquery-table-encryption";
const D = "gcp:bigquery/dataset:Dataset";
const T = "gcp:bigquery/table:Table";
const field = "encryptionConfiguration.kmsKeyName";
const ds = (changes: Record<string, unknown> = {}) => res(D, "phi", { ...bigqueryDataset().props, ...changes });
const tbl = (name: string, changes: Record<string, unknown>, deps = {}) => res(T, name, { ...bigqueryTable().props, ...changes }, deps);

describe(policy, () => {
    const pack = usePack();

    it("passes a table with its own key, and one that takes its dataset's default key (by name or by dependency)", async () => {
        const d = ds({ datasetId: unknown });
        await expectStack(pack, policy, [ds(), tbl("own", {}), tbl("inherits", { encryptionConfiguration: undefined })], {});
        await expectStack(pack, policy, [d, tbl("inherits", { encryptionConfiguration: undefined, datasetId: unknown }, { datasetId: [d] })], {});
    });

    it("reports a table with no key in a dataset with no default key", async () => {
        const d = ds({ defaultEncryptionConfiguration: undefined });
        await expectStack(pack, policy, [d, tbl("bare", { encryptionConfiguration: undefined }), tbl("empty", { encryptionConfiguration: [{ kmsKeyName: "" }] })], {
            bare: [{ code: "googleManagedKey", field }],
            empty: [{ code: "googleManagedKey", field }],
        });
    });

    it("is undecided when the dataset is unknown at preview, and leaves a dataset managed elsewhere to where it is defined", async () => {
        await expectStack(pack, policy, [tbl("unknownDs", { encryptionConfiguration: undefined, datasetId: unknown })], { unknownDs: "undecided" });
        const result = await pack.analyzeStack([tbl("elsewhere", { encryptionConfiguration: undefined, datasetId: "shared_ds" })]);
        const na = result.notApplicable.find(n => n.policyName === policy);
        if (!na || !/not created by this stack/.test(na.reason)) throw new Error(`expected not applicable: ${JSON.stringify(result)}`);
    });

    it("skips views and external tables, honours allowGoogleManagedKeys, and reports a wrong-typed key", async () => {
        const d = ds({ defaultEncryptionConfiguration: undefined });
        await expectStack(pack, policy, [d, tbl("view", { encryptionConfiguration: undefined, view: { query: "SELECT 1", useLegacySql: false } })], {});
        await expectStack(pack, policy, [d, tbl("bare", { encryptionConfiguration: undefined })], {}, { allowGoogleManagedKeys: true });
        await expectStack(pack, policy, [d, tbl("wrong", { encryptionConfiguration: { kmsKeyName: 3 } })], { wrong: [{ code: "wrongType", field }] });
    });

    it("survives garbage without echoing a secret", async () => {
        await expectStack(pack, policy, [res(D, "junk-dataset", { datasetId: { SECRET: 1 } }), res(T, "junk", { datasetId: ["SECRET"], encryptionConfiguration: "SECRET" })], {
            junk: [{ code: "wrongType" }],
        });
    });
});
