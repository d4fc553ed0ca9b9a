import * as assert from "assert";
import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../cases";
import { kmsKey, kmsKeyOutputs } from "../factories";
import { usePack } from "../pack";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const policy = "aws-kms-key-rotation";
const field = "enableKeyRotation";
const SECRET = "SECRET-key-policy-do-not-echo-19fa";

policyCases(policy, [
    // A symmetric encryption key with rotation on, whatever its spec says.
    passes(kmsKey()),
    passes(kmsKey({ customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", rotationPeriodInDays: 90 })),
    passes(kmsKey({ customerMasterKeySpec: unknown })),
    passes(kmsKey({ [field]: secret(true) })),
    violates(kmsKey({ [field]: undefined }), { code: "absentDefault", field }),
    violates(kmsKey({ [field]: false }), { code: "notAllowed", field }),
    violates(kmsKey({ [field]: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" }), { code: "notAllowed", field }),
    // Keys AWS KMS cannot rotate: asymmetric, HMAC, signing, custom key store.
    ...["RSA_2048", "RSA_4096", "ECC_NIST_P256", "HMAC_256", "ML_DSA_65", "SM2"].map(spec =>
        notApplicable(kmsKey({ [field]: undefined, customerMasterKeySpec: spec }), new RegExp(`^customerMasterKeySpec is "${spec}": AWS KMS rotates only symmetric`)),
    ),
    notApplicable(kmsKey({ [field]: undefined, keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "RSA_2048" }), /rotates only/),
    notApplicable(kmsKey({ [field]: undefined, keyUsage: "GENERATE_VERIFY_MAC" }), /^keyUsage is "GENERATE_VERIFY_MAC"/),
    notApplicable(kmsKey({ [field]: undefined, customKeyStoreId: "cks-1234" }), /custom key store/),
    notApplicable(kmsKey({ [field]: undefined, customKeyStoreId: unknown }), /custom key store/),
    // Rotation off and the spec or usage unknown, or rotation itself unknown.
    undecided(kmsKey({ [field]: undefined, customerMasterKeySpec: unknown }), "customerMasterKeySpec"),
    undecided(kmsKey({ [field]: undefined, keyUsage: unknown }), "keyUsage"),
    undecided(kmsKey({ [field]: unknown }), field),
    violates(kmsKey({ [field]: undefined, customerMasterKeySpec: SECRET }), { code: "unrecognised", field: "customerMasterKeySpec" }),
    violates(kmsKey({ [field]: undefined, customerMasterKeySpec: 2048 }), { code: "wrongType", field: "customerMasterKeySpec" }),
    violates(kmsKey({ [field]: undefined, keyUsage: ["ENCRYPT_DECRYPT"] }), { code: "wrongType", field: "keyUsage" }),
    violates(kmsKey({ [field]: "true" }), { code: "wrongType", field }),
    ...[
        { policy: secret(SECRET), [field]: secret(true) },
        { [field]: undefined, customerMasterKeySpec: secret(SECRET), keyUsage: secret(SECRET) },
        { customKeyStoreId: 12, [field]: null, keyUsage: { SECRET } },
        { customerMasterKeySpec: [unknown], [field]: [true], xksKeyId: SECRET },
        { [field]: undefined, keyUsage: SECRET, tags: { k: unknown } },
    ].map(props => garbage(kmsKey(props))),
    remediates(kmsKey({ [field]: false }), { [field]: true }),
    remediates(kmsKey({ [field]: undefined }), { [field]: true }),
    remediates(kmsKey({ [field]: undefined, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" }), { [field]: true }),
    remediates(kmsKey(), "nothing"),
    // Never a key whose rotation, spec, usage or key store is unknown, unreadable or unrotatable.
    remediates(kmsKey({ [field]: unknown }), "nothing"),
    remediates(kmsKey({ [field]: "false" }), "nothing"),
    remediates(kmsKey({ [field]: secret(false) }), "nothing"),
    remediates(kmsKey({ [field]: undefined, customerMasterKeySpec: unknown }), "nothing"),
    remediates(kmsKey({ [field]: undefined, customerMasterKeySpec: "RSA_2048" }), "nothing"),
    remediates(kmsKey({ [field]: undefined, keyUsage: unknown }), "nothing"),
    remediates(kmsKey({ [field]: undefined, customKeyStoreId: "cks-1234" }), "nothing"),
    remediates(kmsKey({ [field]: undefined, customKeyStoreId: unknown }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(kmsKeyOutputs()),
    violates(kmsKeyOutputs({ [field]: false }), { code: "notAllowed", field }),
    // Outputs store customKeyStoreId "" for a key in no custom store: check and fix both read it as unset.
    remediates(kmsKeyOutputs({ [field]: false }), { [field]: true }),
    remediates(kmsKey({ [field]: false, customKeyStoreId: "" }), { [field]: true }),
    remediates(kmsKey({ [field]: false, customKeyStoreId: "cks-1234" }), "nothing"),
    notApplicable(kmsKeyOutputs({ [field]: false, customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }), /rotates only symmetric/),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("publishes its remediation steps from the definition", () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.ok(p.tags.includes("kms") && p.tags.includes("key-management"));
        assert.match(p.remediationSteps, /enableKeyRotation: true/);
    });
});
