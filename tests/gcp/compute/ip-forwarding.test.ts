import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplateOutputs, vms } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

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
