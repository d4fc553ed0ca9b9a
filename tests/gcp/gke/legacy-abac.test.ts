import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

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
