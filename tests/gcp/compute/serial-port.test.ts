import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplateOutputs, vms } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, osLogin as osLoginKeys, projectMetadata, projectMetadataItem, stateFromImage, stateFromTemplate, stateInstance } from "./fixtures";

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
    violates(instance({ metadata: { "serial-port-enable": "on-SECRET" } }), { code: "unrecognised", field }),
    garbage(instance({ metadata: { "serial-port-enable": "on-SECRET" } })),
    undecided(instance({ metadata: unknown }), "metadata"),
    undecided(instance({ metadata: { "serial-port-enable": unknown } }), field),
    violates(instance({ metadata: 5 }), { code: "wrongType", field: "metadata" }),
    ...computeGarbage.flatMap(props => vms(props).map(r => garbage(r, undefined, computeSecrets))),
    // Every true spelling is switched off; the rest of the metadata stays as it came.
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

// Templates, machine images, project metadata and outputs: gcp-compute-serial-port on VMs built from a template or machine image, on project
// metadata (ProjectMetadata, ProjectMetadataItem), and on outputs-shaped instances.



policyCases("gcp-compute-serial-port", [
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    violates(stateFromTemplate({ metadata: { ...osLoginKeys, "serial-port-enable": "TRUE" } }), { code: "notAllowed", field }),
    notApplicable(fromTemplate(), /metadata comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromTemplate({ metadata: osLoginKeys }), /metadata\["serial-port-enable"\] comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage({ metadata: osLoginKeys }), /metadata\["serial-port-enable"\] comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ metadata: { "serial-port-enable": "FALSE" } })),
    violates(fromTemplate({ metadata: { "serial-port-enable": "1" } }), { code: "notAllowed", field }),
    undecided(fromImage({ metadata: { "serial-port-enable": unknown } }), field),
    // Project metadata turns the serial console on for every VM that does not set it.
    passes(projectMetadata()),
    passes(projectMetadata({ metadata: { "serial-port-enable": "FALSE" } })),
    violates(projectMetadata({ metadata: { "serial-port-enable": "TRUE" } }), { code: "notAllowed", field }),
    violates(projectMetadata({ metadata: { "serial-port-enable": "on-SECRET" } }), { code: "unrecognised", field }),
    undecided(projectMetadata({ metadata: unknown }), "metadata"),
    passes(projectMetadataItem()),
    passes(projectMetadataItem({ key: "enable-oslogin", value: "TRUE" })),
    violates(projectMetadataItem({ value: "true" }), { code: "notAllowed", field: "value" }),
    violates(projectMetadataItem({ value: "SECRET" }), { code: "unrecognised", field: "value" }),
    undecided(projectMetadataItem({ value: unknown }), "value"),
    undecided(projectMetadataItem({ key: unknown }), "key"),
    remediates(projectMetadata({ metadata: { "serial-port-enable": "TRUE", "startup-script": secret("SECRET-script") } }), { metadata: { "serial-port-enable": "FALSE", "startup-script": secret("SECRET-script") } }),
    remediates(projectMetadataItem({ value: "1" }), { value: "FALSE" }),
    remediates(projectMetadataItem({ key: "enable-oslogin", value: "1" }), "nothing"),
    remediates(projectMetadataItem({ value: unknown }), "nothing"),
    remediates(fromTemplate({ metadata: { "serial-port-enable": "TRUE", owner: unknown } }), { metadata: { "serial-port-enable": "FALSE", owner: unknown } }),
    garbage(projectMetadataItem({ key: ["SECRET"], value: secret("SECRET") })),
    garbage(projectMetadata({ metadata: [secret("SECRET")] })),
]);
