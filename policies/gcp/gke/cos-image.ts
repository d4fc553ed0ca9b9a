import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { unsetWhenEmpty, valueOf } from "../../lib/rules";
import { gkeTypes, imageTypes, managedOnAutopilot, onNodes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-gke-cos-image",
    description: "GKE nodes run Container-Optimized OS with containerd (COS_CONTAINERD), Google's hardened, minimal node image.",
    severity: "low",
    types: gkeTypes,
    hipaa: ["164.308(a)(5)(ii)(B)", "164.308(a)(1)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["gcp", "gke", "hardening", "vulnerability-management"],
    anchors: { gcp: ["gcp-gke-12"], checkov: ["CKV_GCP_22"] },
    remediation: "Leave `nodeConfig.imageType` unset (GKE's default is COS_CONTAINERD) or set it to `COS_CONTAINERD` on each `gcp.container.NodePool` and on the cluster's node settings.",
    check: r =>
        managedOnAutopilot(r, "the node image, which is always Container-Optimized OS") ??
        onNodes(r, "nodeConfig", b => {
            const path = `${b.path}.imageType`;
            const fix = `set ${path}: "COS_CONTAINERD" or remove it`;
            const image = valueOf(unsetWhenEmpty(b.props.string("imageType")), { path, expected: "a string", fix, absent: "COS_CONTAINERD" });
            if (isOutcome(image)) return [image];
            const upper = image.trim().toUpperCase();
            if (upper === "COS_CONTAINERD") return [pass];
            return [imageTypes.includes(upper) ? violation({ code: "notAllowed", field: path, problem: `${path} is "${upper}"`, fix }) : violation({ code: "unrecognised", field: path, problem: `${path} is not a recognised value`, fix })];
        }),
    noAutoRemediation: "changing the node image recreates the nodes, and workloads may depend on the current image",
});
