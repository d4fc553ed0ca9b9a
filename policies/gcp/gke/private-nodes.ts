import { notApplicable } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isTrue } from "../../lib/rules";
import { cluster, enablePrivateNodes, gkeTypes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-gke-private-nodes",
    description: "GKE nodes have internal IP addresses only (private nodes), so they cannot be reached from the internet.",
    severity: "high",
    types: gkeTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "gke", "network", "public-access"],
    anchors: { gcp: ["gcp-gke-01"], checkov: ["CKV_GCP_64", "CKV_GCP_25"] },
    remediation:
        "Set `privateClusterConfig: { enablePrivateNodes: true }` on the `gcp.container.Cluster` (the default is false) and reach the internet through Cloud NAT if the nodes need it. " +
        "On a `gcp.container.NodePool`, do not set `networkConfig.enablePrivateNodes: false` (the pool then follows its cluster).",
    check: r => {
        if (r.type === cluster) return isTrue(r.props.within("privateClusterConfig", "enablePrivateNodes", "boolean"), { path: enablePrivateNodes.path, absentMeans: false });
        const read = r.props.within("networkConfig", "enablePrivateNodes", "boolean");
        if (read.state === "absent") return notApplicable("networkConfig.enablePrivateNodes is not set, so the pool follows its cluster's privateClusterConfig.enablePrivateNodes, which this policy checks on the cluster");
        return isTrue(read, { path: "networkConfig.enablePrivateNodes", absentMeans: false, fix: "set networkConfig.enablePrivateNodes: true, or remove it" });
    },
    noAutoRemediation: "making nodes private cuts their direct internet access and may recreate the cluster; a person plans egress (Cloud NAT) first",
});
