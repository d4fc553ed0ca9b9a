import { defineResourcePolicy } from "../../lib/policy";
import { oneOf } from "../../lib/rules";
import { Attribute } from "../../lib/facts";
import { clusterTransit, memorystoreTypes, redisCluster, transitEncryptionMode, valkeyInstance, valkeyTransit } from "./facts";

/** Each type's TLS setting and the value that turns TLS on. */
const tls: Record<string, [Attribute<string>, string]> = {
    [redisCluster]: [clusterTransit, "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION"],
    [valkeyInstance]: [valkeyTransit, "SERVER_AUTHENTICATION"],
};

export default defineResourcePolicy({
    name: "gcp-redis-encryption-in-transit",
    description: "Memorystore (Redis instances, Redis Cluster, Valkey) accepts only TLS connections.",
    severity: "critical",
    types: memorystoreTypes,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["gcp", "redis", "memorystore", "encryption", "encryption-in-transit"],
    anchors: { gcp: ["gcp-memorystore-01", "gcp-memorystore-02"], checkov: ["CKV_GCP_97"] },
    remediation:
        "Turn on TLS when the cache is created (it cannot be changed later, so this replaces an existing one):\n" +
        "- `gcp.redis.Instance`: `transitEncryptionMode: \"SERVER_AUTHENTICATION\"` (default `DISABLED`); clients use port 6378 and trust `serverCaCerts`.\n" +
        "- `gcp.redis.Cluster`: `transitEncryptionMode: \"TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION\"` (default disabled).\n" +
        "- `gcp.memorystore.Instance` (Valkey): `transitEncryptionMode: \"SERVER_AUTHENTICATION\"` (default disabled).",
    check: r => {
        const [attribute, on] = tls[r.type] ?? [transitEncryptionMode, "SERVER_AUTHENTICATION"];
        return oneOf(r.props.string(attribute.field), { path: attribute.path, allowed: [on], known: attribute.values ?? [], absentMeans: attribute.absent, fix: `set ${attribute.path}: "${on}"` });
    },
    noAutoRemediation: "the TLS mode can only be chosen when the cache is created, so the fix replaces it, and clients must switch to TLS",
});
