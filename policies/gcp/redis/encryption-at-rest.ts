import { booleanKnob } from "../../lib/knobs";
import { pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isSet } from "../../lib/rules";
import { customerManagedKey, kmsKey, memorystoreTypes, redisInstance } from "./facts";

export default defineResourcePolicy({
    name: "gcp-redis-encryption-at-rest",
    description: "Memorystore (Redis instances, Redis Cluster, Valkey) encrypts data at rest with a customer-managed Cloud KMS key.",
    severity: "high",
    types: memorystoreTypes,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "redis", "memorystore", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-memorystore-01", "gcp-memorystore-02"] },
    remediation:
        "Set `customerManagedKey` on the `gcp.redis.Instance`, or `kmsKey` on the `gcp.redis.Cluster` / `gcp.memorystore.Instance`, to the id of a " +
        "`gcp.kms.CryptoKey` in the cache's region, and grant the Memorystore service agent (`service-PROJECT_NUMBER@cloud-redis.iam.gserviceaccount.com`, " +
        "or the Memorystore agent for Valkey) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. The key can only be set when the cache is created. " +
        "Memorystore always encrypts at rest with a Google-managed key; set `allowGoogleManagedKeys: true` in this policy's config if that is acceptable.",
    knobs: {
        allowGoogleManagedKeys: booleanKnob({
            default: false,
            description: "Accept Memorystore's default Google-managed encryption key instead of requiring a customer-managed key (customerManagedKey or kmsKey).",
        }),
    },
    check: (r, config) => {
        if (config.allowGoogleManagedKeys) return pass;
        const attribute = r.type === redisInstance ? customerManagedKey : kmsKey;
        return isSet(r.props.string(attribute.field), {
            path: attribute.path,
            fix: `set ${attribute.path} to the id of a gcp.kms.CryptoKey`,
            missing: `${attribute.path} is not set, so data at rest is encrypted only with a Google-managed key`,
        });
    },
    noAutoRemediation: "the key can only be set when the cache is created, and which KMS key protects it is a person's choice",
});
