import { isOutcome, notApplicable, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { unsetWhenEmpty, valueOf, isSet } from "../../lib/rules";
import { cluster, managedOnAutopilot, nodePool, onNodes, readAt, workloadMetadataModes } from "./facts";

const poolPath = "workloadIdentityConfig.workloadPool";

export default defineResourcePolicy({
    name: "gcp-gke-workload-identity",
    description: "GKE clusters use Workload Identity, and their nodes expose the GKE metadata server rather than the node's own credentials.",
    severity: "high",
    types: [cluster, nodePool],
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["01.c", "01.q"],
    tags: ["gcp", "gke", "iam", "least-privilege"],
    anchors: { gcp: ["gcp-gke-07"], checkov: ["CKV_GCP_69"] },
    remediation:
        "Set `workloadIdentityConfig: { workloadPool: \"<project>.svc.id.goog\" }` on the `gcp.container.Cluster`, and leave " +
        "`nodeConfig.workloadMetadataConfig.mode` unset or `GKE_METADATA` on its node pools (pools of a Workload Identity cluster default to it).",
    check: r => {
        const managed = managedOnAutopilot(r, "Workload Identity, which is always on");
        if (managed) return managed;
        const wi = r.type === cluster ? [isSet(unsetWhenEmpty(readAt(r.props, ["workloadIdentityConfig"], "workloadPool", "string")), { path: poolPath, fix: `set ${poolPath}: "<project>.svc.id.goog"`, missing: `${poolPath} is not set, so workloads use the node's service account` })] : [];
        const nodes = onNodes(r, "nodeConfig", b => {
            const path = `${b.path}.workloadMetadataConfig.mode`;
            const fix = `set ${path}: "GKE_METADATA" or remove it`;
            const mode = valueOf(unsetWhenEmpty(readAt(b.props, ["workloadMetadataConfig"], "mode", "string")), { path, expected: "a string", fix, absent: undefined });
            if (isOutcome(mode)) return [mode];
            if (mode === undefined) {
                return r.type === nodePool ? [notApplicable(`${path} is not set, so the pool follows its cluster's Workload Identity setting, which this policy checks on the cluster`)] : [pass];
            }
            if (mode.trim().toUpperCase() === "GKE_METADATA") return [pass];
            const known = workloadMetadataModes.includes(mode.trim().toUpperCase());
            return [violation({ code: known ? "notAllowed" : "unrecognised", field: path, problem: known ? `${path} is "${mode.trim().toUpperCase()}", so workloads can read the node's credentials` : `${path} is not a recognised value`, fix })];
        });
        return [...wi, ...nodes];
    },
    noAutoRemediation: "workloads must be bound to Google service accounts before Workload Identity replaces the node's credentials",
});
