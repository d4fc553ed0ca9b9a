import { publicIamGrants } from "../../lib/gcp-iam";
import { defineResourcePolicy } from "../../lib/policy";
import { isFalse } from "../../lib/rules";
import { iamTypes, invokerIamDisabled, serviceV2 } from "./facts";

export default defineResourcePolicy({
    name: "gcp-cloudrun-not-public",
    description: "No Cloud Run service, job or worker pool grants a role (roles/run.invoker above all) to allUsers or allAuthenticatedUsers, and no service turns the invoker IAM check off.",
    severity: "critical",
    types: [serviceV2, ...iamTypes],
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "cloudrun", "access-control", "public-access"],
    anchors: { gcp: ["gcp-cloud-run-01"], checkov: ["CKV_GCP_102"] },
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from `gcp.cloudrun.IamMember`/`IamBinding`/`IamPolicy` and `gcp.cloudrunv2.ServiceIamMember`/`ServiceIamBinding`/`ServiceIamPolicy` " +
        "(and the job and worker-pool IAM resources); grant `roles/run.invoker` to the calling service accounts. On a `gcp.cloudrunv2.Service`, remove `invokerIamDisabled` or set it to false.",
    check: r =>
        r.type === serviceV2
            ? isFalse(r.props.boolean(invokerIamDisabled.field), { path: invokerIamDisabled.field, absentMeans: false, fix: "remove invokerIamDisabled or set it to false, and grant roles/run.invoker to the callers" })
            : publicIamGrants(r.type, r.props, r.type.includes("/job") ? "the Cloud Run job" : r.type.includes("/workerPool") ? "the Cloud Run worker pool" : "the Cloud Run service"),
    noAutoRemediation: "removing public access cuts off whoever calls the service; a person decides who may invoke it instead",
});
