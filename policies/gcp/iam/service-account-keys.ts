// No user-managed service account keys (CIS GCP 1.4): a key is a long-lived credential that works
// from anywhere until someone deletes it. Workloads on Google Cloud use their attached service
// account; workloads elsewhere use Workload Identity Federation.

import { serviceFact } from "../../lib/facts";
import { violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { serviceAccountKey } from "./facts";

serviceFact({ about: "gcp.serviceaccount.Key", says: "creates a user-managed key (a generated key pair, or an uploaded publicKeyData): valid until deleted, usable from anywhere", source: "cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys" });

export default defineResourcePolicy({
    name: "gcp-iam-service-account-keys",
    description: "The stack creates no user-managed service account keys.",
    severity: "high",
    types: [serviceAccountKey],
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["01.q", "01.c"],
    tags: ["gcp", "iam", "credentials", "service-accounts"],
    anchors: { gcp: ["gcp-iam-06"], checkov: ["CKV2_GCP_3"] },
    remediation:
        "Remove the `gcp.serviceaccount.Key`. Workloads on Google Cloud use the service account attached to them (`serviceAccount` on the VM, " +
        "node pool, Cloud Run service or function); workloads elsewhere use Workload Identity Federation (`gcp.iam.WorkloadIdentityPool`). " +
        "Enforce the `iam.disableServiceAccountKeyCreation` organization policy. Where a key is unavoidable, waive this policy for that " +
        "resource with a reason and an expiry, and rotate the key.",
    check: () => violation({ code: "userManagedKey", problem: "the stack creates a user-managed service account key, a long-lived credential usable from anywhere", fix: "remove the gcp.serviceaccount.Key and use an attached service account or Workload Identity Federation" }),
    noAutoRemediation: "removing a key breaks whatever authenticates with it until it moves to an attached identity",
});
