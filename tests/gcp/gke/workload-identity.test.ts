import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeClusterWithNodes, gkeGarbage, gkeNodeConfigState, gkeNodePool, gkeNodePoolOutputs, gkeNodes, gkeSecrets } from "../../factories";

const policy = "gcp-gke-workload-identity";
const mode = "nodeConfig.workloadMetadataConfig.mode";
const nodes = (workloadMetadataConfig: unknown) => ({ ...gkeNodes, workloadMetadataConfig });

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeClusterWithNodes()),
    passes(gkeNodePool()),
    notApplicable(gkeAutopilot(), /Autopilot cluster Google manages Workload Identity/),
    violates(gkeCluster({ workloadIdentityConfig: undefined }), { code: "notSet", field: "workloadIdentityConfig.workloadPool" }),
    violates(gkeCluster({ workloadIdentityConfig: { workloadPool: "" } }), { code: "notSet", field: "workloadIdentityConfig.workloadPool" }),
    passes(gkeCluster({ workloadIdentityConfig: { workloadPool: unknown } })),
    // A pool that leaves the mode unset follows its cluster.
    notApplicable(gkeNodePool({ nodeConfig: nodes(undefined) }), /follows its cluster's Workload Identity setting/),
    passes(gkeClusterWithNodes({ nodeConfig: nodes(undefined) })),
    violates(gkeNodePool({ nodeConfig: nodes({ mode: "GCE_METADATA" }) }), { code: "notAllowed", field: mode }),
    violates(gkeClusterWithNodes({ nodeConfig: nodes({ mode: "MODE_UNSPECIFIED" }) }), { code: "notAllowed", field: mode }),
    violates(gkeNodePool({ nodeConfig: nodes({ mode: "metadata-please" }) }), { code: "unrecognised", field: mode }),
    undecided(gkeNodePool({ nodeConfig: nodes({ mode: unknown }) }), mode),
    undecided(gkeNodePool({ nodeConfig: nodes(unknown) }), mode),
    violates(gkeNodePool({ nodeConfig: nodes({ mode: 1 }) }), { code: "wrongType", field: mode }),
    violates(gkeCluster({ workloadIdentityConfig: { workloadPool: 5 } }), { code: "wrongType", field: "workloadIdentityConfig.workloadPool" }),
    passes(gkeClusterOutputs()),
    passes(gkeNodePoolOutputs()),
    violates(gkeClusterOutputs({ workloadIdentityConfig: [] }), { code: "notSet", field: "workloadIdentityConfig.workloadPool" }),
    violates(gkeNodePoolOutputs({ nodeConfig: [{ ...gkeNodeConfigState, workloadMetadataConfig: [{ mode: "GCE_METADATA" }] }] }), { code: "notAllowed", field: mode }),
    ...gkeGarbage.flatMap(g => [garbage(gkeClusterWithNodes(g), undefined, gkeSecrets), garbage(gkeNodePool(g), undefined, gkeSecrets)]),
    noAutoRemediation(gkeCluster({ workloadIdentityConfig: undefined })),
]);
