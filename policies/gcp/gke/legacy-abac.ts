import { attributeRule } from "../../lib/attribute-rule";
import { mustBeFalse } from "../../lib/rules";
import { cluster, enableLegacyAbac } from "./facts";

export default attributeRule({
    name: "gcp-gke-legacy-abac",
    description: "GKE clusters authorize with RBAC and IAM only: legacy ABAC, which grants broad static permissions, is off.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "gke", "access-control", "least-privilege"],
    anchors: { gcp: ["gcp-gke-04"], checkov: ["CKV_GCP_7"] },
    remediation: "Remove `enableLegacyAbac` from the `gcp.container.Cluster` or set it to false (the default), and grant access with Kubernetes RBAC and IAM.",
    requires: [mustBeFalse(enableLegacyAbac)],
    noAutoRemediation: "workloads may rely on the permissions ABAC grants; a person moves them to RBAC first",
});
