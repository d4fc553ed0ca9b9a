import { notApplicable } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isTrue, mergePatches, mustBeTrue } from "../../lib/rules";
import { autoRepair, autoUpgrade, gkeTypes, managedOnAutopilot, nodeBlocks, nodePool } from "./facts";

const fixes = [mustBeTrue(autoRepair), mustBeTrue(autoUpgrade)];

export default defineResourcePolicy({
    name: "gcp-gke-auto-repair-upgrade",
    description: "GKE node pools repair unhealthy nodes and upgrade them to patched versions automatically.",
    severity: "medium",
    types: gkeTypes,
    hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["gcp", "gke", "availability", "vulnerability-management"],
    anchors: { gcp: ["gcp-gke-11"], checkov: ["CKV_GCP_9", "CKV_GCP_10"] },
    remediation:
        "Leave `management.autoRepair` and `management.autoUpgrade` unset or true on each `gcp.container.NodePool` and on the cluster's inline `nodePools` " +
        "(both default to true); control when upgrades happen with a maintenance window.",
    check: r => {
        const managed = managedOnAutopilot(r, "node auto-repair and auto-upgrade, which are always on");
        if (managed) return managed;
        const { blocks, outcomes } = nodeBlocks(r, "management");
        if (blocks.length === 0 && outcomes.length === 0) return notApplicable("the cluster declares no node pools of its own: GKE turns auto-repair and auto-upgrade on for its default pool");
        return [
            ...outcomes,
            ...blocks.flatMap(b => [
                isTrue(b.props.boolean("autoRepair"), { path: `${b.path}.autoRepair`, absentMeans: true }),
                isTrue(b.props.boolean("autoUpgrade"), { path: `${b.path}.autoUpgrade`, absentMeans: true }),
            ]),
        ];
    },
    // Switching repair and upgrades back on replaces nodes only through GKE's surge upgrades, within maintenance windows.
    remediate: r => (r.type === nodePool ? mergePatches(fixes.map(f => f.patch(r.props, undefined))) : undefined),
});
