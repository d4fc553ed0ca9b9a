import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { blockOf, valueOf } from "../../lib/rules";
import { defaultComputeAccount, gkeTypes, isAutopilot, onNodes } from "./facts";

const fix = (path: string) => `set ${path} to a dedicated least-privilege gcp.serviceaccount.Account's email (roles/container.defaultNodeServiceAccount)`;

/** The nodes' service account at `path` (a block's `serviceAccount`) is not the Compute Engine default one. */
function account(block: Props, blockPath: string): Outcome {
    const path = `${blockPath}.serviceAccount`;
    const email = valueOf(block.string("serviceAccount"), { path, expected: "a string", fix: fix(path), absent: "" });
    if (isOutcome(email)) return email;
    const text = email.trim();
    if (text === "") return violation({ code: "defaultServiceAccount", field: path, problem: `${path} is not set, so the nodes run as the Compute Engine default service account`, fix: fix(path) });
    return defaultComputeAccount.test(text) ? violation({ code: "defaultServiceAccount", field: path, problem: `${path} is the Compute Engine default service account`, fix: fix(path) }) : pass;
}

export default defineResourcePolicy({
    name: "gcp-gke-node-service-account",
    description: "GKE nodes run as a dedicated least-privilege service account, not the Compute Engine default service account (which has the project Editor role by default).",
    severity: "high",
    types: gkeTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "gke", "iam", "least-privilege"],
    anchors: { gcp: ["gcp-gke-05"], checkov: ["CKV2_GCP_1"] },
    remediation:
        "Create a `gcp.serviceaccount.Account` for the nodes, grant it `roles/container.defaultNodeServiceAccount`, and set `nodeConfig.serviceAccount` to its email on each " +
        "`gcp.container.NodePool` (and on the cluster's `nodeConfig`/`nodePools` when it keeps them); on an Autopilot cluster set " +
        "`clusterAutoscaling.autoProvisioningDefaults.serviceAccount`. An omitted service account is the Compute Engine default one.",
    check: r => {
        const autopilot = isAutopilot(r);
        if (isOutcome(autopilot)) return autopilot;
        if (autopilot) {
            const path = "clusterAutoscaling.autoProvisioningDefaults";
            const scaling = blockOf(r.props.single("clusterAutoscaling"), { path: "clusterAutoscaling", fix: fix(`${path}.serviceAccount`) });
            if (isOutcome(scaling)) return scaling;
            const defaults = blockOf(scaling.single("autoProvisioningDefaults"), { path, fix: fix(`${path}.serviceAccount`) });
            return isOutcome(defaults) ? defaults : account(defaults, path);
        }
        return onNodes(r, "nodeConfig", b => [account(b.props, b.path)]);
    },
    noAutoRemediation: "which service account and roles the nodes need is a person's choice, and changing it recreates the nodes",
});
