import { isOutcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf, mergePatches, mustBeTrue } from "../../lib/rules";
import { derivedIntegrityMonitoring, derivedVmTypes, derivedVtpm, enableIntegrityMonitoring, enableSecureBoot, enableVtpm, inherited, vmTypes } from "./facts";

const secureBoot = mustBeTrue(enableSecureBoot);
/** vTPM and integrity monitoring: on unless set to false, except in a template-built VM's overriding block. */
const onByDefault = (type: string) =>
    derivedVmTypes.includes(type) ? [mustBeTrue(derivedVtpm), mustBeTrue(derivedIntegrityMonitoring)] : [mustBeTrue(enableVtpm), mustBeTrue(enableIntegrityMonitoring)];

export default defineResourcePolicy({
    name: "gcp-compute-shielded-vm",
    description: "Compute Engine VMs run as Shielded VMs with Secure Boot, vTPM and integrity monitoring on.",
    severity: "medium",
    types: vmTypes,
    hipaa: ["164.312(c)(1)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["09.j"],
    tags: ["gcp", "compute", "integrity", "malware-protection"],
    anchors: { gcp: ["gcp-compute-09"], checkov: ["CKV_GCP_39"] },
    remediation:
        "Boot from an image that supports Shielded VM and set `shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true }` " +
        "on the `gcp.compute.Instance` or instance template. Secure Boot is off unless set; vTPM and integrity monitoring are on unless set to false. " +
        "On a `gcp.compute.InstanceFromTemplate` / `InstanceFromMachineImage`, a `shieldedInstanceConfig` block replaces the source's whole block " +
        "and every field left out of it is sent as false, so set all three. Changing it on a running instance needs `allowStoppingForUpdate: true`.",
    check: r => {
        const fromSource = inherited(r, "shieldedInstanceConfig");
        if (fromSource) return fromSource;
        const block = blockOf(r.props.single("shieldedInstanceConfig"), { path: "shieldedInstanceConfig", fix: "set shieldedInstanceConfig to a block with enableSecureBoot: true" });
        if (isOutcome(block)) return block;
        return [secureBoot, ...onByDefault(r.type)].map(q => q.check(r.props, undefined));
    },
    // vTPM and integrity monitoring are safe to switch back on; Secure Boot is not: it only boots
    // images whose boot components (and drivers) are signed, so a person confirms the image first.
    remediate: r => mergePatches(onByDefault(r.type).map(q => q.patch(r.props, undefined))),
});
