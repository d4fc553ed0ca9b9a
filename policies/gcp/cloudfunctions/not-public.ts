import { publicIamGrants } from "../../lib/gcp-iam";
import { defineResourcePolicy } from "../../lib/policy";
import { iamTypes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-cloudfunctions-not-public",
    description: "No Cloud Function grants a role (roles/cloudfunctions.invoker above all) to allUsers or allAuthenticatedUsers.",
    severity: "critical",
    types: iamTypes,
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "cloudfunctions", "access-control", "public-access"],
    anchors: { gcp: ["gcp-cloud-functions-01"], checkov: ["CKV_GCP_107"] },
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from `gcp.cloudfunctions.FunctionIamMember`/`FunctionIamBinding`/`FunctionIamPolicy` and the " +
        "`gcp.cloudfunctionsv2` equivalents, and grant the invoker role to the calling service accounts. A 2nd gen function is also invoked through its " +
        "Cloud Run service: keep `roles/run.invoker` on that service private too (gcp-cloudrun-not-public).",
    check: r => publicIamGrants(r.type, r.props, "the function"),
    noAutoRemediation: "removing public access cuts off whoever calls the function; a person decides who may invoke it instead",
});
