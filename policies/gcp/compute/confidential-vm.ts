// Confidential VM (memory encrypted in use, AMD SEV / SEV-SNP or Intel TDX) where the organisation
// demands it. It needs particular machine series, so it is off unless the policy's knob asks for it.

import { booleanAttribute, gcpTypes } from "../../lib/facts";
import { booleanKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { unsetWhenEmpty, valueOf } from "../../lib/rules";
import { declaredVmTypes, instanceFromTemplate } from "./facts";

const types = [...declaredVmTypes, instanceFromTemplate];
const enableConfidentialCompute = booleanAttribute({ types, block: "confidentialInstanceConfig", field: "enableConfidentialCompute", default: false, source: gcpTypes("compute/instance") });
const confidentialTypes = ["SEV", "SEV_SNP", "TDX"];
const fix = 'set confidentialInstanceConfig: { confidentialInstanceType: "SEV_SNP" } (or "SEV", "TDX") on a machine type that supports it, with scheduling.onHostMaintenance "TERMINATE"';

const knobs = {
    required: booleanKnob({ default: false, description: "Require Confidential VM (memory encrypted in use) on every VM and template in scope. Off: the policy does not apply." }),
};

export default defineResourcePolicy({
    name: "gcp-compute-confidential-vm",
    description: "Where required (knob `required`), VMs and instance templates run as Confidential VMs, with memory encrypted in use.",
    severity: "medium",
    types,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "0903.10f1"],
    tags: ["gcp", "compute", "encryption"],
    anchors: { gcp: ["gcp-compute-10"] },
    knobs,
    remediation:
        'Set `confidentialInstanceConfig: { confidentialInstanceType: "SEV_SNP" }` (or `"SEV"`, `"TDX"`; the older `enableConfidentialCompute: true` means SEV) on the `gcp.compute.Instance` or instance template, ' +
        "with a machine type of a series that supports it (N2D, C2D, C3D for AMD; C3 for TDX) and `scheduling.onHostMaintenance: \"TERMINATE\"` where the series needs it. " +
        "The policy applies only with its knob `required: true` (scope it to PHI workloads with `scope`). A VM built from a template that sets nothing of its own takes the template's setting, checked on the template.",
    check: (r, config) => {
        if (!config.required) return notApplicable("Confidential VM is not required (the policy's knob required is false)");
        if (r.type === instanceFromTemplate && !r.props.has("confidentialInstanceConfig")) return notApplicable("confidentialInstanceConfig comes from the VM's source template, which this policy checks");
        const block = valueOf(r.props.single("confidentialInstanceConfig"), { path: "confidentialInstanceConfig", expected: "a block", fix, absent: undefined });
        if (isOutcome(block)) return block;
        if (block === undefined) return violation({ code: "notConfidential", field: "confidentialInstanceConfig", problem: "confidentialInstanceConfig is not set, so the VM is not a Confidential VM", fix });
        const kind = valueOf(unsetWhenEmpty(block.string("confidentialInstanceType")), { path: "confidentialInstanceConfig.confidentialInstanceType", expected: "a string", fix, absent: undefined });
        if (isOutcome(kind)) return kind;
        if (kind !== undefined) {
            return confidentialTypes.includes(kind.trim().toUpperCase())
                ? pass
                : violation({ code: "unrecognised", field: "confidentialInstanceConfig.confidentialInstanceType", problem: "confidentialInstanceConfig.confidentialInstanceType is not a Confidential VM technology", fix });
        }
        const enabled = valueOf(block.boolean(enableConfidentialCompute.field), { path: enableConfidentialCompute.path, expected: "a boolean", fix, absent: false });
        if (isOutcome(enabled)) return enabled;
        return enabled ? pass : violation({ code: "notConfidential", field: enableConfidentialCompute.path, problem: `${enableConfidentialCompute.path} is not true and no confidentialInstanceType is set, so the VM is not a Confidential VM`, fix });
    },
    noAutoRemediation: "Confidential VM needs a machine type that supports it and replaces or stops the VM, so which series to move to is a person's choice",
});
