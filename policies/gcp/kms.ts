// Cloud KMS: symmetric encryption keys (the keys that protect PHI at rest through CMEK) rotate
// automatically, at most every `maximumRotationDays` (Cloud KMS rotates only ENCRYPT_DECRYPT keys, so
// keys with other purposes are not applicable); no key or key ring is granted to the public; and a
// key cannot be destroyed by a `pulumi destroy` or a replacement, since data encrypted with it would
// be lost with it.

import { cloudFact, gcpTypes, serviceFact } from "../lib/facts";
import { publicIamGrants } from "../lib/gcp-iam";
import { integerKnob } from "../lib/knobs";
import { isOutcome, notApplicable, Outcome, pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { valueOf } from "../lib/rules";

export const cryptoKey = "gcp:kms/cryptoKey:CryptoKey";

// CryptoKeyPurpose values (the provider links the API's list); only these are echoed in messages.
const purposes = ["ENCRYPT_DECRYPT", "ASYMMETRIC_SIGN", "ASYMMETRIC_DECRYPT", "RAW_ENCRYPT_DECRYPT", "MAC", "KEY_ENCAPSULATION"];

const secondsPerDay = 86400;

serviceFact({ about: "gcp.kms.CryptoKey purpose", says: "defaults to ENCRYPT_DECRYPT", source: gcpTypes("kms/cryptoKey") });
serviceFact({ about: "Cloud KMS automatic rotation", says: "only symmetric ENCRYPT_DECRYPT keys rotate automatically; import-only and external (EKM) keys are rotated where their material lives", source: "Google Cloud KMS documentation: key rotation" });
serviceFact({ about: "gcp.kms.CryptoKey rotationPeriod", says: "a Duration in seconds with up to nine fractional digits and an \"s\" suffix; omitted means no automatic rotation", source: gcpTypes("kms/cryptoKey") });

/**
 * Seconds in a rotation period written as the API's Duration: a decimal number with up to nine
 * fractional digits followed by "s" (e.g. "7776000s"). Undefined for anything else.
 */
export function parseDurationSeconds(text: string): number | undefined {
    const match = /^(\d{1,15})(?:\.(\d{1,9}))?s$/.exec(text);
    if (!match) return undefined;
    return Number(match[1]) + (match[2] ? Number(`0.${match[2]}`) : 0);
}

/** The period in days, for messages: exact when it is whole days, else rounded to two places. */
function inDays(seconds: number): string {
    const days = seconds / secondsPerDay;
    return Number.isInteger(days) ? `${days} days` : `about ${Math.round(days * 100) / 100} days`;
}

export const keyRotation = defineResourcePolicy({
    name: "gcp-kms-key-rotation",
    description: "Cloud KMS encryption keys rotate automatically at least every configured number of days (90 by default).",
    severity: "medium",
    types: [cryptoKey],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "10.g"],
    tags: ["gcp", "kms", "encryption", "key-management"],
    anchors: { gcp: ["gcp-cloud-kms-01"], checkov: ["CKV_GCP_43"] },
    remediation:
        "Set `rotationPeriod` on the `gcp.kms.CryptoKey` to a duration in seconds no longer than `maximumRotationDays` " +
        "(default 90 days: `rotationPeriod: \"7776000s\"`). Cloud KMS then creates a new primary key version every period; older versions " +
        "stay available to decrypt existing data.\n" +
        "Asymmetric, raw-symmetric and MAC keys cannot rotate automatically and are not checked: rotate them on a documented schedule. " +
        "Import-only and external (Cloud EKM) keys must be rotated where their key material lives; record a policy exception for them.",
    knobs: {
        maximumRotationDays: integerKnob({
            default: 90, minimum: 1, maximum: 36500,
            description: "Longest accepted automatic rotation period for encryption keys, in days.",
        }),
    },
    check: (r, config) => {
        // Omitted: the provider's default is ENCRYPT_DECRYPT.
        const purpose = valueOf(r.props.string("purpose"), { path: "purpose", expected: "a string", fix: 'set purpose: "ENCRYPT_DECRYPT" or omit it', absent: "ENCRYPT_DECRYPT" });
        if (isOutcome(purpose)) return purpose;
        if (purpose !== "ENCRYPT_DECRYPT") {
            const named = purposes.includes(purpose) ? `${purpose} keys` : "keys with this purpose";
            return notApplicable(`Cloud KMS does not rotate ${named} automatically; only ENCRYPT_DECRYPT keys are checked`);
        }

        const maximum = config.maximumRotationDays;
        const fix = `set rotationPeriod: "${maximum * secondsPerDay}s" (${maximum} days) or shorter`;
        const period = valueOf(r.props.string("rotationPeriod"), { path: "rotationPeriod", expected: "a duration string", fix, absent: undefined });
        if (isOutcome(period)) return period;
        if (period === undefined) return violation({ code: "absentDefault", field: "rotationPeriod", problem: "rotationPeriod is not set, so the key is never rotated automatically", fix });
        if (period.trim() === "") return violation({ code: "notSet", field: "rotationPeriod", problem: "rotationPeriod is empty, so the key is never rotated automatically", fix });
        const seconds = parseDurationSeconds(period);
        if (seconds === undefined) return violation({ code: "unrecognised", field: "rotationPeriod", problem: 'rotationPeriod is not a duration in seconds such as "7776000s"', fix });
        // The text matched the strict pattern (digits and "s"), so it is safe to repeat.
        if (seconds > maximum * secondsPerDay) {
            return violation({ code: "aboveMaximum", field: "rotationPeriod", problem: `rotationPeriod is "${period}" (${inDays(seconds)}), longer than ${maximum} days`, fix });
        }
        return pass;
    },
    // Turning rotation on is in place and breaks nothing: older versions keep decrypting. Import-only
    // and external keys are left alone (Cloud KMS cannot generate their key material).
    remediate: (r, config) => {
        const purpose = r.props.string("purpose");
        const importOnly = r.props.boolean("importOnly");
        const protection = r.props.single("versionTemplate");
        const level = protection.state === "known" ? protection.value.string("protectionLevel") : undefined;
        if (!(purpose.state === "absent" || (purpose.state === "known" && purpose.value === "ENCRYPT_DECRYPT"))) return undefined;
        if (importOnly.state === "unknown" || (importOnly.state === "known" && importOnly.value)) return undefined;
        if (protection.state === "unknown" || protection.state === "wrongType" || level?.state === "unknown" || (level?.state === "known" && level.value.startsWith("EXTERNAL"))) return undefined;
        const maximum = config.maximumRotationDays * secondsPerDay;
        const period = r.props.string("rotationPeriod");
        const seconds = period.state === "known" ? parseDurationSeconds(period.value) : undefined;
        const unset = period.state === "absent" || (period.state === "known" && period.value.trim() === "");
        return unset || (seconds !== undefined && seconds > maximum) ? { rotationPeriod: `${maximum}s` } : undefined;
    },
});

// The IAM of keys and key rings; EKM connections are checked by gcp-iam-no-public-members.
export const keyIamTypes = ["cryptoKeyIAM", "keyRingIAM"].flatMap(stem => ["Member", "Binding", "Policy"].map(s => `gcp:kms/${stem}${s}:${stem[0].toUpperCase()}${stem.slice(1)}${s}`));

export const noPublicAccess = defineResourcePolicy({
    name: "gcp-kms-no-public-access",
    description: "No Cloud KMS crypto key or key ring grants a role to allUsers or allAuthenticatedUsers.",
    severity: "critical",
    types: keyIamTypes,
    hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)"],
    hitrust: ["01.c", "10.g"],
    tags: ["gcp", "kms", "access-control", "public-access", "key-management"],
    anchors: { gcp: ["gcp-cloud-kms-02", "gcp-iam-01"], checkov: ["CKV_GCP_112", "CKV2_GCP_6", "CKV2_GCP_8"] },
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from every `gcp.kms.CryptoKeyIAMMember`/`CryptoKeyIAMBinding`/`CryptoKeyIAMPolicy` and " +
        "`gcp.kms.KeyRingIAMMember`/`KeyRingIAMBinding`/`KeyRingIAMPolicy`; grant `roles/cloudkms.cryptoKeyEncrypterDecrypter` only to the " +
        "service agents and service accounts that use the key.",
    check: r => publicIamGrants(r.type, r.props, r.type.includes("/keyRing") ? "the key ring" : "the crypto key"),
    noAutoRemediation: "removing a grant can break whoever relies on it; which principals should use the key is a person's decision",
});

const deletionPolicies = ["DELETE", "ABANDON", "PREVENT"];
const defaultDeletionPolicy = cloudFact(
    {
        about: "gcp.kms.CryptoKey deletionPolicy",
        says: "defaults to DELETE (a destroy schedules every key version for destruction); PREVENT fails the destroy, ABANDON only forgets the key",
        source: gcpTypes("kms/cryptoKey"),
    },
    "DELETE",
);
const defaultDestroyDays = cloudFact(
    {
        about: "gcp.kms.CryptoKey destroyScheduledDuration",
        says: "omitted at creation means 30 days in DESTROY_SCHEDULED before a version is destroyed (Cloud KMS allows 1 to 120 days); a Duration such as \"2592000s\"",
        source: `${gcpTypes("kms/cryptoKey")}; cloud.google.com/kms/docs/destroy-restore`,
    },
    30,
);
serviceFact({ about: "Pulumi protect resource option", says: "a protected resource cannot be deleted (destroy or replacement) until protect is removed; the engine sends it to analyzers in every request's options", source: "www.pulumi.com/docs/iac/concepts/options/protect; @pulumi/policy 1.21 PolicyResourceOptions.protect" });

export const deletionProtection = defineResourcePolicy({
    name: "gcp-kms-key-deletion-protection",
    description: "Cloud KMS crypto keys are protected from deletion by Pulumi (the protect option or deletionPolicy PREVENT/ABANDON) and keep destroyed versions recoverable for at least the configured number of days.",
    severity: "high",
    types: [cryptoKey],
    hipaa: ["164.312(a)(2)(iv)", "164.308(a)(7)(ii)(A)"],
    hitrust: ["10.g", "0903.10f1"],
    tags: ["gcp", "kms", "key-management", "deletion-protection"],
    anchors: { gcp: ["gcp-cloud-kms-03"], checkov: ["CKV_GCP_82"] },
    remediation:
        "Protect the `gcp.kms.CryptoKey`: set the resource option `{ protect: true }`, or `deletionPolicy: \"PREVENT\"` (the destroy fails) or " +
        "`\"ABANDON\"` (Pulumi forgets the key and Cloud KMS keeps it). With the default `DELETE`, `pulumi destroy` or a replacement schedules " +
        "every key version for destruction, and data encrypted with it is unreadable once they are destroyed.\n" +
        "Leave `destroyScheduledDuration` unset (30 days) or set it to at least `minimumDestroyScheduledDays`, so a version scheduled for destruction " +
        "can still be restored.",
    knobs: {
        minimumDestroyScheduledDays: integerKnob({
            default: 30, minimum: 1, maximum: 120,
            description: "Fewest days a key version stays restorable in DESTROY_SCHEDULED (Cloud KMS allows 1 to 120; 30 is its default).",
        }),
    },
    check: (r, config) => {
        const fix = 'set the resource option { protect: true } or deletionPolicy: "PREVENT"';
        const policy = valueOf(r.props.string("deletionPolicy"), { path: "deletionPolicy", expected: "a string", fix, absent: defaultDeletionPolicy });
        let guarded: Outcome;
        if (r.protect === true) guarded = pass;
        else if (isOutcome(policy)) guarded = policy;
        else {
            const value = policy.trim().toUpperCase() || defaultDeletionPolicy;
            if (value === "PREVENT" || value === "ABANDON") guarded = pass;
            else if (value === "DELETE") guarded = violation({ code: "unprotected", field: "deletionPolicy", problem: `the key is not protected: protect is not set and deletionPolicy is ${policy.trim() ? "DELETE" : "not set (DELETE)"}, so a destroy or replacement schedules its versions for destruction`, fix });
            else guarded = violation({ code: "unrecognised", field: "deletionPolicy", problem: `deletionPolicy is none of ${deletionPolicies.join(", ")}`, fix });
        }

        const minimum = config.minimumDestroyScheduledDays;
        const durationFix = `remove destroyScheduledDuration (30 days) or set it to "${minimum * secondsPerDay}s" or longer`;
        const duration = valueOf(r.props.string("destroyScheduledDuration"), { path: "destroyScheduledDuration", expected: "a duration string", fix: durationFix, absent: "" });
        if (isOutcome(duration)) return [guarded, duration];
        const seconds = duration.trim() === "" ? defaultDestroyDays * secondsPerDay : parseDurationSeconds(duration.trim());
        if (seconds === undefined) return [guarded, violation({ code: "unrecognised", field: "destroyScheduledDuration", problem: 'destroyScheduledDuration is not a duration in seconds such as "2592000s"', fix: durationFix })];
        if (seconds < minimum * secondsPerDay) {
            const problem = duration.trim() === ""
                ? `destroyScheduledDuration is not set and defaults to ${defaultDestroyDays} days, below ${minimum}`
                : `destroyScheduledDuration is "${duration.trim()}" (${inDays(seconds)}), shorter than ${minimum} days`;
            return [guarded, violation({ code: duration.trim() === "" ? "absentDefault" : "belowMinimum", field: "destroyScheduledDuration", problem, fix: durationFix })];
        }
        return guarded;
    },
    noAutoRemediation: "protect and deletionPolicy change how the stack can be destroyed, and destroyScheduledDuration is immutable: a person chooses",
});

export const policies = [keyRotation, noPublicAccess, deletionProtection];
