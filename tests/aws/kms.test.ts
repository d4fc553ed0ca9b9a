import * as assert from "assert";
import { assertFinding, assertNotApplicable, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";

const key = "aws:kms/key:Key";
const policy = "aws-kms-key-rotation";
const SECRET = "SECRET-key-policy-do-not-echo-19fa";

const k = (props: Record<string, unknown>) => ({ type: key, name: "phi-key", props: { description: "PHI key", ...props } });

describe("KMS controls", () => {
    const pack = usePack();

    describe(policy, () => {
        it("passes a symmetric encryption key with rotation on, whatever its spec says", async () => {
            assertPasses(await pack.check(policy, k({ enableKeyRotation: true })));
            assertPasses(await pack.check(policy, k({ enableKeyRotation: true, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", rotationPeriodInDays: 90 })));
            assertPasses(await pack.check(policy, k({ enableKeyRotation: true, customerMasterKeySpec: unknown })));
        });
        it("requires enableKeyRotation (default false) on symmetric encryption keys", async () => {
            assertViolates(await pack.check(policy, k({})), /enableKeyRotation is not set and defaults to false/, /Fix: set enableKeyRotation: true/, /HIPAA §164\.312\(a\)\(2\)\(iv\); HITRUST 0903\.10f1/);
            assertViolates(await pack.check(policy, k({ enableKeyRotation: false })), /enableKeyRotation is false/);
            assertViolates(await pack.check(policy, k({ enableKeyRotation: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" })), /enableKeyRotation is false/);
        });
        it("does not apply to asymmetric, HMAC, signing or custom-key-store keys, which AWS KMS cannot rotate", async () => {
            for (const customerMasterKeySpec of ["RSA_2048", "RSA_4096", "ECC_NIST_P256", "HMAC_256", "ML_DSA_65", "SM2"]) {
                assertNotApplicable(await pack.check(policy, k({ customerMasterKeySpec })), new RegExp(`customerMasterKeySpec is "${customerMasterKeySpec}": AWS KMS rotates only symmetric`));
            }
            assertNotApplicable(await pack.check(policy, k({ keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "RSA_2048" })), /rotates only/);
            assertNotApplicable(await pack.check(policy, k({ keyUsage: "GENERATE_VERIFY_MAC" })), /keyUsage is "GENERATE_VERIFY_MAC"/);
            assertNotApplicable(await pack.check(policy, k({ customKeyStoreId: "cks-1234" })), /custom key store/);
            assertNotApplicable(await pack.check(policy, k({ customKeyStoreId: unknown })), /custom key store/);
        });
        it("is undecided when rotation is off and the spec or usage is unknown, or rotation itself is unknown", async () => {
            assertUndecided(await pack.check(policy, k({ customerMasterKeySpec: unknown })), "customerMasterKeySpec");
            assertUndecided(await pack.check(policy, k({ keyUsage: unknown })), "keyUsage");
            assertUndecided(await pack.check(policy, k({ enableKeyRotation: unknown })), "enableKeyRotation");
        });
        it("rejects garbage specs and flags without echoing them", async () => {
            assertViolates(await pack.check(policy, k({ customerMasterKeySpec: SECRET })), /customerMasterKeySpec is not a recognised value/);
            assertViolates(await pack.check(policy, k({ customerMasterKeySpec: 2048 })), /customerMasterKeySpec is 2048, not a string/);
            assertViolates(await pack.check(policy, k({ keyUsage: ["ENCRYPT_DECRYPT"] })), /keyUsage is a list, not a string/);
            assertViolates(await pack.check(policy, k({ enableKeyRotation: "true" })), /enableKeyRotation is a string, not the boolean true/);
        });
    });

    it("garbage never fails the call and never echoes a secret", async () => {
        const garbage: Record<string, unknown>[] = [
            { policy: secret(SECRET), enableKeyRotation: secret(true) },
            { customerMasterKeySpec: secret(SECRET), keyUsage: secret(SECRET) },
            { customKeyStoreId: 12, enableKeyRotation: null, keyUsage: { SECRET } },
            { customerMasterKeySpec: [unknown], enableKeyRotation: [true], xksKeyId: SECRET },
            { keyUsage: SECRET, tags: { k: unknown } },
        ];
        for (const props of garbage) {
            const result = await pack.analyze(k(props));
            for (const d of result.diagnostics) {
                assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
                if (d.enforcementLevel === "mandatory") assertFinding(d.message);
            }
        }
        assertPasses(await pack.check(policy, k({ enableKeyRotation: secret(true) })));
    });

    it("publishes metadata from the control catalog", async () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.ok(p);
        assert.strictEqual(p.framework?.reference, "§164.312(a)(2)(iv)");
        assert.ok(p.tags.includes("kms") && p.tags.includes("hitrust:0903.10f1"));
        assert.match(p.remediationSteps, /enableKeyRotation: true/);
    });
});
