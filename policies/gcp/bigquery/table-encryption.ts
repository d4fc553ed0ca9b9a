import { booleanKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, pass, violation } from "../../lib/outcome";
import { isSetString } from "../../lib/props";
import { mustBeSet } from "../../lib/rules";
import { defineStackPolicy, referenced, ReferenceTarget } from "../../lib/stack";
import { dataset, datasetKey, table, tableKey } from "./facts";

const datasets: ReferenceTarget = { types: [dataset], keys: ["datasetId"] };
const fix = "set encryptionConfiguration.kmsKeyName on the table, or defaultEncryptionConfiguration.kmsKeyName on its dataset before the table is created";
const ownKey = mustBeSet(tableKey, { fix });

export default defineStackPolicy({
    name: "gcp-bigquery-table-encryption",
    description: "BigQuery tables are encrypted with a customer-managed Cloud KMS key: their own, or their dataset's default key.",
    severity: "high",
    types: [table],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "bigquery", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-bigquery-04"], checkov: ["CKV_GCP_80"] },
    remediation:
        "Set `encryptionConfiguration: { kmsKeyName: key.id }` on the `gcp.bigquery.Table`, or `defaultEncryptionConfiguration.kmsKeyName` on its " +
        "`gcp.bigquery.Dataset` (a table created without a key takes the dataset's default). Logical views and external tables store no data and are not checked; " +
        "a table whose dataset is managed elsewhere is checked where the dataset is defined.",
    knobs: {
        allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept BigQuery's default Google-managed encryption for tables." }),
    },
    check: (r, stack, config) => {
        if (config.allowGoogleManagedKeys) return pass;
        if (r.props.has("view") || r.props.has("externalDataConfiguration")) {
            const view = r.props.single("view");
            const external = r.props.single("externalDataConfiguration");
            if (view.state !== "absent" || external.state !== "absent") return notApplicable("the table is a logical view or an external table, which stores no data in BigQuery");
        }
        const own = ownKey.check(r.props, undefined);
        if (own.kind !== "violation" || own.code === "wrongType") return own;
        const ds = referenced(stack, r, { field: "datasetId", target: datasets, what: "dataset" });
        if (isOutcome(ds)) return ds;
        const read = ds.props.within(datasetKey.block!, datasetKey.field, "string");
        if (isSetString(read)) return pass;
        return violation({ code: "googleManagedKey", field: tableKey.path, problem: `${tableKey.path} is not set and the table's dataset has no default key, so it is encrypted only with a Google-managed key`, fix });
    },
});
