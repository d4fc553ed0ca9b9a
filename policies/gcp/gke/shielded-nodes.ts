import { isOutcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf, isTrue } from "../../lib/rules";
import { cluster, enableShieldedNodes, gkeTypes, managedOnAutopilot, onNodes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-gke-shielded-nodes",
    description: "GKE nodes are Shielded GKE nodes with Secure Boot and integrity monitoring on.",
    severity: "medium",
    types: gkeTypes,
    hipaa: ["164.312(c)(1)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["09.j"],
    tags: ["gcp", "gke", "integrity", "malware-protection"],
    anchors: { gcp: ["gcp-gke-06"], checkov: ["CKV_GCP_71", "CKV_GCP_68", "CKV_GCP_72"] },
    remediation:
        "Leave `enableShieldedNodes` unset or true on the `gcp.container.Cluster` (the default is true) and set " +
        "`nodeConfig.shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true }` on each `gcp.container.NodePool` " +
        "(and on the cluster's `nodeConfig`/`nodePools` when it keeps them). Secure Boot is off unless set; integrity monitoring is on unless set to false.",
    check: r => {
        const managed = managedOnAutopilot(r, "Shielded GKE nodes with Secure Boot");
        if (managed) return managed;
        const cluster_ = r.type === cluster ? [isTrue(r.props.boolean(enableShieldedNodes.field), { path: enableShieldedNodes.field, absentMeans: true })] : [];
        return [
            ...cluster_,
            ...onNodes(r, "nodeConfig", b => {
                const path = `${b.path}.shieldedInstanceConfig`;
                const shielded = blockOf(b.props.single("shieldedInstanceConfig"), { path, fix: `set ${path}.enableSecureBoot: true` });
                if (isOutcome(shielded)) return [shielded];
                return [
                    isTrue(shielded.boolean("enableSecureBoot"), { path: `${path}.enableSecureBoot`, absentMeans: false }),
                    isTrue(shielded.boolean("enableIntegrityMonitoring"), { path: `${path}.enableIntegrityMonitoring`, absentMeans: true }),
                ];
            }),
        ];
    },
    noAutoRemediation: "changing node settings recreates the pool's nodes, and Secure Boot boots only signed boot components and drivers; a person schedules it",
});
