import { booleanKnob } from "../../lib/knobs";
import { pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { mustBeSet } from "../../lib/rules";
import { dataset, datasetKey } from "./facts";

const customerKey = mustBeSet(datasetKey, {
    fix: "set defaultEncryptionConfiguration.kmsKeyName to the id of a gcp.kms.CryptoKey in the dataset's location",
    missing: "defaultEncryptionConfiguration.kmsKeyName is not set, so new tables are encrypted only with a Google-managed key",
});

export default defineResourcePolicy({
    name: "gcp-bigquery-encryption-at-rest",
    description: "BigQuery datasets encrypt new tables with a customer-managed Cloud KMS key by default.",
    severity: "high",
    types: [dataset],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "bigquery", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-bigquery-03"], checkov: ["CKV_GCP_81"] },
    remediation:
        "Set `defaultEncryptionConfiguration: { kmsKeyName: key.id }` on the `gcp.bigquery.Dataset`, with a `gcp.kms.CryptoKey` in the dataset's location, after " +
        "granting the BigQuery service account (`gcp.bigquery.getDefaultServiceAccount`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. Tables created " +
        "before the change keep their key. Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: {
        allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept BigQuery's default Google-managed encryption instead of requiring a dataset default key." }),
    },
    check: (r, config) => (config.allowGoogleManagedKeys ? pass : customerKey.check(r.props, config)),
    noAutoRemediation: "which KMS key protects the dataset is a person's choice, and the key's location and grants must be set up first",
});
