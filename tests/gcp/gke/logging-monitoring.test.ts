import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-logging-monitoring";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeCluster({ loggingConfig: undefined, monitoringConfig: undefined })),
    passes(gkeCluster({ loggingService: "logging.googleapis.com/kubernetes", monitoringService: "monitoring.googleapis.com/kubernetes" })),
    violates(gkeCluster({ loggingService: "none" }), { code: "notAllowed", field: "loggingService" }),
    violates(gkeCluster({ monitoringService: "none" }), { code: "notAllowed", field: "monitoringService" }),
    violates(gkeCluster({ loggingService: "none", monitoringService: "none" }), [{ code: "notAllowed", field: "loggingService" }, { code: "notAllowed", field: "monitoringService" }]),
    violates(gkeCluster({ loggingService: "elsewhere" }), { code: "unrecognised", field: "loggingService" }),
    // An empty component list turns logging off.
    violates(gkeCluster({ loggingConfig: { enableComponents: [] } }), { code: "systemComponentsOff", field: "loggingConfig.enableComponents" }),
    violates(gkeCluster({ loggingConfig: { enableComponents: ["WORKLOADS"] } }), { code: "systemComponentsOff", field: "loggingConfig.enableComponents" }),
    violates(gkeCluster({ monitoringConfig: { enableComponents: ["APISERVER"] } }), { code: "systemComponentsOff", field: "monitoringConfig.enableComponents" }),
    passes(gkeCluster({ monitoringConfig: { managedPrometheus: { enabled: true } } })),
    undecided(gkeCluster({ loggingService: unknown }), "loggingService"),
    undecided(gkeCluster({ loggingConfig: unknown }), "loggingConfig"),
    undecided(gkeCluster({ loggingConfig: { enableComponents: ["WORKLOADS", unknown] } }), "loggingConfig.enableComponents"),
    violates(gkeCluster({ loggingConfig: { enableComponents: "SYSTEM_COMPONENTS" } }), { code: "wrongType", field: "loggingConfig.enableComponents" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ loggingService: "none", loggingConfig: [{ enableComponents: [] }] }), [{ code: "notAllowed", field: "loggingService" }, { code: "systemComponentsOff", field: "loggingConfig.enableComponents" }]),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    remediates(gkeCluster({ loggingService: "none", monitoringService: "none" }), { loggingService: "logging.googleapis.com/kubernetes", monitoringService: "monitoring.googleapis.com/kubernetes" }),
    remediates(gkeCluster({ loggingConfig: { enableComponents: [] } }), "nothing"),
    remediates(gkeCluster({ loggingService: unknown }), "nothing"),
    remediates(gkeCluster(), "nothing"),
]);
