// Bigtable: every cluster of an instance encrypts its data with a customer-managed key. (The
// instance's `deletionProtection` is the provider's own guard, default true, not an API setting.)

import { gcpTypes, stringAttribute } from "../lib/facts";
import { booleanKnob } from "../lib/knobs";
import { pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { elementsOf, isSet } from "../lib/rules";

export const instance = "gcp:bigtable/instance:Instance";
const kmsKeyName = stringAttribute({ types: [instance], block: "clusters[]", field: "kmsKeyName", source: `${gcpTypes("types/input")} (bigtable.InstanceCluster)` });

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-bigtable-encryption-at-rest",
    description: "Every cluster of a Bigtable instance encrypts its data with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [instance],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "bigtable", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-bigtable-01"], checkov: ["CKV_GCP_85"] },
    remediation:
        "Set `kmsKeyName` on every entry of `clusters` of the `gcp.bigtable.Instance` to a `gcp.kms.CryptoKey` in that cluster's region, after granting the " +
        "Bigtable service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. It can only be set when the cluster is created. " +
        "Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: { allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Bigtable's default Google-managed encryption instead of requiring clusters[].kmsKeyName." }) },
    check: (r, config) => {
        if (config.allowGoogleManagedKeys) return pass;
        const fix = `set ${kmsKeyName.field} on every cluster to the id of a gcp.kms.CryptoKey in its region`;
        const { elements, outcomes } = elementsOf(r.props, { field: "clusters", fix: "set clusters to a list of cluster blocks" });
        if (elements.length === 0 && outcomes.length === 0) return violation({ code: "notSet", field: "clusters", problem: "the instance declares no clusters, so none has a customer-managed key", fix });
        return [...outcomes, ...elements.map(e => isSet(e.props.string("kmsKeyName"), { path: `${e.path}.kmsKeyName`, fix, missing: `${e.path}.kmsKeyName is not set, so that cluster is encrypted only with a Google-managed key` }))];
    },
    noAutoRemediation: "a cluster's key is chosen when it is created, so the fix replaces the cluster",
});

export const policies = [encryptionAtRest];
