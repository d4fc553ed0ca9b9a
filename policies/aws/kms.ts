// KMS controls: customer-managed keys that encrypt PHI and audit logs rotate their key material.

import { awsTypes, booleanAttribute, serviceFact, stringAttribute } from "../lib/facts";
import { isOutcome, notApplicable, Outcome, pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { isSetString, Props, Read } from "../lib/props";
import { isSet, mustBeTrue, valueOf } from "../lib/rules";

export const kmsKey = "aws:kms/key:Key";

const types = [kmsKey];
const source = awsTypes("kms/key");

const enableKeyRotation = booleanAttribute({ types, field: "enableKeyRotation", default: false, source });
const customerMasterKeySpec = stringAttribute({
    types, field: "customerMasterKeySpec", default: "SYMMETRIC_DEFAULT", source,
    values: [
        "SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512",
        "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "SM2", "ECC_NIST_EDWARDS25519",
    ],
});
const keyUsage = stringAttribute({ types, field: "keyUsage", default: "ENCRYPT_DECRYPT", source, values: ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC"] });

const rotateFix = "set enableKeyRotation: true";

serviceFact({
    about: "AWS KMS automatic key rotation",
    says: "only symmetric encryption keys whose material KMS generates rotate automatically: not asymmetric, HMAC or custom-key-store keys",
    source: "AWS KMS Developer Guide: rotating AWS KMS keys",
});
const rotation = mustBeTrue(enableKeyRotation, { fix: rotateFix });

/**
 * Whether an enum attribute leaves the key rotatable (its default is the rotatable value): undefined
 * when it does, else the outcome (not applicable for another documented value, a violation for
 * garbage, undecided when unknown).
 */
function rotatableWhen(props: Props, attribute: typeof keyUsage, because: string): Outcome | undefined {
    const rotatable = attribute.absent!;
    const value = valueOf(props.string(attribute.field), {
        path: attribute.path,
        expected: "a string",
        fix: `remove ${attribute.path} or set it to "${rotatable}", and ${rotateFix}`,
        absent: rotatable,
    });
    if (isOutcome(value)) return value;
    if (value === rotatable) return undefined;
    if (attribute.values!.includes(value)) return notApplicable(`${attribute.path} is "${value}": ${because}`);
    return violation({ code: "unrecognised", field: attribute.path, problem: `${attribute.path} is not a recognised value`, fix: `set ${attribute.path} to a value AWS KMS accepts ("${rotatable}" for a rotatable key)` });
}

/** Keys in a CloudHSM or external custom key store; outputs store "" for a key in no custom store. */
function inCustomKeyStore(props: Props): boolean {
    return isSetString(props.string("customKeyStoreId"));
}

function rotationLimits(props: Props): readonly (Outcome | undefined)[] {
    return [
        rotatableWhen(props, customerMasterKeySpec, "AWS KMS rotates only symmetric encryption keys automatically"),
        rotatableWhen(props, keyUsage, "AWS KMS rotates only encryption keys automatically"),
    ];
}

export const keyRotation = defineResourcePolicy({
    name: "aws-kms-key-rotation",
    description: "Customer-managed symmetric encryption KMS keys rotate their key material automatically.",
    severity: "medium",
    types,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "10.g"],
    tags: ["aws", "kms", "encryption", "key-management"],
    anchors: { checkov: ["CKV_AWS_7"] },
    remediation:
        "Set `enableKeyRotation: true` on the `aws.kms.Key` (the default is false); optionally set `rotationPeriodInDays` (90 to 2560, " +
        "365 when omitted). AWS KMS rotates only symmetric encryption keys whose material it generates: asymmetric and HMAC keys " +
        "and keys in a custom key store cannot rotate automatically.",
    check: r => {
        const enabled = r.props.boolean(enableKeyRotation.field);
        if (enabled.state === "known" && enabled.value === true) return pass;
        // Keys in a CloudHSM or external custom key store cannot rotate automatically.
        if (inCustomKeyStore(r.props)) {
            return notApplicable("the key lives in a custom key store (customKeyStoreId), where AWS KMS does not rotate keys automatically");
        }
        const limits = rotationLimits(r.props);
        const limit = limits.find(o => o?.kind === "violation") ?? limits.find(o => o?.kind === "notApplicable") ?? limits.find(o => o !== undefined);
        return limit ?? rotation.check(r.props, undefined);
    },
    // Only a key known to be rotatable is fixed: never one whose spec, usage or key store is unknown.
    remediate: r => (inCustomKeyStore(r.props) || rotationLimits(r.props).some(o => o !== undefined) ? undefined : rotation.patch(r.props, undefined)),
});

export const policies = [keyRotation];

// --- Customer-managed keys, for the services that accept a KMS key -----------------------------------

/**
 * A key setting (id, ARN or alias) must name a customer-managed key: set, and not the service's
 * AWS-managed key (`alias/aws/<service>`, by alias, bare name or alias ARN). A value unknown at preview is
 * computed from another resource (an aws.kms.Key), so it is customer-managed.
 */
export function customerManagedKey(read: Read<string>, o: { path: string; awsManagedAlias: string; fix: string }): Outcome {
    const set = isSet(read, { path: o.path, fix: o.fix });
    if (set.kind !== "pass" || read.state !== "known") return set;
    const value = read.value.trim().toLowerCase();
    const name = o.awsManagedAlias.replace(/^alias\//, "");
    if (value === o.awsManagedAlias || value === name || value.endsWith(`:${o.awsManagedAlias}`)) {
        return violation({ code: "awsManagedKey", field: o.path, problem: `${o.path} names the AWS-managed key ${o.awsManagedAlias}, not a customer-managed key`, fix: o.fix });
    }
    return pass;
}
