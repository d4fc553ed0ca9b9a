import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeClusterWithNodes, gkeGarbage, gkeNodeConfigState, gkeNodePool, gkeNodePoolOutputs, gkeNodes, gkeSecrets } from "../../factories";

const policy = "gcp-gke-legacy-abac";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeCluster({ enableLegacyAbac: false })),
    violates(gkeCluster({ enableLegacyAbac: true }), { code: "notAllowed", field: "enableLegacyAbac" }),
    undecided(gkeCluster({ enableLegacyAbac: unknown }), "enableLegacyAbac"),
    violates(gkeCluster({ enableLegacyAbac: "false" }), { code: "wrongType", field: "enableLegacyAbac" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ enableLegacyAbac: true }), { code: "notAllowed", field: "enableLegacyAbac" }),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ enableLegacyAbac: true })),
]);
