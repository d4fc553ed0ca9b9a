import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeClusterWithNodes, gkeGarbage, gkeNodeConfigState, gkeNodePool, gkeNodePoolOutputs, gkeNodes, gkeSecrets } from "../../factories";

const policy = "gcp-gke-cos-image";
const nodes = (imageType: unknown) => ({ ...gkeNodes, imageType });

policyCases(policy, [
    passes(gkeNodePool()),
    passes(gkeClusterWithNodes()),
    notApplicable(gkeCluster(), /removeDefaultNodePool is true/),
    notApplicable(gkeAutopilot(), /Autopilot cluster Google manages the node image/),
    // GKE's default image is COS_CONTAINERD; the API takes any case.
    passes(gkeNodePool({ nodeConfig: nodes(undefined) })),
    passes(gkeNodePool({ nodeConfig: nodes("cos_containerd") })),
    violates(gkeNodePool({ nodeConfig: nodes("UBUNTU_CONTAINERD") }), { code: "notAllowed", field: "nodeConfig.imageType" }),
    violates(gkeClusterWithNodes({ nodeConfig: nodes("COS") }), { code: "notAllowed", field: "nodeConfig.imageType" }),
    violates(gkeNodePool({ nodeConfig: nodes("my-image") }), { code: "unrecognised", field: "nodeConfig.imageType" }),
    undecided(gkeNodePool({ nodeConfig: nodes(unknown) }), "nodeConfig.imageType"),
    violates(gkeNodePool({ nodeConfig: nodes(["COS"]) }), { code: "wrongType", field: "nodeConfig.imageType" }),
    passes(gkeClusterOutputs()),
    passes(gkeNodePoolOutputs()),
    passes(gkeNodePoolOutputs({ nodeConfig: [{ ...gkeNodeConfigState, imageType: "" }] })),
    violates(gkeNodePoolOutputs({ nodeConfig: [{ ...gkeNodeConfigState, imageType: "UBUNTU_CONTAINERD" }] }), { code: "notAllowed", field: "nodeConfig.imageType" }),
    ...gkeGarbage.flatMap(g => [garbage(gkeClusterWithNodes(g), undefined, gkeSecrets), garbage(gkeNodePool(g), undefined, gkeSecrets)]),
    noAutoRemediation(gkeNodePool({ nodeConfig: nodes("UBUNTU_CONTAINERD") })),
]);
