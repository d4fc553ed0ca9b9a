import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplate, instanceTemplateOutputs, vms } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, shielded as shieldedOn, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./fixtures";

const policy = "gcp-compute-shielded-vm";
const block = "shieldedInstanceConfig";
const shielded = { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true };

policyCases(policy, [
    ...vms().map(r => passes(r)),
    // Secure Boot is off unless set; vTPM and integrity monitoring are on unless set to false.
    ...vms({ [block]: { enableSecureBoot: true } }).map(r => passes(r)),
    ...vms({ [block]: undefined }).map(r => violates(r, { code: "absentDefault", field: `${block}.enableSecureBoot` })),
    violates(instance({ [block]: { enableVtpm: true } }), { code: "absentDefault", field: `${block}.enableSecureBoot` }),
    violates(instance({ [block]: { ...shielded, enableSecureBoot: false } }), { code: "notAllowed", field: `${block}.enableSecureBoot` }),
    violates(instance({ [block]: { ...shielded, enableVtpm: false } }), { code: "notAllowed", field: `${block}.enableVtpm` }),
    violates(instanceTemplate({ [block]: { ...shielded, enableIntegrityMonitoring: false } }), { code: "notAllowed", field: `${block}.enableIntegrityMonitoring` }),
    violates(instance({ [block]: { enableSecureBoot: false, enableVtpm: false, enableIntegrityMonitoring: false } }), [
        { code: "notAllowed", field: `${block}.enableSecureBoot` },
        { code: "notAllowed", field: `${block}.enableVtpm` },
        { code: "notAllowed", field: `${block}.enableIntegrityMonitoring` },
    ]),
    undecided(instance({ [block]: unknown }), block),
    undecided(instance({ [block]: { ...shielded, enableSecureBoot: unknown } }), `${block}.enableSecureBoot`),
    violates(instance({ [block]: { ...shielded, enableSecureBoot: "true" } }), { code: "wrongType", field: `${block}.enableSecureBoot` }),
    violates(instance({ [block]: "on" }), { code: "wrongType", field: block }),
    // The provider's one-element list form of the block.
    passes(instance({ [block]: [shielded] })),
    ...computeGarbage.flatMap(props => vms(props).map(r => garbage(r, undefined, computeSecrets))),
    // vTPM and integrity monitoring are switched back on, never Secure Boot, keeping the rest of the block.
    remediates(instance({ [block]: { enableSecureBoot: false, enableVtpm: false, enableIntegrityMonitoring: unknown } }), {
        [block]: { enableSecureBoot: false, enableVtpm: true, enableIntegrityMonitoring: unknown },
    }),
    remediates(instanceTemplate({ [block]: { ...shielded, enableIntegrityMonitoring: false } }), { [block]: shielded }),
    remediates(instance(), "nothing"),
    remediates(instance({ [block]: unknown }), "nothing"),
    remediates(instance({ [block]: undefined }), "nothing"),
    remediates(instance({ [block]: { ...shielded, enableSecureBoot: false } }), "nothing"),
    remediates(instance({ [block]: { ...shielded, enableVtpm: "false" } }), "nothing"),
    remediates(instance({ [block]: secret({ ...shielded, enableVtpm: false }) }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(instanceOutputs()),
    passes(instanceTemplateOutputs()),
    // Compute Engine's default: Secure Boot off.
    violates(instanceOutputs({ [block]: { enableIntegrityMonitoring: true, enableSecureBoot: false, enableVtpm: true } }), { code: "notAllowed", field: `${block}.enableSecureBoot` }),
    remediates(instanceOutputs({ [block]: { enableIntegrityMonitoring: false, enableSecureBoot: true, enableVtpm: true } }), { [block]: shielded }),
    // The one-element list form older exports keep: checked, and fixed in that form.
    passes(instanceOutputs({ [block]: [shielded] })),
    violates(instanceOutputs({ [block]: [{ ...shielded, enableIntegrityMonitoring: false }] }), { code: "notAllowed", field: `${block}.enableIntegrityMonitoring` }),
    remediates(instanceOutputs({ [block]: [{ ...shielded, enableIntegrityMonitoring: false }] }), { [block]: [{ ...shielded, enableIntegrityMonitoring: true }] }),
    remediates(instanceOutputs({ [block]: [{ ...shielded, enableVtpm: false, enableIntegrityMonitoring: false }] }), { [block]: [shielded] }),
    // Both safe fixes of one block land together, whatever else the block holds.
    remediates(instance({ [block]: { ...shielded, enableVtpm: false, enableIntegrityMonitoring: false } }), { [block]: shielded }),
]);

// Templates, machine images, project metadata and outputs: gcp-compute-shieldedOn-vm on VMs built from a template or machine image (an overriding
// block is sent whole, its omitted fields as false) and on outputs-shaped instances.



policyCases(policy, [
    // Outputs: the recorded state has Secure Boot off.
    violates(stateInstance({ shieldedInstanceConfig: stateInstanceRecorded.shieldedInstanceConfig }), { code: "notAllowed", field: "shieldedInstanceConfig.enableSecureBoot" }),
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    violates(stateFromImage({ shieldedInstanceConfig: { ...shieldedOn, enableVtpm: false } }), { code: "notAllowed", field: "shieldedInstanceConfig.enableVtpm" }),
    // Inputs: no block means the source's block, which the stack policy checks.
    notApplicable(fromTemplate(), /shieldedInstanceConfig comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /shieldedInstanceConfig comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ shieldedInstanceConfig: shieldedOn })),
    // An overriding block replaces the template's whole block: what it leaves out is sent as false.
    violates(fromTemplate({ shieldedInstanceConfig: { enableSecureBoot: true } }), [
        { code: "absentDefault", field: "shieldedInstanceConfig.enableVtpm" },
        { code: "absentDefault", field: "shieldedInstanceConfig.enableIntegrityMonitoring" },
    ]),
    violates(fromImage({ shieldedInstanceConfig: { enableVtpm: true, enableIntegrityMonitoring: true } }), { code: "absentDefault", field: "shieldedInstanceConfig.enableSecureBoot" }),
    violates(fromTemplate({ shieldedInstanceConfig: { ...shieldedOn, enableSecureBoot: false } }), { code: "notAllowed", field: "shieldedInstanceConfig.enableSecureBoot" }),
    undecided(fromTemplate({ shieldedInstanceConfig: unknown }), "shieldedInstanceConfig"),
    undecided(fromTemplate({ shieldedInstanceConfig: { ...shieldedOn, enableVtpm: unknown } }), "shieldedInstanceConfig.enableVtpm"),
    remediates(fromTemplate({ shieldedInstanceConfig: { enableSecureBoot: true } }), { shieldedInstanceConfig: shieldedOn }),
    remediates(fromTemplate(), "nothing"),
    garbage(fromTemplate({ shieldedInstanceConfig: ["SECRET", { enableVtpm: "SECRET" }] })),
]);
