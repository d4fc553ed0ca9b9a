// Issue 12: gcp-compute-os-login on VMs built from a template or machine image, on project
// metadata (ProjectMetadata, ProjectMetadataItem), and on outputs-shaped instances.

import { garbage, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, osLogin, projectMetadata, projectMetadataItem, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./issue-12-fixtures";

const oslogin = 'metadata["enable-oslogin"]';
const blockKeys = 'metadata["block-project-ssh-keys"]';

policyCases("gcp-compute-os-login", [
    // Outputs: the recorded state sets neither key.
    violates(stateInstance({ metadata: stateInstanceRecorded.metadata }), [{ code: "absentDefault", field: oslogin }, { code: "absentDefault", field: blockKeys }]),
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    // A template-built VM without metadata keeps its source's; a key its own map leaves out may be the source's too.
    notApplicable(fromTemplate(), /metadata comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /metadata comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ metadata: osLogin })),
    notApplicable(fromTemplate({ metadata: { owner: "phi-team" } }), /metadata\["enable-oslogin"\] comes from the VM's sourceInstanceTemplate/),
    passes(fromTemplate({ metadata: { "enable-oslogin": "TRUE" } })),
    violates(fromTemplate({ metadata: { ...osLogin, "enable-oslogin": "FALSE" } }), { code: "notAllowed", field: oslogin }),
    violates(fromImage({ metadata: { "block-project-ssh-keys": "0" } }), { code: "notAllowed", field: blockKeys }),
    undecided(fromTemplate({ metadata: unknown }), "metadata"),
    undecided(fromTemplate({ metadata: { ...osLogin, "enable-oslogin": unknown } }), oslogin),
    // Project metadata: enable-oslogin there, when set, must be true; a project that leaves it unset claims nothing.
    passes(projectMetadata()),
    passes(projectMetadata({ metadata: { "ssh-keys": "" } })),
    passes(projectMetadata({ metadata: undefined })),
    violates(projectMetadata({ metadata: { "enable-oslogin": "FALSE" } }), { code: "notAllowed", field: oslogin }),
    violates(projectMetadata({ metadata: { "enable-oslogin": "off-SECRET" } }), { code: "unrecognised", field: oslogin }),
    undecided(projectMetadata({ metadata: unknown }), "metadata"),
    undecided(projectMetadata({ metadata: { "enable-oslogin": unknown } }), oslogin),
    violates(projectMetadata({ metadata: "enable-oslogin=TRUE" }), { code: "wrongType", field: "metadata" }),
    passes(projectMetadataItem({ key: "enable-oslogin", value: "TRUE" })),
    passes(projectMetadataItem()),
    violates(projectMetadataItem({ key: "enable-oslogin", value: "FALSE" }), { code: "notAllowed", field: "value" }),
    violates(projectMetadataItem({ key: "enable-oslogin", value: "maybe" }), { code: "unrecognised", field: "value" }),
    undecided(projectMetadataItem({ key: "enable-oslogin", value: unknown }), "value"),
    undecided(projectMetadataItem({ key: unknown, value: "FALSE" }), "key"),
    violates(projectMetadataItem({ key: 5, value: "FALSE" }), { code: "wrongType", field: "key" }),
    garbage(projectMetadataItem({ key: "enable-oslogin", value: secret("SECRET-value") })),
    garbage(projectMetadata({ metadata: { "enable-oslogin": ["SECRET"], "ssh-keys": secret("SECRET") } })),
    garbage(fromTemplate({ metadata: { "enable-oslogin": { SECRET: 1 } } })),
]);
