import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeNodePool, gkeNodePoolOutputs, gkeSecrets } from "../../factories";

const policy = "gcp-gke-private-nodes";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeAutopilot()),
    violates(gkeCluster({ privateClusterConfig: undefined }), { code: "absentDefault", field: "privateClusterConfig.enablePrivateNodes" }),
    violates(gkeCluster({ privateClusterConfig: { masterIpv4CidrBlock: "172.16.0.0/28" } }), { code: "absentDefault", field: "privateClusterConfig.enablePrivateNodes" }),
    violates(gkeCluster({ privateClusterConfig: { enablePrivateNodes: false } }), { code: "notAllowed", field: "privateClusterConfig.enablePrivateNodes" }),
    undecided(gkeCluster({ privateClusterConfig: unknown }), "privateClusterConfig.enablePrivateNodes"),
    undecided(gkeCluster({ privateClusterConfig: { enablePrivateNodes: unknown } }), "privateClusterConfig.enablePrivateNodes"),
    violates(gkeCluster({ privateClusterConfig: { enablePrivateNodes: "true" } }), { code: "wrongType", field: "privateClusterConfig.enablePrivateNodes" }),
    // A node pool follows its cluster unless it overrides the setting.
    notApplicable(gkeNodePool(), /follows its cluster's privateClusterConfig.enablePrivateNodes/),
    passes(gkeNodePool({ networkConfig: { enablePrivateNodes: true } })),
    violates(gkeNodePool({ networkConfig: { enablePrivateNodes: false } }), { code: "notAllowed", field: "networkConfig.enablePrivateNodes" }),
    undecided(gkeNodePool({ networkConfig: { enablePrivateNodes: unknown } }), "networkConfig.enablePrivateNodes"),
    passes(gkeClusterOutputs()),
    passes(gkeNodePoolOutputs()),
    violates(gkeClusterOutputs({ privateClusterConfig: [{ enablePrivateEndpoint: false, enablePrivateNodes: false, masterIpv4CidrBlock: "" }] }), { code: "notAllowed", field: "privateClusterConfig.enablePrivateNodes" }),
    violates(gkeNodePoolOutputs({ networkConfig: [{ enablePrivateNodes: false, podRange: "pods" }] }), { code: "notAllowed", field: "networkConfig.enablePrivateNodes" }),
    ...gkeGarbage.flatMap(g => [garbage(gkeCluster(g), undefined, gkeSecrets), garbage(gkeNodePool(g), undefined, gkeSecrets)]),
    noAutoRemediation(gkeCluster({ privateClusterConfig: undefined })),
]);
