import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { mustBeOneOf, mustBeTrue } from "../../lib/rules";
import { allCacheTypes, cacheCluster, engineOf, replicationGroup, serverlessCache, transitEncryptionEnabled, transitEncryptionMode, useReplicationGroup } from "./facts";

const tlsOn = mustBeTrue(transitEncryptionEnabled);
const tlsRequired = mustBeOneOf(transitEncryptionMode, ["required"], { fix: 'set transitEncryptionMode: "required" ("preferred" still accepts plaintext clients)' });

export default defineResourcePolicy({
    name: "aws-elasticache-encryption-in-transit",
    description: "ElastiCache encrypts client connections with TLS and refuses plaintext ones.",
    severity: "critical",
    types: allCacheTypes,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "elasticache", "encryption", "encryption-in-transit"],
    anchors: { checkov: ["CKV_AWS_30"] },
    remediation:
        "On `aws.elasticache.ReplicationGroup` set `transitEncryptionEnabled: true` and `transitEncryptionMode: \"required\"` " +
        "(`preferred` is only for migrating clients and still accepts plaintext).\n" +
        "On a Memcached `aws.elasticache.Cluster` set `transitEncryptionEnabled: true` (Memcached 1.6.12 or later).\n" +
        "A standalone Redis `aws.elasticache.Cluster` cannot use TLS: create an `aws.elasticache.ReplicationGroup` instead.\n" +
        "Serverless caches always use TLS.",
    check: r => {
        if (r.type === serverlessCache) return pass; // ElastiCache Serverless only accepts TLS connections.
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (r.type === cacheCluster && engine !== "memcached") {
            return violation({ code: "standaloneRedis", problem: "a standalone Redis cache cluster cannot encrypt connections in transit", fix: `${useReplicationGroup} with transitEncryptionEnabled: true` });
        }
        const outcomes = [tlsOn.check(r.props, undefined)];
        if (r.type === replicationGroup) outcomes.push(tlsRequired.check(r.props, undefined));
        return outcomes;
    },
    // Only the mode is safe to fix: turning TLS on needs clients to switch to TLS, and on engines
    // before 7.0.5 it replaces the group.
    remediate: r => (r.type === replicationGroup ? tlsRequired.patch(r.props, undefined) : undefined),
});
