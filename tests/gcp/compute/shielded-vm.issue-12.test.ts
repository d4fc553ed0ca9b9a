// Issue 12: gcp-compute-shielded-vm on VMs built from a template or machine image (an overriding
// block is sent whole, its omitted fields as false) and on outputs-shaped instances.

import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, shielded, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./issue-12-fixtures";

const policy = "gcp-compute-shielded-vm";

policyCases(policy, [
    // Outputs: the recorded state has Secure Boot off.
    violates(stateInstance({ shieldedInstanceConfig: stateInstanceRecorded.shieldedInstanceConfig }), { code: "notAllowed", field: "shieldedInstanceConfig.enableSecureBoot" }),
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    violates(stateFromImage({ shieldedInstanceConfig: { ...shielded, enableVtpm: false } }), { code: "notAllowed", field: "shieldedInstanceConfig.enableVtpm" }),
    // Inputs: no block means the source's block, which the stack policy checks.
    notApplicable(fromTemplate(), /shieldedInstanceConfig comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /shieldedInstanceConfig comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ shieldedInstanceConfig: shielded })),
    // An overriding block replaces the template's whole block: what it leaves out is sent as false.
    violates(fromTemplate({ shieldedInstanceConfig: { enableSecureBoot: true } }), [
        { code: "absentDefault", field: "shieldedInstanceConfig.enableVtpm" },
        { code: "absentDefault", field: "shieldedInstanceConfig.enableIntegrityMonitoring" },
    ]),
    violates(fromImage({ shieldedInstanceConfig: { enableVtpm: true, enableIntegrityMonitoring: true } }), { code: "absentDefault", field: "shieldedInstanceConfig.enableSecureBoot" }),
    violates(fromTemplate({ shieldedInstanceConfig: { ...shielded, enableSecureBoot: false } }), { code: "notAllowed", field: "shieldedInstanceConfig.enableSecureBoot" }),
    undecided(fromTemplate({ shieldedInstanceConfig: unknown }), "shieldedInstanceConfig"),
    undecided(fromTemplate({ shieldedInstanceConfig: { ...shielded, enableVtpm: unknown } }), "shieldedInstanceConfig.enableVtpm"),
    remediates(fromTemplate({ shieldedInstanceConfig: { enableSecureBoot: true } }), { shieldedInstanceConfig: shielded }),
    remediates(fromTemplate(), "nothing"),
    garbage(fromTemplate({ shieldedInstanceConfig: ["SECRET", { enableVtpm: "SECRET" }] })),
]);
