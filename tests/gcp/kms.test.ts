import * as assert from "assert";
import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, remediates, undecided, violates } from "../cases";
import { cryptoKey, cryptoKeyIamMember, cryptoKeyIamPolicy, cryptoKeyOutputs, keyRingIamBinding, protectedCryptoKey } from "../factories";
import { usePack } from "../pack";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const policy = "gcp-kms-key-rotation";
const field = "rotationPeriod";
const SECRET = "kms-SECRET-do-not-echo-0b7e";

policyCases(policy, [
    // Encryption keys that rotate every 90 days or sooner, purpose omitted or ENCRYPT_DECRYPT.
    ...["7776000s", "86401s", "2592000s", "7775999.999999999s", "7776000.000s"].flatMap(p => [
        passes(cryptoKey({ [field]: p })),
        passes(cryptoKey({ [field]: p, purpose: "ENCRYPT_DECRYPT" })),
    ]),
    // A key that never rotates.
    violates(cryptoKey({ [field]: undefined }), { code: "absentDefault", field }),
    violates(cryptoKey({ [field]: undefined, purpose: "ENCRYPT_DECRYPT" }), { code: "absentDefault", field }),
    violates(cryptoKey({ [field]: "" }), { code: "notSet", field }),
    // Longer than the maximum.
    ...["31536000s", "7776000.5s", "7819200s"].map(p => violates(cryptoKey({ [field]: p }), { code: "aboveMaximum", field })),
    // The duration is parsed strictly, and what cannot be read is not echoed.
    ...["90d", "7776000", "7776000 s", " 7776000s", "7776000S", "-7776000s", "1e7s", "7776000.1234567891s", "PT2160H", SECRET].map(p =>
        violates(cryptoKey({ [field]: p }), { code: "unrecognised", field }),
    ),
    garbage(cryptoKey({ [field]: SECRET })),
    violates(cryptoKey({ [field]: 7776000 }), { code: "wrongType", field }),
    violates(cryptoKey({ [field]: { seconds: 7776000 } }), { code: "wrongType", field }),
    // Keys Cloud KMS cannot rotate automatically.
    ...["ASYMMETRIC_SIGN", "ASYMMETRIC_DECRYPT", "MAC", "RAW_ENCRYPT_DECRYPT", "KEY_ENCAPSULATION"].map(purpose =>
        notApplicable(cryptoKey({ purpose, [field]: undefined }), new RegExp(`does not rotate ${purpose} keys automatically`)),
    ),
    notApplicable(cryptoKey({ purpose: `SIGN-${SECRET}`, [field]: undefined }), /^Cloud KMS does not rotate keys with this purpose automatically; only ENCRYPT_DECRYPT keys are checked$/),
    garbage(cryptoKey({ purpose: `SIGN-${SECRET}`, [field]: undefined })),
    // maximumRotationDays.
    violates(cryptoKey(), { code: "aboveMaximum", field }, { maximumRotationDays: 30 }),
    passes(cryptoKey({ [field]: "2592000s" }), { maximumRotationDays: 30 }),
    passes(cryptoKey({ [field]: "31536000s" }), { maximumRotationDays: 365 }),
    ...[0, -1, 36501, 90.5, "90"].map(maximumRotationDays => misconfigured(cryptoKey(), { maximumRotationDays }, "maximumRotationDays")),
    undecided(cryptoKey({ [field]: unknown }), field),
    undecided(cryptoKey({ purpose: unknown, [field]: undefined }), "purpose"),
    violates(cryptoKey({ purpose: 3 }), { code: "wrongType", field: "purpose" }),
    ...[{ [field]: secret(SECRET) }, { purpose: secret(SECRET) }, { purpose: [unknown], [field]: [unknown] }, { purpose: null, [field]: null }, { versionTemplate: SECRET }].map(props =>
        garbage(cryptoKey(props)),
    ),
    // Rotation turned on at the maximum period, keeping every other value exactly as it came.
    remediates(cryptoKey({ [field]: undefined, keyRing: unknown, labels: { team: "phi", owner: unknown }, destroyScheduledDuration: secret("86400s") }), { [field]: "7776000s" }),
    remediates(cryptoKey({ [field]: "31536000s" }), { [field]: "7776000s" }),
    remediates(cryptoKey({ [field]: "7776000s" }), { [field]: "2592000s" }, { maximumRotationDays: 30 }),
    remediates(cryptoKey({ [field]: undefined, purpose: "ENCRYPT_DECRYPT", importOnly: false }), { [field]: "7776000s" }),
    // Compliant, unknown, unreadable and secret periods, keys it cannot rotate, import-only and external keys are left alone.
    ...[
        {},
        { [field]: unknown },
        { [field]: "90d" },
        { [field]: 7776000 },
        { [field]: secret("31536000s") },
        { [field]: undefined, purpose: "ASYMMETRIC_SIGN" },
        { [field]: undefined, purpose: unknown },
        { [field]: undefined, importOnly: true },
        { [field]: undefined, importOnly: unknown },
        { [field]: undefined, versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "EXTERNAL" } },
        { [field]: undefined, versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "EXTERNAL_VPC" } },
        { [field]: undefined, versionTemplate: unknown },
    ].map(props => remediates(cryptoKey(props), "nothing")),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(cryptoKeyOutputs()),
    violates(cryptoKeyOutputs({ [field]: "" }), { code: "notSet", field }),
    // Outputs store "" for an unset period: check and fix both read it as unset.
    remediates(cryptoKeyOutputs({ [field]: "" }), { [field]: "7776000s" }),
    notApplicable(cryptoKeyOutputs({ purpose: "ASYMMETRIC_SIGN", [field]: "", versionTemplate: { algorithm: "EC_SIGN_P256_SHA256", protectionLevel: "SOFTWARE" } }), /does not rotate ASYMMETRIC_SIGN keys/),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("publishes its knob (the generic metadata is checked for every policy in tests/metadata.test.ts)", () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.ok(p.tags.includes("gcp") && p.tags.includes("hitrust:10.g") && p.tags.includes("key-management"));
        assert.deepStrictEqual(p.configSchema?.properties.maximumRotationDays, {
            type: "integer", minimum: 1, maximum: 36500, default: 90,
            description: "Longest accepted automatic rotation period for encryption keys, in days.",
        });
    });
});

// --- Keys and key rings not public; keys protected from deletion (issue 18) -------------------------

policyCases("gcp-kms-no-public-access", [
    passes(cryptoKeyIamMember()),
    passes(keyRingIamBinding()),
    passes(cryptoKeyIamPolicy()),
    violates(cryptoKeyIamMember({ member: "allUsers" }), { code: "publicPrincipal", field: "member" }),
    violates(keyRingIamBinding({ members: ["group:phi-ops@example.com", "allAuthenticatedUsers"] }), { code: "publicPrincipal", field: "members[1]" }),
    violates(cryptoKeyIamPolicy({ policyData: JSON.stringify({ bindings: [{ role: "roles/cloudkms.cryptoKeyDecrypter", members: ["allUsers"] }] }) }), { code: "publicPrincipal", field: "policyData.bindings[0].members[0]" }),
    undecided(cryptoKeyIamPolicy({ policyData: unknown }), "policyData"),
    undecided(cryptoKeyIamMember({ member: unknown }), "member"),
    garbage(keyRingIamBinding({ members: secret(["allUsers"]) })),
    noAutoRemediation(cryptoKeyIamMember({ member: "allUsers" })),
]);

const protectedKey = "gcp-kms-key-deletion-protection";
policyCases(protectedKey, [
    passes(protectedCryptoKey()),
    passes(protectedCryptoKey({ deletionPolicy: "ABANDON" })),
    // The protect resource option, as the engine sends it.
    passes({ ...cryptoKey(), protect: true }),
    passes({ ...protectedCryptoKey({ deletionPolicy: "DELETE" }), protect: true }),
    violates(cryptoKey(), { code: "unprotected", field: "deletionPolicy" }),
    violates(protectedCryptoKey({ deletionPolicy: "DELETE" }), { code: "unprotected", field: "deletionPolicy" }),
    violates(protectedCryptoKey({ deletionPolicy: "SOMETIMES" }), { code: "unrecognised", field: "deletionPolicy" }),
    violates(protectedCryptoKey({ deletionPolicy: 3 }), { code: "wrongType", field: "deletionPolicy" }),
    undecided(protectedCryptoKey({ deletionPolicy: unknown }), "deletionPolicy"),
    passes({ ...protectedCryptoKey({ deletionPolicy: unknown }), protect: true }),
    // destroyScheduledDuration: 30 days unless set; shorter is reported.
    passes(protectedCryptoKey({ destroyScheduledDuration: "2592000s" })),
    passes(protectedCryptoKey({ destroyScheduledDuration: "10368000s" })),
    violates(protectedCryptoKey({ destroyScheduledDuration: "86400s" }), { code: "belowMinimum", field: "destroyScheduledDuration" }),
    violates(protectedCryptoKey({ destroyScheduledDuration: "1 day" }), { code: "unrecognised", field: "destroyScheduledDuration" }),
    undecided(protectedCryptoKey({ destroyScheduledDuration: unknown }), "destroyScheduledDuration"),
    passes(protectedCryptoKey({ destroyScheduledDuration: "604800s" }), { minimumDestroyScheduledDays: 7 }),
    violates(protectedCryptoKey(), { code: "absentDefault", field: "destroyScheduledDuration" }, { minimumDestroyScheduledDays: 60 }),
    misconfigured(protectedCryptoKey(), { minimumDestroyScheduledDays: 0 }, "minimumDestroyScheduledDays"),
    // Outputs: deletionPolicy and destroyScheduledDuration filled in.
    passes(cryptoKeyOutputs({ deletionPolicy: "PREVENT" })),
    violates(cryptoKeyOutputs({ deletionPolicy: "DELETE" }), { code: "unprotected", field: "deletionPolicy" }),
    violates(cryptoKeyOutputs({ deletionPolicy: "" }), { code: "unprotected", field: "deletionPolicy" }),
    garbage(protectedCryptoKey({ deletionPolicy: secret("PREVENT"), destroyScheduledDuration: secret("SECRET") })),
    noAutoRemediation(cryptoKey()),
]);
