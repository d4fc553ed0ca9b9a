import { isOutcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf, mergePatches, mustBeTrue } from "../../lib/rules";
import { enableIntegrityMonitoring, enableSecureBoot, enableVtpm, vmTypes } from "./facts";

const secureBoot = mustBeTrue(enableSecureBoot);
const vtpm = mustBeTrue(enableVtpm);
const integrityMonitoring = mustBeTrue(enableIntegrityMonitoring);

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
        "Changing it on a running instance needs `allowStoppingForUpdate: true`.",
    check: r => {
        const block = blockOf(r.props.single("shieldedInstanceConfig"), { path: "shieldedInstanceConfig", fix: "set shieldedInstanceConfig to a block with enableSecureBoot: true" });
        if (isOutcome(block)) return block;
        return [secureBoot, vtpm, integrityMonitoring].map(q => q.check(r.props, undefined));
    },
    // vTPM and integrity monitoring are safe to switch back on; Secure Boot is not: it only boots
    // images whose boot components (and drivers) are signed, so a person confirms the image first.
    remediate: r => mergePatches([vtpm.patch(r.props, undefined), integrityMonitoring.patch(r.props, undefined)]),
});
