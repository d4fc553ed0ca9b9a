import { booleanKnob } from "../../lib/knobs";
import { pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { mustBeSet } from "../../lib/rules";
import { bucket, defaultKmsKeyName } from "./facts";

const customerKey = mustBeSet(defaultKmsKeyName, {
    fix: "set encryption.defaultKmsKeyName to the id of a gcp.kms.CryptoKey in the bucket's location",
    missing: "encryption.defaultKmsKeyName is not set, so objects are encrypted only with a Google-managed key",
});

export default defineResourcePolicy({
    name: "gcp-storage-encryption-at-rest",
    description: "Cloud Storage buckets encrypt new objects with a customer-managed Cloud KMS key by default.",
    severity: "high",
    types: [bucket],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "storage", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-cloud-storage-04"] },
    remediation:
        "Set `encryption: { defaultKmsKeyName: key.id }` on the `gcp.storage.Bucket`, with a `gcp.kms.CryptoKey` in the bucket's location, after granting the " +
        "project's Cloud Storage service agent (`gcp.storage.getProjectServiceAccount`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. " +
        "Objects written before the change keep their key until rewritten. Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: {
        allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Cloud Storage's default Google-managed encryption instead of requiring encryption.defaultKmsKeyName." }),
    },
    check: (r, config) => (config.allowGoogleManagedKeys ? pass : customerKey.check(r.props, config)),
    noAutoRemediation: "which KMS key protects the bucket is a person's choice, and the key's location and grants must be set up first",
});
