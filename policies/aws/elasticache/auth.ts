import { isOutcome, notApplicable, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isSetString } from "../../lib/props";
import { isSet, wrongType } from "../../lib/rules";
import { allCacheTypes, cacheCluster, engineOf, namesAnId, serverlessCache, useReplicationGroup } from "./facts";

export default defineResourcePolicy({
    name: "aws-elasticache-auth",
    description: "Redis OSS and Valkey caches make clients authenticate, with an AUTH token or RBAC user groups.",
    severity: "high",
    types: allCacheTypes,
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["aws", "elasticache", "authentication", "access-control"],
    anchors: { checkov: ["CKV_AWS_31"] },
    remediation:
        "On `aws.elasticache.ReplicationGroup` set `authTokenWo` (write-only, not stored in state; with `authTokenWoVersion`) or `authToken` " +
        "from a Pulumi secret (both need `transitEncryptionEnabled: true`), or attach an RBAC user group with `userGroupIds`.\n" +
        "On a Redis/Valkey `aws.elasticache.ServerlessCache` set `userGroupId`.\n" +
        "A standalone Redis `aws.elasticache.Cluster` cannot require AUTH: create an `aws.elasticache.ReplicationGroup` instead.",
    check: r => {
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === "memcached") {
            return notApplicable("ElastiCache Memcached has no client authentication; restrict who reaches it with security groups");
        }
        if (r.type === cacheCluster) {
            return violation({ code: "standaloneRedis", problem: "a standalone Redis cache cluster cannot require clients to authenticate", fix: `${useReplicationGroup} with authTokenWo or userGroupIds` });
        }
        if (r.type === serverlessCache) {
            return isSet(r.props.string("userGroupId"), { path: "userGroupId", fix: "set userGroupId to an aws.elasticache.UserGroup id", missing: "userGroupId is not set, so clients connect without authenticating" });
        }
        for (const field of ["authToken", "authTokenWo"]) {
            const read = r.props.string(field);
            // Never describe a credential's value, not even its type's contents.
            if (read.state === "wrongType") return wrongType({ path: field, value: read.value, expected: "a string", fix: `set ${field} to a string from a Pulumi secret`, secret: true });
            if (isSetString(read)) return pass;
        }
        if (namesAnId(r.props.list("userGroupIds"))) return pass;
        return violation({
            code: "noAuthentication",
            problem: "no AUTH token (authToken or authTokenWo) or RBAC user group (userGroupIds) is set, so any client that reaches the port can read the cache",
            fix: "set authTokenWo (or authToken) from a Pulumi secret, or userGroupIds: [an aws.elasticache.UserGroup id]",
        });
    },
    noAutoRemediation: "the AUTH token or RBAC user group is a credential only a person can choose",
});
