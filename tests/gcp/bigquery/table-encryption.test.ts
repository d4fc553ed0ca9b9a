import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { bigqueryDataset, bigqueryTable, res } from "../../factories";
import { unknown } from "../../pack";

const policy = "gcp-bigquery-table-encryption";
const D = "gcp:bigquery/dataset:Dataset";
const T = "gcp:bigquery/table:Table";
const field = "encryptionConfiguration.kmsKeyName";
const ds = (changes: Record<string, unknown> = {}) => res(D, "phi", { ...bigqueryDataset().props, ...changes });
const tbl = (name: string, changes: Record<string, unknown>, deps = {}) => res(T, name, { ...bigqueryTable().props, ...changes }, deps);

const unnamed = ds({ datasetId: unknown });
const keyless = ds({ defaultEncryptionConfiguration: undefined });

stackCases(policy, [
    // A table with its own key, and one that takes its dataset's default key (by name or by dependency).
    stackPasses([ds(), tbl("own", {}), tbl("inherits", { encryptionConfiguration: undefined })]),
    stackPasses([unnamed, tbl("inherits", { encryptionConfiguration: undefined, datasetId: unknown }, { datasetId: [unnamed] })]),
    // A table with no key in a dataset with no default key.
    stackViolates([keyless, tbl("bare", { encryptionConfiguration: undefined }), tbl("empty", { encryptionConfiguration: [{ kmsKeyName: "" }] })], [
        { on: "bare", code: "googleManagedKey", field },
        { on: "empty", code: "googleManagedKey", field },
    ]),
    // Undecided when the dataset is unknown at preview; a dataset managed elsewhere is left to where it is defined.
    stackUndecided([tbl("unknownDs", { encryptionConfiguration: undefined, datasetId: unknown })], [{ on: "unknownDs", fields: "datasetId" }]),
    stackNotApplicable([tbl("elsewhere", { encryptionConfiguration: undefined, datasetId: "shared_ds" })], /not created by this stack/),
    // Views and external tables are skipped, allowGoogleManagedKeys is honoured, a wrong-typed key is reported.
    stackNotApplicable([keyless, tbl("view", { encryptionConfiguration: undefined, view: { query: "SELECT 1", useLegacySql: false } })], /logical view or an external table/),
    stackPasses([keyless, tbl("bare", { encryptionConfiguration: undefined })], { allowGoogleManagedKeys: true }),
    stackViolates([keyless, tbl("wrong", { encryptionConfiguration: { kmsKeyName: 3 } })], [{ on: "wrong", code: "wrongType", field }]),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([res(D, "junk-dataset", { datasetId: { SECRET: 1 } }), res(T, "junk", { datasetId: ["SECRET"], encryptionConfiguration: "SECRET" })], [{ on: "junk", code: "wrongType" }]),
]);
