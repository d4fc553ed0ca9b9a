import { defineResourcePolicy } from "../../lib/policy";
import { isTrue, oneOf } from "../../lib/rules";
import { authEnabled, clusterAuth, memorystoreTypes, redisCluster, redisInstance, valkeyAuth } from "./facts";

export default defineResourcePolicy({
    name: "gcp-redis-auth",
    description: "Memorystore makes clients authenticate: Redis AUTH on Redis instances, IAM authentication on Redis Cluster and Valkey.",
    severity: "high",
    types: memorystoreTypes,
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["gcp", "redis", "memorystore", "authentication", "access-control"],
    anchors: { gcp: ["gcp-memorystore-01", "gcp-memorystore-02"], checkov: ["CKV_GCP_95"] },
    remediation:
        "- `gcp.redis.Instance`: set `authEnabled: true` (default false); clients read the generated AUTH string (the `authString` output, a secret) " +
        "from Secret Manager or a Pulumi secret; restrict `redis.instances.getAuthString` with IAM.\n" +
        "- `gcp.redis.Cluster`: set `authorizationMode: \"AUTH_MODE_IAM_AUTH\"` (default disabled, fixed at creation) and grant clients `roles/redis.dbConnectionUser`.\n" +
        "- `gcp.memorystore.Instance` (Valkey): set `authorizationMode: \"IAM_AUTH\"` (default disabled, fixed at creation) and grant `roles/memorystore.dbConnectionUser`.",
    check: r => {
        if (r.type === redisInstance) return isTrue(r.props.boolean(authEnabled.field), { path: authEnabled.path, absentMeans: false });
        const [attribute, on] = r.type === redisCluster ? [clusterAuth, "AUTH_MODE_IAM_AUTH"] : [valkeyAuth, "IAM_AUTH"];
        return oneOf(r.props.string(attribute.field), { path: attribute.path, allowed: [on], known: attribute.values ?? [], absentMeans: attribute.absent, fix: `set ${attribute.path}: "${on}"` });
    },
    noAutoRemediation: "clients cannot connect once authentication is on until a person gives them credentials or IAM roles, and on Cluster and Valkey it is fixed at creation",
});
