// Issue 12: gcp-compute-serial-port on VMs built from a template or machine image, on project
// metadata (ProjectMetadata, ProjectMetadataItem), and on outputs-shaped instances.

import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, osLogin, projectMetadata, projectMetadataItem, stateFromImage, stateFromTemplate, stateInstance } from "./issue-12-fixtures";

const field = 'metadata["serial-port-enable"]';

policyCases("gcp-compute-serial-port", [
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    violates(stateFromTemplate({ metadata: { ...osLogin, "serial-port-enable": "TRUE" } }), { code: "notAllowed", field }),
    notApplicable(fromTemplate(), /metadata comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromTemplate({ metadata: osLogin }), /metadata\["serial-port-enable"\] comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage({ metadata: osLogin }), /metadata\["serial-port-enable"\] comes from the VM's sourceMachineImage/),
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
