import * as assert from "assert";
import { garbage, misconfigured, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { cacheCluster, cacheClusterOutputs, groupMember, replicationGroup, replicationGroupOutputs, serverlessCache, serverlessCacheOutputs, standaloneRedis } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elasticache-backup-retention";
const field = "snapshotRetentionLimit";

policyCases(policy, [
    passes(replicationGroup()),
    passes(serverlessCache()),
    // 35 days by default.
    violates(replicationGroup({ [field]: undefined }), { code: "absentDefault", field }),
    violates(replicationGroup({ [field]: 7 }), { code: "belowMinimum", field }),
    violates(serverlessCache({ [field]: undefined }), { code: "absentDefault", field }),
    violates({ ...standaloneRedis, props: { ...standaloneRedis.props, [field]: 1 } }, { code: "belowMinimum", field }),
    passes(replicationGroup({ [field]: 7 }), { minimumRetentionDays: 7 }),
    misconfigured(replicationGroup(), { minimumRetentionDays: 90 }, "minimumRetentionDays"),
    misconfigured(replicationGroup(), { minimumRetentionDays: 0 }, "minimumRetentionDays"),
    notApplicable(cacheCluster(), /Memcached keeps no snapshots/),
    // Serverless Memcached takes automatic snapshots (CreateServerlessCache), node-based Memcached none.
    passes(serverlessCache({ engine: "memcached" })),
    violates(serverlessCache({ engine: "memcached", [field]: undefined }), { code: "absentDefault", field }),
    remediates(serverlessCache({ engine: "memcached", [field]: 1 }), { [field]: 35 }),
    notApplicable(groupMember, /inherits the group's settings/),
    undecided(replicationGroup({ [field]: unknown }), field),
    violates(replicationGroup({ [field]: "35 days" }), { code: "wrongType", field }),
    passes(replicationGroup({ [field]: "35" })),
    ...[
        { numCacheClusters: "2", snapshotRetentionLimit: { days: 35 }, replicasPerNodeGroup: null, numNodeGroups: unknown },
        { engineVersion: NaN, snapshotRetentionLimit: Infinity },
        { snapshotRetentionLimit: secret("SECRET") },
    ].flatMap(props => [replicationGroup(props), cacheCluster(props), serverlessCache(props)].map(r => garbage(r))),
    remediates(replicationGroup({ [field]: 7 }), { [field]: 35 }),
    remediates(replicationGroup({ [field]: undefined }), { [field]: 35 }),
    remediates(serverlessCache({ [field]: 1 }), { [field]: 35 }),
    remediates(replicationGroup({ [field]: 1 }), { [field]: 7 }, { minimumRetentionDays: 7 }),
    remediates(replicationGroup(), "nothing"),
    remediates(replicationGroup({ [field]: unknown }), "nothing"),
    remediates(replicationGroup({ [field]: "seven" }), "nothing"),
    remediates(replicationGroup({ [field]: "7" }), { [field]: 35 }),
    remediates(replicationGroup({ [field]: secret(7) }), "nothing"),
    remediates(replicationGroup({ engine: unknown, [field]: 7 }), "nothing"),
    remediates(cacheCluster({ [field]: 0 }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(replicationGroupOutputs()),
    passes(serverlessCacheOutputs()),
    notApplicable(cacheClusterOutputs({ engine: "redis", engineVersion: "7.1", replicationGroupId: "phi-cache", azMode: "single-az", numCacheNodes: 1, transitEncryptionEnabled: false }), /inherits the group's settings/),
    violates(replicationGroupOutputs({ [field]: 0 }), { code: "belowMinimum", field }),
    remediates(replicationGroupOutputs({ [field]: 0 }), { [field]: 35 }),
    notApplicable(cacheClusterOutputs(), /Memcached keeps no snapshots/),
    // Serverless Memcached takes snapshots (CreateServerlessCache): its outputs are checked.
    violates(serverlessCacheOutputs({ engine: "memcached", majorEngineVersion: "1.6", [field]: 0 }), { code: "belowMinimum", field }),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("publishes its knob schema (the generic metadata is checked for every policy in tests/metadata.test.ts)", () => {
        const backup = pack.info.policies.find(x => x.name === policy)!;
        assert.deepStrictEqual(backup.configSchema?.properties.minimumRetentionDays, {
            type: "integer", minimum: 1, maximum: 35, default: 35,
            description: "Fewest days automatic snapshots must be kept (ElastiCache allows at most 35).",
        });
    });
});
