import { defineResourcePolicy } from "../../lib/policy";
import { mustBeFalse } from "../../lib/rules";
import { autoCreateNetwork, autoCreateSubnetworks, network, project } from "./facts";

const networkMode = mustBeFalse(autoCreateSubnetworks, { fix: "set autoCreateSubnetworks: false and create the subnets the workload needs (gcp.compute.Subnetwork)" });
const defaultNetwork = mustBeFalse(autoCreateNetwork, { fix: "set autoCreateNetwork: false and create a custom-mode gcp.compute.Network" });

export default defineResourcePolicy({
    name: "gcp-vpc-custom-mode-network",
    description: "VPC networks are custom mode, and projects are created without the auto-mode default network (with its permissive default firewall rules).",
    severity: "medium",
    types: [network, project],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "vpc", "network"],
    anchors: { gcp: ["gcp-vpc-firewall-07", "gcp-vpc-firewall-08"], checkov: ["CKV_GCP_27", "CKV2_GCP_18", "CKV2_GCP_2"] },
    remediation:
        "On a `gcp.compute.Network`, set `autoCreateSubnetworks: false` (the default is true: one subnet in every region, without flow logs) and define the subnets with `gcp.compute.Subnetwork`. " +
        "On a `gcp.organizations.Project`, set `autoCreateNetwork: false` (the default is true: the `default` network with rules open to SSH, RDP and ICMP from anywhere). " +
        "Legacy (non-VPC) networks can no longer be created, so every network this checks is a VPC network.",
    check: r => (r.type === network ? networkMode : defaultNetwork).check(r.props, undefined),
    noAutoRemediation: "a network's mode is fixed at creation (changing it replaces the network and everything attached to it), and a project's default network only at project creation",
});
