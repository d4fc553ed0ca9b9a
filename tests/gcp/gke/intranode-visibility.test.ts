import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-intranode-visibility";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeAutopilot()),
    violates(gkeCluster({ enableIntranodeVisibility: undefined }), { code: "absentDefault", field: "enableIntranodeVisibility" }),
    violates(gkeCluster({ enableIntranodeVisibility: false }), { code: "notAllowed", field: "enableIntranodeVisibility" }),
    undecided(gkeCluster({ enableIntranodeVisibility: unknown }), "enableIntranodeVisibility"),
    violates(gkeCluster({ enableIntranodeVisibility: "true" }), { code: "wrongType", field: "enableIntranodeVisibility" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ enableIntranodeVisibility: false }), { code: "notAllowed", field: "enableIntranodeVisibility" }),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ enableIntranodeVisibility: false })),
]);
