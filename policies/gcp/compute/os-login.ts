import { isOutcome, notApplicable, Outcome, pass } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { valueOf } from "../../lib/rules";
import { inherited, inheritedKey, itemAsMetadata, metadataMustBeTrue, projectMetadata, projectMetadataItem, vmTypes } from "./facts";

const key = "enable-oslogin";

/** Project metadata: enable-oslogin there, when set, must not turn OS Login off for the VMs that leave it to the project. */
function projectOsLogin(r: Resource): Outcome {
    const what = { absentMeans: true, absentProblem: "" };
    if (r.type === projectMetadata) return metadataMustBeTrue(r.props, key, what);
    const item = itemAsMetadata(r.props, key);
    if (item === undefined) return pass;
    return isOutcome(item) ? item : metadataMustBeTrue(item, key, { ...what, path: "value" });
}

export default defineResourcePolicy({
    name: "gcp-compute-os-login",
    description: "Compute Engine VMs use OS Login (SSH access tied to IAM identities) and ignore project-wide SSH keys; project metadata does not turn OS Login off.",
    severity: "high",
    types: [...vmTypes, projectMetadata, projectMetadataItem],
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["gcp", "compute", "authentication", "access-control"],
    anchors: { gcp: ["gcp-compute-05", "gcp-compute-06"], checkov: ["CKV_GCP_32", "CKV_GCP_34"] },
    remediation:
        "Set `metadata: { \"enable-oslogin\": \"TRUE\", \"block-project-ssh-keys\": \"TRUE\" }` on the `gcp.compute.Instance` or instance template, " +
        "and grant users `roles/compute.osLogin` (or `roles/compute.osAdminLogin`) instead of distributing SSH keys. Metadata keys are case-sensitive: " +
        "use these spellings, and no other spelling of the same key.\n" +
        "A VM or template that leaves `enable-oslogin` out takes it from project metadata: gcp-compute-inherited-settings decides that key " +
        "with the stack's `gcp.compute.ProjectMetadata` / `ProjectMetadataItem` (or its `osLoginEnforcedByProject` knob when OS Login is " +
        "enabled project-wide outside this stack, e.g. by `constraints/compute.requireOsLogin`); a VM that sets it to false overrides the project " +
        "and is reported here. A `gcp.compute.ProjectMetadata` (or `ProjectMetadataItem`) that sets `enable-oslogin` to false turns OS Login off " +
        "for every VM that does not set it: remove it or set it to \"TRUE\".",
    check: r => {
        if (r.type === projectMetadata || r.type === projectMetadataItem) return projectOsLogin(r);
        const fromSource = inherited(r, "metadata");
        if (fromSource) return fromSource;
        const metadata = valueOf(r.props.object("metadata"), { path: "metadata", expected: "a map of strings", fix: 'set metadata: { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" }', absent: undefined });
        if (isOutcome(metadata) && metadata.kind === "violation") return metadata;
        // A template-built VM's metadata map may be merged with its source's: a key it leaves out is inherited.
        const absent = (k: string) => inheritedKey(r, k);
        // Left out, enable-oslogin comes from the project: only the stack shows whether its metadata turns OS Login on.
        const fromProject = notApplicable('metadata["enable-oslogin"] is not set on the VM, so it comes from project metadata, which gcp-compute-inherited-settings checks');
        return [
            metadataMustBeTrue(r.props, key, { absentMeans: false, absentProblem: "", absent: absent(key) ?? fromProject }),
            metadataMustBeTrue(r.props, "block-project-ssh-keys", { absentMeans: false, absentProblem: 'metadata["block-project-ssh-keys"] is not set, so project-wide SSH keys can log in to this VM', absent: absent("block-project-ssh-keys") }),
        ];
    },
    noAutoRemediation: "OS Login replaces metadata SSH keys with IAM roles, so users are locked out until a person grants them roles/compute.osLogin",
});
