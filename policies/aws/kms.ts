// KMS controls: customer-managed keys that encrypt PHI and audit logs rotate their key material.

import { notApplicable, Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { describeWrongType, isSetString, Props } from "../lib/props";
import { fixTrue, mustBeTrue } from "../lib/rules";

export const kmsKey = "aws:kms/key:Key";

// The Key d.ts lists these values; customerMasterKeySpec defaults to SYMMETRIC_DEFAULT and keyUsage to ENCRYPT_DECRYPT.
const keySpecs = [
    "SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512",
    "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "SM2", "ECC_NIST_EDWARDS25519",
];
const keyUsages = ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC"];

const rotateFix = "set enableKeyRotation: true";

/**
 * Whether `field` (an enum with a default) leaves the key rotatable: undefined when it does, else the
 * outcome (not applicable for another documented value, a violation for garbage, undecided when unknown).
 */
function rotatableWhen(props: Props, field: string, rotatable: string, known: readonly string[], because: string): Outcome | undefined {
    const read = props.string(field);
    switch (read.state) {
        case "absent":
            return undefined; // The documented default is the rotatable value.
        case "unknown":
            return undecided(field);
        case "wrongType":
            return violation(`${field} is ${describeWrongType(read.value)}, not a string`, `remove ${field} or set it to "${rotatable}", and ${rotateFix}`);
        case "known":
            if (read.value === rotatable) return undefined;
            if (known.includes(read.value)) return notApplicable(`${field} is "${read.value}": ${because}`);
            return violation(`${field} is not a recognised value`, `set ${field} to a value AWS KMS accepts ("${rotatable}" for a rotatable key)`);
    }
}

export const keyRotation = defineResourcePolicy({
    name: "aws-kms-key-rotation",
    description: "Customer-managed symmetric encryption KMS keys rotate their key material automatically.",
    severity: "medium",
    types: [kmsKey],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1"],
    tags: ["aws", "kms", "encryption", "key-management"],
    remediation:
        "Set `enableKeyRotation: true` on the `aws.kms.Key` (the default is false); optionally set `rotationPeriodInDays` (90 to 2560, " +
        "365 when omitted). AWS KMS rotates only symmetric encryption keys whose material it generates: asymmetric and HMAC keys " +
        "and keys in a custom key store cannot rotate automatically.",
    check: r => {
        const rotation = r.props.boolean("enableKeyRotation");
        if (rotation.state === "known" && rotation.value === true) return pass;
        // Keys in a CloudHSM or external custom key store cannot rotate automatically.
        if (isSetString(r.props.string("customKeyStoreId"))) {
            return notApplicable("the key lives in a custom key store (customKeyStoreId), where AWS KMS does not rotate keys automatically");
        }
        const limits = [
            rotatableWhen(r.props, "customerMasterKeySpec", "SYMMETRIC_DEFAULT", keySpecs, "AWS KMS rotates only symmetric encryption keys automatically"),
            rotatableWhen(r.props, "keyUsage", "ENCRYPT_DECRYPT", keyUsages, "AWS KMS rotates only encryption keys automatically"),
        ];
        const limit = limits.find(o => o?.kind === "violation") ?? limits.find(o => o?.kind === "notApplicable") ?? limits.find(o => o !== undefined);
        return limit ?? mustBeTrue(r.props, "enableKeyRotation", false, rotateFix);
    },
    // Only a key known to be rotatable is fixed: never one whose spec, usage or key store is unknown.
    remediate: r =>
        r.props.has("customKeyStoreId") ||
        rotatableWhen(r.props, "customerMasterKeySpec", "SYMMETRIC_DEFAULT", keySpecs, "") !== undefined ||
        rotatableWhen(r.props, "keyUsage", "ENCRYPT_DECRYPT", keyUsages, "") !== undefined
            ? undefined
            : fixTrue(r.props, "enableKeyRotation", false),
});

export const awsKmsPolicies = [keyRotation];
