import { isOutcome, Outcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { blockOf, isSet } from "../../lib/rules";
import { gkeTypes, isAutopilot, onNodes } from "./facts";

function key(block: Props, blockPath: string): Outcome {
    const path = `${blockPath}.bootDiskKmsKey`;
    return isSet(block.string("bootDiskKmsKey"), {
        path,
        fix: `set ${path} to a Cloud KMS key (projects/…/cryptoKeys/…)`,
        missing: `${path} is not set, so the nodes' boot disks are encrypted with a Google-managed key`,
    });
}

export default defineResourcePolicy({
    name: "gcp-gke-boot-disk-encryption",
    description: "GKE nodes' boot disks are encrypted with a customer-managed Cloud KMS key.",
    severity: "high",
    types: gkeTypes,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "gke", "encryption", "cmek"],
    anchors: { gcp: ["gcp-gke-09"] },
    remediation:
        "Set `nodeConfig.bootDiskKmsKey` to a Cloud KMS key on each `gcp.container.NodePool` (and on the cluster's `nodeConfig`/`nodePools` when it keeps them), " +
        "or `clusterAutoscaling.autoProvisioningDefaults.bootDiskKmsKey` on an Autopilot cluster, and grant the Compute Engine service agent " +
        "`roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key.",
    check: r => {
        const autopilot = isAutopilot(r);
        if (isOutcome(autopilot)) return autopilot;
        if (autopilot) {
            const path = "clusterAutoscaling.autoProvisioningDefaults";
            const scaling = blockOf(r.props.single("clusterAutoscaling"), { path: "clusterAutoscaling", fix: `set ${path}.bootDiskKmsKey` });
            if (isOutcome(scaling)) return scaling;
            const defaults = blockOf(scaling.single("autoProvisioningDefaults"), { path, fix: `set ${path}.bootDiskKmsKey` });
            return isOutcome(defaults) ? defaults : key(defaults, path);
        }
        return onNodes(r, "nodeConfig", b => [key(b.props, b.path)]);
    },
    noAutoRemediation: "which key protects the disks is a person's choice, and changing it recreates the nodes",
});
