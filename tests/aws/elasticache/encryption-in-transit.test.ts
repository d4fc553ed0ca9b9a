import * as assert from "assert";
import { garbage, notApplicable, outcomesOf, passes, policyCases, remediates, rendered, undecided, violates } from "../../cases";
import { AUTH_TOKEN, cacheCluster, cacheClusterOutputs, groupMember, replicationGroup, replicationGroupOutputs, serverlessCache, serverlessCacheOutputs, standaloneRedis } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elasticache-encryption-in-transit";
const enabled = "transitEncryptionEnabled";
const mode = "transitEncryptionMode";

policyCases(policy, [
    passes(replicationGroup()),
    passes(cacheCluster()),
    // Serverless caches only accept TLS.
    passes(serverlessCache()),
    passes(serverlessCache({ engine: "redis" })),
    // An omitted mode is "required" once TLS is on.
    passes(replicationGroup({ [mode]: undefined })),
    violates(replicationGroup({ [enabled]: undefined, [mode]: undefined }), { code: "absentDefault", field: enabled }),
    violates(replicationGroup({ [enabled]: false, [mode]: undefined }), { code: "notAllowed", field: enabled }),
    violates(cacheCluster({ [enabled]: undefined }), { code: "absentDefault", field: enabled }),
    // "preferred" still accepts plaintext.
    violates(replicationGroup({ [mode]: "preferred" }), { code: "notAllowed", field: mode }),
    violates(replicationGroup({ [mode]: "opportunistic" }), { code: "unrecognised", field: mode }),
    violates(standaloneRedis, { code: "standaloneRedis" }),
    undecided(replicationGroup({ [enabled]: unknown, [mode]: unknown }), [enabled, mode]),
    violates(replicationGroup({ [enabled]: "true" }), { code: "wrongType", field: enabled }),
    notApplicable(groupMember, /inherits the group's settings/),
    ...[
        { transitEncryptionEnabled: "true", atRestEncryptionEnabled: "yes", multiAzEnabled: 1 },
        { transitEncryptionMode: secret(AUTH_TOKEN), azMode: [unknown], replicationGroupId: {} },
    ].flatMap(props => [replicationGroup(props), cacheCluster(props), serverlessCache(props)].map(r => garbage(r))),
    // Only the mode is fixed: turning TLS on needs clients to switch.
    remediates(replicationGroup({ [mode]: "preferred" }), { [mode]: "required" }),
    remediates(replicationGroup({ [mode]: "opportunistic" }), { [mode]: "required" }),
    remediates(replicationGroup({ [enabled]: false }), "nothing"),
    remediates(replicationGroup({ [mode]: unknown }), "nothing"),
    remediates(replicationGroup({ [mode]: 3 }), "nothing"),
    remediates(replicationGroup({ [mode]: secret("preferred") }), "nothing"),
    remediates(cacheCluster({ [enabled]: false }), "nothing"),
    remediates(replicationGroup(), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(replicationGroupOutputs()),
    passes(cacheClusterOutputs()),
    passes(serverlessCacheOutputs()),
    notApplicable(cacheClusterOutputs({ engine: "redis", engineVersion: "7.1", replicationGroupId: "phi-cache", azMode: "single-az", numCacheNodes: 1, transitEncryptionEnabled: false }), /inherits the group's settings/),
    // TLS off as state records it: the mode is "" (unset), so only TLS itself is reported...
    violates(replicationGroupOutputs({ [enabled]: false, [mode]: "" }), { code: "notAllowed", field: enabled }),
    // ...and the fix does not set a mode TLS-off groups cannot have.
    remediates(replicationGroupOutputs({ [enabled]: false, [mode]: "" }), "nothing"),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("reports a violation and an advisory together when one field is bad and another unknown", async () => {
        const resource = replicationGroup({ [enabled]: unknown, [mode]: "preferred" });
        const outcomes = outcomesOf(policy, resource);
        assert.deepStrictEqual(await pack.check(policy, resource), rendered(policy, outcomes));
        assert.deepStrictEqual(
            outcomes.map(o => (o.kind === "violation" ? { code: o.code, field: o.field } : o)),
            [{ kind: "undecided", field: enabled }, { code: "notAllowed", field: mode }],
        );
    });
});
