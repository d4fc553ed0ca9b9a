// Filestore controls: instances encrypted with a customer-managed key, and protected from deletion
// through any interface. Defaults are the provider's (gcp.filestore.InstanceArgs).

import { attributeRule } from "../lib/attribute-rule";
import { booleanAttribute, gcpTypes, stringAttribute } from "../lib/facts";
import { booleanKnob } from "../lib/knobs";
import { pass } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { mustBeSet, mustBeTrue } from "../lib/rules";

export const instance = "gcp:filestore/instance:Instance";
const source = gcpTypes("filestore/instance");

const kmsKeyName = stringAttribute({ types: [instance], field: "kmsKeyName", source });
const deletionProtectionEnabled = booleanAttribute({ types: [instance], field: "deletionProtectionEnabled", default: false, source: `${source} gives no default; the Filestore API leaves deletion protection off unless set` });

const customerKey = mustBeSet(kmsKeyName, { fix: "set kmsKeyName to the id of a gcp.kms.CryptoKey in the instance's region", missing: "kmsKeyName is not set, so the file shares are encrypted only with a Google-managed key" });

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-filestore-encryption-at-rest",
    description: "Filestore instances encrypt their file shares with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [instance],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "filestore", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-filestore-01"] },
    remediation:
        "Set `kmsKeyName` on the `gcp.filestore.Instance` to the id of a `gcp.kms.CryptoKey` in the instance's region, after granting the Filestore service agent " +
        "(`service-PROJECT_NUMBER@cloud-filer.iam.gserviceaccount.com`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. It can only be set when the instance is created. " +
        "Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: { allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Filestore's default Google-managed encryption instead of requiring kmsKeyName." }) },
    check: (r, config) => (config.allowGoogleManagedKeys ? pass : customerKey.check(r.props, config)),
    noAutoRemediation: "the key can only be set when the instance is created, so the fix replaces it, and which key protects it is a person's choice",
});

export const deletionProtection = attributeRule({
    name: "gcp-filestore-deletion-protection",
    description: "Filestore instances have deletion protection on, so no API call, gcloud command or console click can delete them.",
    severity: "medium",
    types: [instance],
    hipaa: ["164.308(a)(7)(ii)(A)", "164.312(c)(1)"],
    hitrust: ["1616.09l1"],
    tags: ["gcp", "filestore", "backup", "integrity"],
    anchors: { gcp: ["gcp-filestore-02"] },
    remediation: "Set `deletionProtectionEnabled: true` on the `gcp.filestore.Instance` (off unless set), with a `deletionProtectionReason` saying why.",
    requires: [mustBeTrue(deletionProtectionEnabled)],
    remediates: true,
});

export const policies = [encryptionAtRest, deletionProtection];
