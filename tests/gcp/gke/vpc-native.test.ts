import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-vpc-native";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeCluster({ networkingMode: undefined })),
    notApplicable(gkeAutopilot(), /VPC-native networking/),
    violates(gkeCluster({ networkingMode: "ROUTES" }), { code: "notAllowed", field: "networkingMode" }),
    violates(gkeCluster({ networkingMode: "MESH" }), { code: "unrecognised", field: "networkingMode" }),
    undecided(gkeCluster({ networkingMode: unknown }), "networkingMode"),
    violates(gkeCluster({ networkingMode: 1 }), { code: "wrongType", field: "networkingMode" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ networkingMode: "ROUTES", ipAllocationPolicy: [] }), { code: "notAllowed", field: "networkingMode" }),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ networkingMode: "ROUTES" })),
]);
