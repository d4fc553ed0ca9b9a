import { booleanKnob } from "../../lib/knobs";
import { isOutcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify } from "../../lib/props";
import { blockOf, valueOf } from "../../lib/rules";
import { inherited, vmTypes } from "./facts";

const defaultComputeAccount = /^\d+-compute@developer\.gserviceaccount\.com$/i;
const scopePrefix = "https://www.googleapis.com/auth/";

/** Whether a scope, alias or URL, is cloud-platform (full access to every API the account's roles allow). */
function isFullAccessScope(scope: string): boolean {
    let s = scope.trim().toLowerCase();
    if (s.startsWith(scopePrefix)) s = s.slice(scopePrefix.length);
    return s === "cloud-platform";
}

type Tri = boolean | "unknown";

export default defineResourcePolicy({
    name: "gcp-compute-service-account",
    description: "Compute Engine VMs do not run as the default Compute Engine service account with full access to all Cloud APIs.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "compute", "iam", "least-privilege"],
    anchors: { gcp: ["gcp-compute-04"], checkov: ["CKV_GCP_30", "CKV_GCP_31"] },
    remediation:
        "Create a dedicated `gcp.serviceaccount.Account` with only the roles the workload needs and set `serviceAccount: { email: account.email, " +
        "scopes: [\"cloud-platform\"] }` (IAM roles then limit access). If the default account must be used, list only the scopes the workload needs. " +
        "An omitted `serviceAccount` block attaches no service account (on a VM built from a template or machine image, it keeps the source's); " +
        "a block without `email` uses the default account.",
    knobs: {
        forbidDefaultServiceAccount: booleanKnob({
            default: false,
            description: "Report the default Compute Engine service account with any scopes, not only with the full cloud-platform scope.",
        }),
    },
    check: (r, config) => {
        const fix = "set serviceAccount.email to a dedicated least-privilege gcp.serviceaccount.Account";
        const fromSource = inherited(r, "serviceAccount");
        if (fromSource) return fromSource;
        const block = r.props.single("serviceAccount");
        // No block: the provider attaches no service account at all (expandServiceAccounts sends an empty list).
        if (block.state === "absent") return pass;
        const sa = blockOf(block, { path: "serviceAccount", fix });
        if (isOutcome(sa)) return sa;

        // An unknown email or scope list may yet be the default account or the full scope: "unknown".
        const email = valueOf(sa.string("email"), { path: "serviceAccount.email", expected: "a string", fix, absent: "default" });
        if (isOutcome(email) && email.kind === "violation") return email;
        // The provider sends "default" for an omitted or empty email.
        const isDefault: Tri = isOutcome(email) ? "unknown" : email.trim() === "" || email.trim().toLowerCase() === "default" || defaultComputeAccount.test(email.trim());
        if (isDefault === false) return pass;

        let fullAccess: Tri = true; // with forbidDefaultServiceAccount, any scopes
        if (!config.forbidDefaultServiceAccount) {
            const scopes = valueOf(sa.list("scopes"), { path: "serviceAccount.scopes", expected: "a list", fix: "set serviceAccount.scopes to a list of scopes", absent: [] as unknown[] });
            if (isOutcome(scopes) && scopes.kind === "violation") return scopes;
            if (isOutcome(scopes)) fullAccess = "unknown";
            else {
                const reads = scopes.map(s => classify(s, "string"));
                fullAccess = reads.some(s => s.state === "known" && isFullAccessScope(s.value)) ? true : reads.some(s => s.state === "unknown") ? "unknown" : false;
            }
        }
        if (fullAccess === false) return pass;
        if (isDefault === "unknown") return undecided("serviceAccount.email");
        if (fullAccess === "unknown") return undecided("serviceAccount.scopes");
        return config.forbidDefaultServiceAccount
            ? violation({ code: "defaultServiceAccount", field: "serviceAccount.email", problem: "the VM runs as the default Compute Engine service account (serviceAccount.email)", fix })
            : violation({
                  code: "defaultServiceAccount",
                  field: "serviceAccount.scopes",
                  problem:
                      "the VM runs as the default Compute Engine service account with the cloud-platform scope (serviceAccount.email, serviceAccount.scopes), " +
                      "so it can call every Cloud API the account's project roles allow",
                  fix: `${fix}, or replace the cloud-platform scope with only the scopes the workload needs`,
              });
    },
    noAutoRemediation: "which service account and roles the workload needs is a person's choice",
});

