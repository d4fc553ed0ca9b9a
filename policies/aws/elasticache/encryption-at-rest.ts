import { booleanKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isSet, isTrue } from "../../lib/rules";
import { allCacheTypes, atRestEncryptionEnabledByEngine, cacheCluster, engineOf, serverlessCache, useReplicationGroup } from "./facts";

export default defineResourcePolicy({
    name: "aws-elasticache-encryption-at-rest",
    description: "ElastiCache encrypts data at rest (on-disk sync and swap files, and backups), optionally with a customer-managed KMS key.",
    severity: "critical",
    types: allCacheTypes,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["aws", "elasticache", "encryption", "encryption-at-rest"],
    anchors: { checkov: ["CKV_AWS_29"] },
    remediation:
        "On `aws.elasticache.ReplicationGroup` set `atRestEncryptionEnabled: true` (the default is true for Valkey and false for Redis OSS; " +
        "it can only be set when the group is created).\n" +
        "With `requireCustomerManagedKey`, also set `kmsKeyId` to the ARN of a customer-managed `aws.kms.Key`.\n" +
        "A standalone Redis `aws.elasticache.Cluster` cannot be encrypted at rest: create an `aws.elasticache.ReplicationGroup` instead.",
    knobs: {
        requireCustomerManagedKey: booleanKnob({ default: false, description: "Require a customer-managed KMS key (kmsKeyId) rather than the AWS-managed default key." }),
    },
    check: (r, config) => {
        const customerKey = () =>
            config.requireCustomerManagedKey
                ? isSet(r.props.string("kmsKeyId"), { path: "kmsKeyId", fix: "set kmsKeyId to the ARN of a customer-managed aws.kms.Key", missing: "kmsKeyId is not set, so AWS's default key is used" })
                : pass;
        if (r.type === serverlessCache) return customerKey(); // Serverless caches are always encrypted at rest.
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (r.type === cacheCluster) {
            if (engine === "memcached") {
                return notApplicable("node-based Memcached keeps data only in memory and writes no snapshots; ElastiCache offers no at-rest encryption for it");
            }
            return violation({ code: "standaloneRedis", problem: "a standalone Redis cache cluster cannot be encrypted at rest", fix: `${useReplicationGroup} with atRestEncryptionEnabled: true` });
        }
        const absentMeans = engine === "valkey" ? atRestEncryptionEnabledByEngine.valkey : atRestEncryptionEnabledByEngine.redis;
        return [isTrue(r.props.boolean("atRestEncryptionEnabled"), { path: "atRestEncryptionEnabled", absentMeans }), customerKey()];
    },
    noAutoRemediation: "at-rest encryption can only be chosen when a cache is created, so turning it on replaces the cache, and the KMS key is a person's choice",
});
