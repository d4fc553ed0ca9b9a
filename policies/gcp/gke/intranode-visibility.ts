import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { cluster, enableIntranodeVisibility } from "./facts";

export default attributeRule({
    name: "gcp-gke-intranode-visibility",
    description: "GKE clusters route pod-to-pod traffic on the same node through the VPC, so flow logs and firewall rules see it.",
    severity: "low",
    types: [cluster],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "12100.09ab2"],
    tags: ["gcp", "gke", "network", "logging"],
    anchors: { gcp: ["gcp-gke-12"], checkov: ["CKV_GCP_61"] },
    remediation: "Set `enableIntranodeVisibility: true` on the `gcp.container.Cluster` (the default is false) and turn on flow logs on its subnet.",
    requires: [mustBeTrue(enableIntranodeVisibility)],
    noAutoRemediation: "turning it on for an existing cluster restarts the control plane and node components",
});
