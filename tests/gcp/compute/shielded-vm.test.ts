import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplate, instanceTemplateOutputs, vms } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

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
