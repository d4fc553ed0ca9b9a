import { booleanKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isSetString } from "../../lib/props";
import { isSet, wrongType } from "../../lib/rules";
import { allCacheTypes, cacheCluster, engineOf, memcachedHasNoAuth, namesAnId, serverlessCache, useReplicationGroup } from "./facts";

export default defineResourcePolicy({
    name: "aws-elasticache-auth",
    description: "ElastiCache caches make clients authenticate, with an AUTH token or RBAC user groups (Memcached cannot, so it is reported unless allowed by a knob).",
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
        "A standalone Redis `aws.elasticache.Cluster` cannot require AUTH: create an `aws.elasticache.ReplicationGroup` instead.\n" +
        "Memcached (node-based or serverless) has no client authentication: use Valkey or Redis OSS with AUTH or RBAC for PHI. If your auditor " +
        "accepted compensating network controls for a Memcached cache, set `allowUnauthenticatedMemcached: true` (or waive that cache).",
    knobs: {
        allowUnauthenticatedMemcached: booleanKnob({
            default: false,
            description: "Accept Memcached caches, which cannot authenticate clients, because an auditor accepted compensating network controls for them.",
        }),
    },
    check: (r, config) => {
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === "memcached" && memcachedHasNoAuth) {
            // §164.312(d) asks to verify who is seeking access; network controls alone do not.
            return config.allowUnauthenticatedMemcached
                ? notApplicable("Memcached cannot authenticate clients, and allowUnauthenticatedMemcached accepts compensating network controls")
                : violation({
                      code: "memcachedNoAuthentication",
                      problem: "ElastiCache Memcached cannot authenticate clients, so access to the cache rests on network controls alone",
                      fix: 'use engine "valkey" or "redis" with an AUTH token or RBAC user groups (or, if an auditor accepted compensating controls, set allowUnauthenticatedMemcached: true in this policy\'s config)',
                  });
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
