// Spanner controls: databases encrypted with a customer-managed key and protected from being
// dropped through any interface, instances placed in allowed locations. Defaults are the
// provider's (gcp.spanner.DatabaseArgs, InstanceArgs).

import { attributeRule } from "../lib/attribute-rule";
import { booleanAttribute, gcpTypes } from "../lib/facts";
import { booleanKnob } from "../lib/knobs";
import { isOutcome, pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { classify } from "../lib/props";
import { isSet, mustBeTrue, valueOf } from "../lib/rules";
import { inAllowedLocations, locationKnobs, unconfigured } from "./locations";

export const database = "gcp:spanner/database:Database";
export const instance = "gcp:spanner/instance:Instance";

const enableDropProtection = booleanAttribute({
    types: [database],
    field: "enableDropProtection",
    default: false,
    source: `${gcpTypes("spanner/database")}: off unless set; deletionProtection (default true) only stops Pulumi, not the API, gcloud or the console`,
});

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-spanner-encryption-at-rest",
    description: "Spanner databases encrypt their data with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [database],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "spanner", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-spanner-01"], checkov: ["CKV_GCP_93"] },
    remediation:
        "Set `encryptionConfig: { kmsKeyName: key.id }` (or `kmsKeyNames` for a multi-region instance, one key per region) on the `gcp.spanner.Database`, " +
        "after granting the Spanner service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key. It can only be set when the database is created. " +
        "Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: { allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Spanner's default Google-managed encryption instead of requiring encryptionConfig." }) },
    check: (r, config) => {
        if (config.allowGoogleManagedKeys) return pass;
        const fix = "set encryptionConfig.kmsKeyName to the id of a gcp.kms.CryptoKey";
        const block = r.props.single("encryptionConfig");
        if (block.state === "unknown") return pass; // a key block unknown at preview is present
        if (block.state === "wrongType") return violation({ code: "wrongType", field: "encryptionConfig", problem: "encryptionConfig is not a block", fix });
        const props = block.state === "known" ? block.value : undefined;
        const one = isSet(props ? props.string("kmsKeyName") : { state: "absent" }, { path: "encryptionConfig.kmsKeyName", fix });
        if (one.kind !== "violation" || one.code === "wrongType") return one;
        const many = props ? valueOf(props.list("kmsKeyNames"), { path: "encryptionConfig.kmsKeyNames", expected: "a list of key ids", fix, absent: [] as unknown[] }) : [];
        if (isOutcome(many)) return many.kind === "undecided" ? pass : many;
        if (many.some(k => classify(k, "string").state === "unknown" || (typeof k === "string" && k.trim() !== ""))) return pass;
        return violation({ code: "notSet", field: "encryptionConfig.kmsKeyName", problem: "encryptionConfig sets no kmsKeyName or kmsKeyNames, so the database is encrypted only with a Google-managed key", fix });
    },
    noAutoRemediation: "the key can only be set when the database is created, so the fix replaces it, and which key protects it is a person's choice",
});

export const dropProtection = attributeRule({
    name: "gcp-spanner-drop-protection",
    description: "Spanner databases have Spanner's own drop protection on, so no API call, gcloud command or console click can drop them or their instance.",
    severity: "medium",
    types: [database],
    hipaa: ["164.308(a)(7)(ii)(A)", "164.312(c)(1)"],
    hitrust: ["1616.09l1"],
    tags: ["gcp", "spanner", "backup", "integrity"],
    anchors: { gcp: ["gcp-spanner-02"], checkov: ["CKV_GCP_120", "CKV_GCP_119"] },
    remediation:
        "Set `enableDropProtection: true` on the `gcp.spanner.Database` (the default is false). `deletionProtection` (default true) only stops Pulumi; " +
        "drop protection also keeps the parent instance from being deleted.",
    requires: [mustBeTrue(enableDropProtection)],
    remediates: true,
});

/** Whether a Spanner instance config ("regional-us-central1", "nam3", or its full resource name) is in `allowed`. */
function configAllowed(config: string, allowed: readonly string[]): boolean {
    const name = config.trim().split("/").pop()!.toLowerCase();
    const region = name.startsWith("regional-") ? name.slice("regional-".length) : name;
    return allowed.some(a => [name, region].includes(a.toLowerCase()));
}

export const location = defineResourcePolicy({
    name: "gcp-spanner-location",
    description: "Spanner instances use an instance configuration (regional or multi-region) within the locations the organization allows, once allowedLocations is configured.",
    severity: "medium",
    types: [instance],
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0903.10f1"],
    tags: ["gcp", "spanner", "data-residency"],
    anchors: { gcp: ["gcp-spanner-03"] },
    remediation:
        "Set `config` on the `gcp.spanner.Instance` to an instance configuration this policy's `allowedLocations` names: a region (`us-central1` matches " +
        "`regional-us-central1`) or a multi-region configuration such as `nam3`. Moving an instance to another configuration is a managed move or a new instance.",
    knobs: locationKnobs,
    check: (r, config) => {
        const off = unconfigured(config.allowedLocations);
        if (off) return off;
        const read = r.props.string("config");
        if (read.state === "known" && read.value.trim() !== "") {
            if (configAllowed(read.value, config.allowedLocations)) return pass;
            return violation({ code: "locationNotAllowed", field: "config", problem: "config is outside the allowed locations", fix: `set config to an instance configuration in ${config.allowedLocations.join(", ")}` });
        }
        return inAllowedLocations(read, { path: "config", allowed: config.allowedLocations });
    },
    noAutoRemediation: "moving an instance between configurations is a migration a person plans",
});

export const policies = [encryptionAtRest, dropProtection, location];
