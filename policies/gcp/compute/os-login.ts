import { booleanKnob } from "../../lib/knobs";
import { isOutcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { valueOf } from "../../lib/rules";
import { metadataMustBeTrue, vmTypes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-compute-os-login",
    description: "Compute Engine VMs use OS Login (SSH access tied to IAM identities) and ignore project-wide SSH keys.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["gcp", "compute", "authentication", "access-control"],
    anchors: { gcp: ["gcp-compute-05"], checkov: ["CKV_GCP_32"] },
    remediation:
        "Set `metadata: { \"enable-oslogin\": \"TRUE\", \"block-project-ssh-keys\": \"TRUE\" }` on the `gcp.compute.Instance` or instance template, " +
        "and grant users `roles/compute.osLogin` (or `roles/compute.osAdminLogin`) instead of distributing SSH keys.\n" +
        "If OS Login is enabled for the whole project (project metadata `enable-oslogin: TRUE`, or the organization policy " +
        "`constraints/compute.requireOsLogin`), set this policy's `osLoginEnforcedByProject: true`; an instance that sets `enable-oslogin` " +
        "to false still overrides the project and is reported.",
    knobs: {
        osLoginEnforcedByProject: booleanKnob({
            default: false,
            description: "Accept an instance that does not set enable-oslogin itself, because OS Login is enabled project-wide (project metadata or constraints/compute.requireOsLogin).",
        }),
    },
    check: (r, config) => {
        const metadata = valueOf(r.props.object("metadata"), { path: "metadata", expected: "a map of strings", fix: 'set metadata: { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" }', absent: undefined });
        if (isOutcome(metadata) && metadata.kind === "violation") return metadata;
        return [
            metadataMustBeTrue(r.props, "enable-oslogin", { absentMeans: config.osLoginEnforcedByProject, absentProblem: 'metadata["enable-oslogin"] is not set, so SSH access uses metadata keys instead of OS Login' }),
            metadataMustBeTrue(r.props, "block-project-ssh-keys", { absentMeans: false, absentProblem: 'metadata["block-project-ssh-keys"] is not set, so project-wide SSH keys can log in to this VM' }),
        ];
    },
    noAutoRemediation: "OS Login replaces metadata SSH keys with IAM roles, so users are locked out until a person grants them roles/compute.osLogin",
});
