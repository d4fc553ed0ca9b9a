import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeClusterWithNodes, gkeGarbage, gkeNodeConfigState, gkeNodePool, gkeNodePoolOutputs, gkeNodes, gkeSecrets } from "../../factories";

const policy = "gcp-gke-shielded-nodes";
const block = "nodeConfig.shieldedInstanceConfig";
const nodes = (shieldedInstanceConfig: unknown) => ({ ...gkeNodes, shieldedInstanceConfig });

policyCases(policy, [
    passes(gkeNodePool()),
    passes(gkeCluster()),
    passes(gkeClusterWithNodes()),
    notApplicable(gkeAutopilot(), /Autopilot cluster Google manages Shielded GKE nodes/),
    violates(gkeCluster({ enableShieldedNodes: false }), { code: "notAllowed", field: "enableShieldedNodes" }),
    // Secure Boot is off unless set; integrity monitoring is on unless set to false.
    passes(gkeNodePool({ nodeConfig: nodes({ enableSecureBoot: true }) })),
    violates(gkeNodePool({ nodeConfig: nodes(undefined) }), { code: "absentDefault", field: `${block}.enableSecureBoot` }),
    violates(gkeNodePool({ nodeConfig: undefined }), { code: "absentDefault", field: `${block}.enableSecureBoot` }),
    violates(gkeNodePool({ nodeConfig: nodes({ enableSecureBoot: true, enableIntegrityMonitoring: false }) }), { code: "notAllowed", field: `${block}.enableIntegrityMonitoring` }),
    violates(gkeClusterWithNodes({ enableShieldedNodes: false, nodeConfig: nodes({ enableSecureBoot: false }) }), [
        { code: "notAllowed", field: "enableShieldedNodes" },
        { code: "notAllowed", field: `${block}.enableSecureBoot` },
    ]),
    violates(gkeCluster({ nodePools: [{ nodeConfig: nodes({ enableSecureBoot: false }) }] }), { code: "notAllowed", field: "nodePools[0].nodeConfig.shieldedInstanceConfig.enableSecureBoot" }),
    undecided(gkeNodePool({ nodeConfig: nodes(unknown) }), `${block}`),
    undecided(gkeNodePool({ nodeConfig: nodes({ enableSecureBoot: unknown }) }), `${block}.enableSecureBoot`),
    undecided(gkeCluster({ enableShieldedNodes: unknown }), "enableShieldedNodes"),
    violates(gkeNodePool({ nodeConfig: nodes({ enableSecureBoot: "true" }) }), { code: "wrongType", field: `${block}.enableSecureBoot` }),
    passes(gkeClusterOutputs()),
    passes(gkeNodePoolOutputs()),
    violates(gkeNodePoolOutputs({ nodeConfig: [{ ...gkeNodeConfigState, shieldedInstanceConfig: [{ enableIntegrityMonitoring: true, enableSecureBoot: false }] }] }), { code: "notAllowed", field: `${block}.enableSecureBoot` }),
    ...gkeGarbage.flatMap(g => [garbage(gkeClusterWithNodes(g), undefined, gkeSecrets), garbage(gkeNodePool(g), undefined, gkeSecrets)]),
    noAutoRemediation(gkeNodePool({ nodeConfig: nodes(undefined) })),
]);
