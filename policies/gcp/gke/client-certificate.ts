import { defineResourcePolicy } from "../../lib/policy";
import { isFalse } from "../../lib/rules";
import { cluster, readAt } from "./facts";

const path = "masterAuth.clientCertificateConfig.issueClientCertificate";

export default defineResourcePolicy({
    name: "gcp-gke-client-certificate",
    description: "GKE clusters issue no client certificate: a static credential that cannot be revoked short of rotating the cluster's CA.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["gcp", "gke", "authentication"],
    anchors: { gcp: ["gcp-gke-04"], checkov: ["CKV_GCP_13"] },
    remediation:
        "Remove `masterAuth.clientCertificateConfig` from the `gcp.container.Cluster` or set `issueClientCertificate: false` (the default), and authenticate with IAM (`gke-gcloud-auth-plugin`).",
    check: r => {
        const read = readAt(r.props, ["masterAuth", "clientCertificateConfig"], "issueClientCertificate", "boolean");
        return isFalse(read, { path, absentMeans: false, fix: `remove ${path} or set it to false` });
    },
    noAutoRemediation: "changing it recreates the cluster",
});
