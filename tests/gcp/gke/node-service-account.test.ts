import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { GCP_DEFAULT_SA, gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeClusterWithNodes, gkeGarbage, gkeNodeConfigState, gkeNodePool, gkeNodePoolOutputs, gkeNodes, gkeSecrets } from "../../factories";

const policy = "gcp-gke-node-service-account";
const nodes = (changes: Record<string, unknown>) => ({ ...gkeNodes, ...changes });

policyCases(policy, [
    passes(gkeNodePool()),
    passes(gkeClusterWithNodes()),
    passes(gkeAutopilot()),
    // The cluster's nodeConfig does not run once the default pool is removed.
    notApplicable(gkeCluster(), /removeDefaultNodePool is true/),
    notApplicable(gkeCluster({ nodeConfig: nodes({ serviceAccount: "default" }) }), /removeDefaultNodePool is true/),
    violates(gkeNodePool({ nodeConfig: nodes({ serviceAccount: undefined }) }), { code: "defaultServiceAccount", field: "nodeConfig.serviceAccount" }),
    violates(gkeNodePool({ nodeConfig: undefined }), { code: "defaultServiceAccount", field: "nodeConfig.serviceAccount" }),
    violates(gkeNodePool({ nodeConfig: nodes({ serviceAccount: "default" }) }), { code: "defaultServiceAccount", field: "nodeConfig.serviceAccount" }),
    violates(gkeNodePool({ nodeConfig: nodes({ serviceAccount: GCP_DEFAULT_SA }) }), { code: "defaultServiceAccount", field: "nodeConfig.serviceAccount" }),
    violates(gkeClusterWithNodes({ nodeConfig: undefined }), { code: "defaultServiceAccount", field: "nodeConfig.serviceAccount" }),
    violates(gkeClusterWithNodes({ removeDefaultNodePool: false, nodeConfig: nodes({ serviceAccount: "" }) }), { code: "defaultServiceAccount", field: "nodeConfig.serviceAccount" }),
    // Inline node pools are checked one by one, as is the default pool beside them.
    violates(gkeCluster({ nodePools: [{ name: "a", nodeConfig: gkeNodes }, { name: "b" }] }), { code: "defaultServiceAccount", field: "nodePools[1].nodeConfig.serviceAccount" }),
    violates(gkeAutopilot({ clusterAutoscaling: undefined }), { code: "defaultServiceAccount", field: "clusterAutoscaling.autoProvisioningDefaults.serviceAccount" }),
    undecided(gkeNodePool({ nodeConfig: nodes({ serviceAccount: unknown }) }), "nodeConfig.serviceAccount"),
    undecided(gkeNodePool({ nodeConfig: unknown }), "nodeConfig"),
    undecided(gkeClusterWithNodes({ removeDefaultNodePool: unknown }), "removeDefaultNodePool"),
    undecided(gkeCluster({ enableAutopilot: unknown }), "enableAutopilot"),
    violates(gkeNodePool({ nodeConfig: nodes({ serviceAccount: 7 }) }), { code: "wrongType", field: "nodeConfig.serviceAccount" }),
    passes(gkeClusterOutputs()),
    passes(gkeNodePoolOutputs()),
    violates(gkeNodePoolOutputs({ nodeConfig: [{ ...gkeNodeConfigState, serviceAccount: "default" }] }), { code: "defaultServiceAccount", field: "nodeConfig.serviceAccount" }),
    ...gkeGarbage.flatMap(g => [garbage(gkeClusterWithNodes(g), undefined, gkeSecrets), garbage(gkeNodePool(g), undefined, gkeSecrets), garbage(gkeAutopilot(g), undefined, gkeSecrets)]),
    noAutoRemediation(gkeNodePool({ nodeConfig: undefined })),
]);
