import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { AUTH_TOKEN, cacheCluster, cacheClusterOutputs, groupMember, replicationGroup, replicationGroupOutputs, serverlessCache, serverlessCacheOutputs, standaloneRedis } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elasticache-auth";

policyCases(policy, [
    passes(replicationGroup()),
    passes(serverlessCache()),
    // An AUTH token, the write-only token, or RBAC user groups, known or unknown.
    ...[
        { authToken: secret(AUTH_TOKEN) },
        { authToken: undefined, authTokenWo: secret(AUTH_TOKEN), authTokenWoVersion: 1 },
        { authToken: undefined, userGroupIds: ["ug-phi"] },
        { authToken: undefined, userGroupIds: [unknown] },
        { authToken: undefined, userGroupIds: unknown },
        { authToken: unknown },
        { authToken: undefined, engine: "valkey", userGroupIds: ["ug"] },
    ].map(props => passes(replicationGroup(props))),
    // No way to authenticate, on Redis and Valkey of every version.
    ...["redis", "valkey"].flatMap(engine =>
        ["5.0.6", "7.1"].map(engineVersion => violates(replicationGroup({ authToken: undefined, engine, engineVersion }), { code: "noAuthentication" })),
    ),
    violates(replicationGroup({ authToken: "", userGroupIds: [] }), { code: "noAuthentication" }),
    violates(replicationGroup({ authToken: undefined, userGroupIds: [null, ""] }), { code: "noAuthentication" }),
    // A token of the wrong type is not described.
    violates(replicationGroup({ authToken: 987654321 }), { code: "wrongType", field: "authToken" }),
    garbage(replicationGroup({ authToken: 987654321 }), undefined, ["987654321"]),
    violates(serverlessCache({ userGroupId: undefined }), { code: "notSet", field: "userGroupId" }),
    // Memcached cannot authenticate clients: reported unless an auditor accepted compensating controls.
    violates(serverlessCache({ engine: "memcached", userGroupId: undefined }), { code: "memcachedNoAuthentication" }),
    violates(cacheCluster(), { code: "memcachedNoAuthentication" }),
    notApplicable(cacheCluster(), /allowUnauthenticatedMemcached/, { allowUnauthenticatedMemcached: true }),
    notApplicable(serverlessCache({ engine: "memcached" }), /allowUnauthenticatedMemcached/, { allowUnauthenticatedMemcached: true }),
    notApplicable(groupMember, /inherits the group's settings/),
    violates(standaloneRedis, { code: "standaloneRedis" }),
    // Undecided only when the engine is unknown.
    undecided(serverlessCache({ engine: unknown }), "engine"),
    ...[
        { authToken: 12345, userGroupIds: [null, unknown, 7] },
        { userGroupIds: "ug-1", engineVersion: secret(AUTH_TOKEN) },
        { authToken: [AUTH_TOKEN], authTokenWo: { AUTH_TOKEN } },
    ].flatMap(props => [replicationGroup(props), cacheCluster(props), serverlessCache(props)].map(r => garbage(r, undefined, ["12345"]))),
    noAutoRemediation(replicationGroup({ authToken: undefined })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(replicationGroupOutputs()),
    passes(serverlessCacheOutputs()),
    notApplicable(cacheClusterOutputs({ engine: "redis", engineVersion: "7.1", replicationGroupId: "phi-cache", azMode: "single-az", numCacheNodes: 1, transitEncryptionEnabled: false }), /inherits the group's settings/),
    // No token: state keeps an empty secret.
    violates(replicationGroupOutputs({ authToken: secret("") }), { code: "noAuthentication" }),
    passes(replicationGroupOutputs({ authToken: secret(""), userGroupIds: ["phi-users"] })),
    violates(serverlessCacheOutputs({ userGroupId: "" }), { code: "notSet", field: "userGroupId" }),
    violates(cacheClusterOutputs(), { code: "memcachedNoAuthentication" }),
]);
