import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplate, vms } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromTemplate } from "./fixtures";

const policy = "gcp-compute-confidential-vm";
const required = { required: true };
const block = "confidentialInstanceConfig";

policyCases(policy, [
    // Off unless the knob demands it.
    ...vms().map(r => notApplicable(r, /not required/)),
    notApplicable(instanceOutputs(), /not required/),
    ...vms({ [block]: { confidentialInstanceType: "SEV_SNP" } }).map(r => passes(r, required)),
    passes(instance({ [block]: { enableConfidentialCompute: true } }), required),
    passes(instance({ [block]: { confidentialInstanceType: "tdx", enableConfidentialCompute: false } }), required),
    passes(instanceOutputs({ [block]: [{ confidentialInstanceType: "SEV", enableConfidentialCompute: false }] }), required),
    ...vms().map(r => violates(r, { code: "notConfidential", field: block }, required)),
    violates(instance({ [block]: {} }), { code: "notConfidential", field: `${block}.enableConfidentialCompute` }, required),
    violates(instance({ [block]: { enableConfidentialCompute: false, confidentialInstanceType: "" } }), { code: "notConfidential", field: `${block}.enableConfidentialCompute` }, required),
    violates(instanceOutputs({ [block]: [{ confidentialInstanceType: "", enableConfidentialCompute: false }] }), { code: "notConfidential", field: `${block}.enableConfidentialCompute` }, required),
    violates(instance({ [block]: { confidentialInstanceType: "SECURE" } }), { code: "unrecognised", field: `${block}.confidentialInstanceType` }, required),
    // A template-built VM that sets nothing takes its template's setting, checked on the template.
    notApplicable(fromTemplate(), /source template/, required),
    violates(fromTemplate({ [block]: { enableConfidentialCompute: false } }), { code: "notConfidential", field: `${block}.enableConfidentialCompute` }, required),
    undecided(instance({ [block]: unknown }), block, required),
    undecided(instance({ [block]: { confidentialInstanceType: unknown } }), `${block}.confidentialInstanceType`, required),
    undecided(instanceTemplate({ [block]: { enableConfidentialCompute: unknown } }), `${block}.enableConfidentialCompute`, required),
    violates(instance({ [block]: "SEV" }), { code: "wrongType", field: block }, required),
    misconfigured(instance(), { required: "yes" }, "required"),
    ...computeGarbage.flatMap(props => vms({ ...props, [block]: { confidentialInstanceType: 3, enableConfidentialCompute: "x" } }).map(r => garbage(r, required, computeSecrets))),
    noAutoRemediation(instance(), required),
]);
