import { defineResourcePolicy } from "../../lib/policy";
import { mustBeOneOf } from "../../lib/rules";
import { cluster, managedOnAutopilot, networkingMode } from "./facts";

const vpcNative = mustBeOneOf(networkingMode, ["VPC_NATIVE"], { fix: 'set networkingMode: "VPC_NATIVE" with an ipAllocationPolicy' });

export default defineResourcePolicy({
    name: "gcp-gke-vpc-native",
    description: "GKE clusters are VPC-native (alias IPs), so pod traffic is subject to VPC firewall rules and anti-spoofing checks.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "gke", "network", "segmentation"],
    anchors: { gcp: ["gcp-gke-12"], checkov: ["CKV_GCP_23"] },
    remediation: "Leave `networkingMode` unset (new clusters are VPC_NATIVE) or set it to `VPC_NATIVE` on the `gcp.container.Cluster`, with an `ipAllocationPolicy` naming the pod and service ranges; never `ROUTES`.",
    check: r => managedOnAutopilot(r, "VPC-native networking, which is always on") ?? vpcNative.check(r.props, undefined),
    noAutoRemediation: "a cluster's networking mode is fixed when it is created",
});
