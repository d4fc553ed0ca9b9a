import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeNodePool, gkeNodePoolOutputs, gkeSecrets } from "../../factories";

const policy = "gcp-gke-auto-repair-upgrade";

policyCases(policy, [
    passes(gkeNodePool()),
    passes(gkeNodePool({ management: undefined })),
    passes(gkeNodePool({ management: {} })),
    notApplicable(gkeAutopilot(), /auto-repair and auto-upgrade, which are always on/),
    notApplicable(gkeCluster(), /default pool/),
    violates(gkeNodePool({ management: { autoRepair: false, autoUpgrade: true } }), { code: "notAllowed", field: "management.autoRepair" }),
    violates(gkeNodePool({ management: { autoRepair: false, autoUpgrade: false } }), [{ code: "notAllowed", field: "management.autoRepair" }, { code: "notAllowed", field: "management.autoUpgrade" }]),
    violates(gkeCluster({ nodePools: [{ management: { autoUpgrade: false } }] }), { code: "notAllowed", field: "nodePools[0].management.autoUpgrade" }),
    passes(gkeCluster({ nodePools: [{ name: "a" }] })),
    undecided(gkeNodePool({ management: unknown }), "management"),
    undecided(gkeNodePool({ management: { autoRepair: unknown } }), "management.autoRepair"),
    violates(gkeNodePool({ management: { autoUpgrade: "no" } }), { code: "wrongType", field: "management.autoUpgrade" }),
    passes(gkeNodePoolOutputs()),
    passes(gkeClusterOutputs()),
    violates(gkeNodePoolOutputs({ management: [{ autoRepair: true, autoUpgrade: false }] }), { code: "notAllowed", field: "management.autoUpgrade" }),
    ...gkeGarbage.flatMap(g => [garbage(gkeCluster(g), undefined, gkeSecrets), garbage(gkeNodePool(g), undefined, gkeSecrets)]),
    remediates(gkeNodePool({ management: { autoRepair: false, autoUpgrade: false } }), { management: { autoRepair: true, autoUpgrade: true } }),
    remediates(gkeNodePoolOutputs({ management: [{ autoRepair: false, autoUpgrade: true }] }), { management: [{ autoRepair: true, autoUpgrade: true }] }),
    remediates(gkeNodePool({ management: { autoRepair: unknown, autoUpgrade: false } }), { management: { autoRepair: unknown, autoUpgrade: true } }),
    remediates(gkeNodePool(), "nothing"),
    remediates(gkeCluster({ nodePools: [{ management: { autoUpgrade: false } }] }), "nothing"),
]);
