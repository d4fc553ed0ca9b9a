import { booleanKnob } from "../../lib/knobs";
import { pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isSet } from "../../lib/rules";
import { databaseInstance, encryptionKeyName } from "./facts";

export default defineResourcePolicy({
    name: "gcp-sql-encryption-at-rest",
    description: "Cloud SQL instances encrypt their data, backups and logs with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [databaseInstance],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "sql", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-cloud-sql-06"] },
    remediation:
        "Set `encryptionKeyName` on the `gcp.sql.DatabaseInstance` to the id of a `gcp.kms.CryptoKey` in the instance's region, after granting the Cloud SQL " +
        "service agent (`gcp.projects.ServiceIdentity` for `sqladmin.googleapis.com`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. " +
        "The key can only be chosen when the instance is created. Cloud SQL always encrypts with a Google-managed key otherwise; " +
        "set `allowGoogleManagedKeys: true` in this policy's config if that is acceptable.",
    knobs: {
        allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Cloud SQL's default Google-managed encryption key instead of requiring encryptionKeyName." }),
    },
    check: (r, config) =>
        config.allowGoogleManagedKeys
            ? pass
            : isSet(r.props.string(encryptionKeyName.field), {
                  path: encryptionKeyName.path,
                  fix: "set encryptionKeyName to the id of a gcp.kms.CryptoKey in the instance's region",
                  missing: "encryptionKeyName is not set, so the instance is encrypted only with a Google-managed key",
              }),
    noAutoRemediation: "the key can only be set when the instance is created, so the fix replaces the database, and which KMS key protects it is a person's choice",
});
