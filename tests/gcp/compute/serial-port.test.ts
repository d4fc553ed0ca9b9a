import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplateOutputs, vms } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-compute-serial-port";
const field = 'metadata["serial-port-enable"]';
const metadata = { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" };
const SCRIPT = "#!/bin/sh\necho SECRET-startup-token";

policyCases(policy, [
    // Omitted or false.
    ...[undefined, "FALSE", "false", "0", false].flatMap(value => vms({ metadata: { ...metadata, "serial-port-enable": value } }).map(r => passes(r))),
    passes(instance({ metadata: undefined })),
    // True in any spelling, and any value it cannot read as false.
    ...["TRUE", "true", "1", "T", true, 1].flatMap(value => vms({ metadata: { ...metadata, "serial-port-enable": value } }).map(r => violates(r, { code: "notAllowed", field }))),
    violates(instance({ metadata: { "SERIAL-PORT-ENABLE": "TRUE" } }), { code: "notAllowed", field }),
    violates(instance({ metadata: { "serial-port-enable": "on-SECRET" } }), { code: "unrecognised", field }),
    garbage(instance({ metadata: { "serial-port-enable": "on-SECRET" } })),
    undecided(instance({ metadata: unknown }), "metadata"),
    undecided(instance({ metadata: { "serial-port-enable": unknown } }), field),
    violates(instance({ metadata: 5 }), { code: "wrongType", field: "metadata" }),
    ...computeGarbage.flatMap(props => vms(props).map(r => garbage(r, undefined, computeSecrets))),
    // Every true spelling is switched off; the rest of the metadata stays as it came.
    remediates(instance({ metadata: { ...metadata, "serial-port-enable": "TRUE", "Serial-Port-Enable": "1", "startup-script": secret(SCRIPT), owner: unknown } }), {
        metadata: { ...metadata, "serial-port-enable": "FALSE", "Serial-Port-Enable": "FALSE", "startup-script": secret(SCRIPT), owner: unknown },
    }),
    ...[unknown, "maybe", "FALSE"].map(value => remediates(instance({ metadata: { ...metadata, "serial-port-enable": value } }), "nothing")),
    remediates(instance({ metadata: secret({ "serial-port-enable": "TRUE" }) }), "nothing"),
    remediates(instance({ metadata: unknown }), "nothing"),
    remediates(instance({ metadata: ["serial-port-enable=TRUE"] }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(instanceOutputs()),
    passes(instanceTemplateOutputs()),
    violates(instanceOutputs({ metadata: { ...metadata, "serial-port-enable": "true" } }), { code: "notAllowed", field }),
    remediates(instanceOutputs({ metadata: { ...metadata, "serial-port-enable": "true" } }), { metadata: { ...metadata, "serial-port-enable": "FALSE" } }),
]);
