import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-binary-authorization";
const path = "binaryAuthorization.evaluationMode";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeAutopilot()),
    passes(gkeCluster({ binaryAuthorization: { enabled: true } })),
    violates(gkeCluster({ binaryAuthorization: undefined }), { code: "absentDefault", field: path }),
    violates(gkeCluster({ binaryAuthorization: { enabled: false } }), { code: "absentDefault", field: path }),
    violates(gkeCluster({ binaryAuthorization: { evaluationMode: "DISABLED" } }), { code: "notAllowed", field: path }),
    violates(gkeCluster({ binaryAuthorization: { evaluationMode: "maybe" } }), { code: "unrecognised", field: path }),
    undecided(gkeCluster({ binaryAuthorization: unknown }), path),
    undecided(gkeCluster({ binaryAuthorization: { evaluationMode: unknown } }), path),
    violates(gkeCluster({ binaryAuthorization: { enabled: "yes" } }), { code: "wrongType", field: "binaryAuthorization.enabled" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ binaryAuthorization: [{ enabled: false, evaluationMode: "" }] }), { code: "absentDefault", field: path }),
    passes(gkeClusterOutputs({ binaryAuthorization: [{ enabled: true, evaluationMode: "" }] })),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ binaryAuthorization: undefined })),
]);
