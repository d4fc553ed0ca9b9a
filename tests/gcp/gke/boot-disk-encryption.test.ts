import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeClusterWithNodes, gkeGarbage, gkeNodeConfigState, gkeNodePool, gkeNodePoolOutputs, gkeNodes, gkeSecrets } from "../../factories";

const policy = "gcp-gke-boot-disk-encryption";
const nodes = (bootDiskKmsKey: unknown) => ({ ...gkeNodes, bootDiskKmsKey });

policyCases(policy, [
    passes(gkeNodePool()),
    passes(gkeClusterWithNodes()),
    passes(gkeAutopilot()),
    notApplicable(gkeCluster(), /removeDefaultNodePool is true/),
    passes(gkeNodePool({ nodeConfig: nodes(unknown) })),
    violates(gkeNodePool({ nodeConfig: nodes(undefined) }), { code: "notSet", field: "nodeConfig.bootDiskKmsKey" }),
    violates(gkeNodePool({ nodeConfig: undefined }), { code: "notSet", field: "nodeConfig.bootDiskKmsKey" }),
    violates(gkeClusterWithNodes({ nodeConfig: nodes("") }), { code: "notSet", field: "nodeConfig.bootDiskKmsKey" }),
    violates(gkeCluster({ nodePools: [{ nodeConfig: nodes(undefined) }] }), { code: "notSet", field: "nodePools[0].nodeConfig.bootDiskKmsKey" }),
    violates(gkeAutopilot({ clusterAutoscaling: { autoProvisioningDefaults: {} } }), { code: "notSet", field: "clusterAutoscaling.autoProvisioningDefaults.bootDiskKmsKey" }),
    undecided(gkeNodePool({ nodeConfig: unknown }), "nodeConfig"),
    undecided(gkeAutopilot({ clusterAutoscaling: unknown }), "clusterAutoscaling"),
    violates(gkeNodePool({ nodeConfig: nodes(3) }), { code: "wrongType", field: "nodeConfig.bootDiskKmsKey" }),
    passes(gkeClusterOutputs()),
    passes(gkeNodePoolOutputs()),
    violates(gkeNodePoolOutputs({ nodeConfig: [{ ...gkeNodeConfigState, bootDiskKmsKey: "" }] }), { code: "notSet", field: "nodeConfig.bootDiskKmsKey" }),
    ...gkeGarbage.flatMap(g => [garbage(gkeClusterWithNodes(g), undefined, gkeSecrets), garbage(gkeNodePool(g), undefined, gkeSecrets), garbage(gkeAutopilot(g), undefined, gkeSecrets)]),
    noAutoRemediation(gkeNodePool({ nodeConfig: nodes(undefined) })),
]);
