// Cloud KMS key rotation: symmetric encryption keys (the keys that protect PHI at rest through CMEK)
// rotate automatically, at most every `maximumRotationDays`. Cloud KMS rotates only ENCRYPT_DECRYPT
// keys automatically, so keys with other purposes are not applicable.

import { gcpTypes, serviceFact } from "../lib/facts";
import { integerKnob } from "../lib/knobs";
import { isOutcome, notApplicable, pass, violation } from "../lib/outcome";
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

export const policies = [keyRotation];
