import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify, Props } from "../../lib/props";
import { blockOf, mergePatches, mustBeOneOf, valueOf } from "../../lib/rules";
import { cluster, loggingService, monitoringService } from "./facts";

const logging = mustBeOneOf(loggingService, ["logging.googleapis.com/kubernetes", "logging.googleapis.com"], { fix: 'set loggingService: "logging.googleapis.com/kubernetes"' });
const monitoring = mustBeOneOf(monitoringService, ["monitoring.googleapis.com/kubernetes", "monitoring.googleapis.com"], { fix: 'set monitoringService: "monitoring.googleapis.com/kubernetes"' });

/** A `loggingConfig`/`monitoringConfig` block that lists its components must list SYSTEM_COMPONENTS (an empty list turns them all off). */
function components(r: { props: Props }, block: "loggingConfig" | "monitoringConfig"): Outcome {
    const path = `${block}.enableComponents`;
    const fix = `set ${path} to a list that includes "SYSTEM_COMPONENTS" (and "WORKLOADS" for application logs)`;
    const config = blockOf(r.props.single(block), { path: block, fix });
    if (isOutcome(config)) return config;
    const list = valueOf(config.list("enableComponents"), { path, expected: "a list of strings", fix, absent: undefined });
    if (isOutcome(list) || list === undefined) return list ?? pass;
    const reads = list.map(c => classify(c, "string"));
    if (reads.some(c => c.state === "known" && c.value.trim().toUpperCase() === "SYSTEM_COMPONENTS")) return pass;
    if (reads.some(c => c.state === "unknown")) return { kind: "undecided", field: path };
    return violation({ code: "systemComponentsOff", field: path, problem: `${path} does not include SYSTEM_COMPONENTS, so the cluster's system ${block === "loggingConfig" ? "logs" : "metrics"} are not collected`, fix });
}

export default defineResourcePolicy({
    name: "gcp-gke-logging-monitoring",
    description: "GKE clusters send their logs to Cloud Logging and their metrics to Cloud Monitoring.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["gcp", "gke", "logging", "monitoring"],
    anchors: { gcp: ["gcp-gke-03"], checkov: ["CKV_GCP_1", "CKV_GCP_8"] },
    remediation:
        "On the `gcp.container.Cluster`, leave `loggingService` and `monitoringService` unset or set them to `logging.googleapis.com/kubernetes` and " +
        "`monitoring.googleapis.com/kubernetes` (never `none`), and if you set `loggingConfig.enableComponents` or `monitoringConfig.enableComponents`, include `SYSTEM_COMPONENTS`.",
    check: r => [logging.check(r.props, undefined), monitoring.check(r.props, undefined), components(r, "loggingConfig"), components(r, "monitoringConfig")],
    // Turning Cloud Logging and Monitoring back on changes no workload; which components to add is left to a person.
    remediate: r => mergePatches([logging.patch(r.props, undefined), monitoring.patch(r.props, undefined)]),
});
