import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { cacheCluster, cacheClusterOutputs, groupMember, KMS_KEY_ARN, replicationGroup, replicationGroupOutputs, serverlessCache, serverlessCacheOutputs, standaloneRedis } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elasticache-encryption-at-rest";
const field = "atRestEncryptionEnabled";
const customerKey = { requireCustomerManagedKey: true };

policyCases(policy, [
    passes(replicationGroup()),
    passes(serverlessCache()),
    // Each engine's default: Redis OSS off, Valkey on.
    violates(replicationGroup({ [field]: undefined }), { code: "absentDefault", field }),
    violates(replicationGroup({ engine: undefined, [field]: undefined }), { code: "absentDefault", field }),
    passes(replicationGroup({ engine: "valkey", [field]: undefined })),
    passes(replicationGroup({ engine: "VALKEY", [field]: undefined })),
    violates(replicationGroup({ engine: "valkey", [field]: false }), { code: "notAllowed", field }),
    // A customer-managed key only when configured; one unknown at preview is present.
    passes(replicationGroup({ kmsKeyId: undefined })),
    violates(replicationGroup({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }, customerKey),
    violates(replicationGroup({ kmsKeyId: "" }), { code: "notSet", field: "kmsKeyId" }, customerKey),
    passes(replicationGroup({ kmsKeyId: unknown }), customerKey),
    passes(replicationGroup({ kmsKeyId: KMS_KEY_ARN }), customerKey),
    violates(serverlessCache({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }, customerKey),
    passes(serverlessCache({ kmsKeyId: undefined })),
    violates(standaloneRedis, { code: "standaloneRedis" }),
    notApplicable(cacheCluster(), /Memcached keeps data only in memory/),
    notApplicable(groupMember, /inherits the group's settings/),
    // The engine decides the default, and is unknown.
    undecided(replicationGroup({ engine: unknown, [field]: undefined }), "engine"),
    undecided(replicationGroup({ [field]: unknown }), field),
    violates(replicationGroup({ [field]: 1 }), { code: "wrongType", field }),
    misconfigured(replicationGroup(), { requireCustomerManagedKey: "yes" }, "requireCustomerManagedKey"),
    ...[{ transitEncryptionEnabled: "true", atRestEncryptionEnabled: "yes", multiAzEnabled: 1 }, { kmsKeyId: ["SECRET"], atRestEncryptionEnabled: [unknown] }].flatMap(props =>
        [replicationGroup(props), cacheCluster(props), serverlessCache(props)].map(r => garbage(r, customerKey)),
    ),
    noAutoRemediation(replicationGroup({ [field]: false })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(replicationGroupOutputs()),
    passes(serverlessCacheOutputs()),
    notApplicable(cacheClusterOutputs({ engine: "redis", engineVersion: "7.1", replicationGroupId: "phi-cache", azMode: "single-az", numCacheNodes: 1, transitEncryptionEnabled: false }), /inherits the group's settings/),
    violates(replicationGroupOutputs({ [field]: false }), { code: "notAllowed", field }),
    violates(replicationGroupOutputs({ kmsKeyId: "" }), { code: "notSet", field: "kmsKeyId" }, customerKey),
    notApplicable(cacheClusterOutputs(), /Memcached keeps data only in memory/),
]);
