import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplateOutputs, vms } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, stateFromImage, stateFromTemplate, stateInstance } from "./fixtures";

const policy = "gcp-compute-ip-forwarding";
const field = "canIpForward";

policyCases(policy, [
    ...vms().map(r => passes(r)),
    // Omitted means false.
    ...vms({ [field]: undefined }).map(r => passes(r)),
    ...vms({ [field]: true }).map(r => violates(r, { code: "notAllowed", field })),
    undecided(instance({ [field]: unknown }), field),
    violates(instance({ [field]: "false" }), { code: "wrongType", field }),
    ...computeGarbage.flatMap(props => vms(props).map(r => garbage(r, undefined, computeSecrets))),
    noAutoRemediation(instance({ [field]: true })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(instanceOutputs()),
    passes(instanceTemplateOutputs()),
    violates(instanceOutputs({ [field]: true }), { code: "notAllowed", field }),
]);

// Templates, machine images, project metadata and outputs: gcp-compute-ip-forwarding on VMs built from a template or machine image (an unset
// canIpForward is the source's, not false) and on outputs-shaped instances.


policyCases("gcp-compute-ip-forwarding", [
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    violates(stateFromTemplate({ canIpForward: true }), { code: "notAllowed", field: "canIpForward" }),
    notApplicable(fromTemplate(), /canIpForward comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /canIpForward comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ canIpForward: false })),
    violates(fromTemplate({ canIpForward: true }), { code: "notAllowed", field: "canIpForward" }),
    violates(fromImage({ canIpForward: true }), { code: "notAllowed", field: "canIpForward" }),
    undecided(fromTemplate({ canIpForward: unknown }), "canIpForward"),
    violates(fromTemplate({ canIpForward: "false" }), { code: "wrongType", field: "canIpForward" }),
    garbage(fromImage({ canIpForward: { SECRET: true } })),
]);
