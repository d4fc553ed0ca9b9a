import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-network-policy";

policyCases(policy, [
    passes(gkeCluster()),
    notApplicable(gkeAutopilot(), /always Dataplane V2/),
    passes(gkeCluster({ datapathProvider: undefined, networkPolicy: { enabled: true, provider: "CALICO" } })),
    passes(gkeCluster({ datapathProvider: "advanced_datapath" })),
    violates(gkeCluster({ datapathProvider: undefined }), { code: "noNetworkPolicy", field: "networkPolicy.enabled" }),
    violates(gkeCluster({ datapathProvider: "LEGACY_DATAPATH", networkPolicy: { enabled: false } }), { code: "noNetworkPolicy", field: "networkPolicy.enabled" }),
    undecided(gkeCluster({ datapathProvider: unknown }), "datapathProvider"),
    undecided(gkeCluster({ datapathProvider: undefined, networkPolicy: unknown }), "networkPolicy.enabled"),
    passes(gkeCluster({ datapathProvider: unknown, networkPolicy: { enabled: true } })),
    violates(gkeCluster({ datapathProvider: 2 }), { code: "wrongType", field: "datapathProvider" }),
    violates(gkeCluster({ datapathProvider: undefined, networkPolicy: { enabled: "true" } }), { code: "wrongType", field: "networkPolicy.enabled" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ datapathProvider: "" }), { code: "noNetworkPolicy", field: "networkPolicy.enabled" }),
    passes(gkeClusterOutputs({ datapathProvider: "LEGACY_DATAPATH", networkPolicy: [{ enabled: true, provider: "CALICO" }] })),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ datapathProvider: undefined })),
]);
