import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { unsetWhenEmpty, valueOf } from "../../lib/rules";
import { cluster, datapathProvider, managedOnAutopilot, readAt } from "./facts";

const fix = 'set datapathProvider: "ADVANCED_DATAPATH" (Dataplane V2), or networkPolicy: { enabled: true, provider: "CALICO" }';

export default defineResourcePolicy({
    name: "gcp-gke-network-policy",
    description: "GKE clusters enforce Kubernetes NetworkPolicy, through Dataplane V2 or the Calico network policy add-on, so pods can be isolated from each other.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "gke", "network", "segmentation"],
    anchors: { gcp: ["gcp-gke-10"], checkov: ["CKV_GCP_12"] },
    remediation:
        "Create the `gcp.container.Cluster` with `datapathProvider: \"ADVANCED_DATAPATH\"` (Dataplane V2 enforces NetworkPolicy), or set " +
        "`networkPolicy: { enabled: true, provider: \"CALICO\" }` with `addonsConfig.networkPolicyConfig.disabled: false`; then write NetworkPolicies for the PHI workloads.",
    check: r => {
        const managed = managedOnAutopilot(r, "the dataplane, which is always Dataplane V2");
        if (managed) return managed;
        const datapath = valueOf(unsetWhenEmpty(r.props.string(datapathProvider.field)), { path: datapathProvider.field, expected: "a string", fix, absent: "LEGACY_DATAPATH" });
        if (isOutcome(datapath) && datapath.kind === "violation") return datapath;
        if (!isOutcome(datapath) && datapath.trim().toUpperCase() === "ADVANCED_DATAPATH") return pass;
        const enabled = valueOf(readAt(r.props, ["networkPolicy"], "enabled", "boolean"), { path: "networkPolicy.enabled", expected: "a boolean", fix, absent: false });
        if (isOutcome(enabled) && enabled.kind === "violation") return enabled;
        if (enabled === true) return pass;
        if (isOutcome(datapath)) return datapath;
        if (isOutcome(enabled)) return enabled;
        return violation({ code: "noNetworkPolicy", field: "networkPolicy.enabled", problem: "neither datapathProvider is ADVANCED_DATAPATH nor networkPolicy.enabled is true, so NetworkPolicies are not enforced", fix });
    },
    noAutoRemediation: "the dataplane is chosen when the cluster is created, and the Calico add-on recreates every node",
});
