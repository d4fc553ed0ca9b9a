import * as assert from "assert";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplateOutputs, vms } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, osLogin as osLoginKeys, projectMetadata, projectMetadataItem, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./fixtures";

const policy = "gcp-compute-os-login";
const osLogin = 'metadata["enable-oslogin"]';
const blockKeys = 'metadata["block-project-ssh-keys"]';
const metadata = { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" };

policyCases(policy, [
    ...vms().map(r => passes(r)),
    // Every spelling Compute Engine reads as true, and keys in any case.
    ...["TRUE", "true", "True", "1", "t", "T"].map(value => passes(instance({ metadata: { "enable-oslogin": value, "block-project-ssh-keys": value } }))),
    // Booleans and numbers written where the provider expects strings.
    passes(instance({ metadata: { "enable-oslogin": true, "block-project-ssh-keys": 1 } })),
    // Left out, enable-oslogin comes from project metadata: gcp-compute-inherited-settings decides it with the stack in view.
    ...vms({ metadata: { "block-project-ssh-keys": "TRUE" } }).map(r => passes(r)),
    violates(instance({ metadata: { "enable-oslogin": "TRUE" } }), { code: "absentDefault", field: blockKeys }),
    violates(instance({ metadata: undefined }), { code: "absentDefault", field: blockKeys }),
    ...["FALSE", "0", "f"].map(value => violates(instance({ metadata: { ...metadata, "enable-oslogin": value } }), { code: "notAllowed", field: osLogin })),
    ...["yes", "tRuE", " TRUE", "enabled-SECRET"].map(value => violates(instance({ metadata: { ...metadata, "enable-oslogin": value } }), { code: "unrecognised", field: osLogin })),
    garbage(instance({ metadata: { ...metadata, "enable-oslogin": "enabled-SECRET" } })),
    // Two spellings of the key: both must enable it.
    undecided(instance({ metadata: unknown }), "metadata"),
    undecided(instance({ metadata: { ...metadata, "enable-oslogin": unknown } }), osLogin),
    violates(instance({ metadata: ["enable-oslogin=TRUE"] }), { code: "wrongType", field: "metadata" }),
    violates(instance({ metadata: { ...metadata, "enable-oslogin": ["TRUE"] } }), { code: "unrecognised", field: osLogin }),
    ...computeGarbage.flatMap(props => vms(props).map(r => garbage(r, undefined, computeSecrets))),
    noAutoRemediation(instance({ metadata: undefined })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(instanceOutputs()),
    passes(instanceTemplateOutputs()),
    // No metadata in state is an empty map.
    violates(instanceOutputs({ metadata: {} }), { code: "absentDefault", field: blockKeys }),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("has no knob: the project-wide one belongs to gcp-compute-inherited-settings, which sees the stack's project metadata", () => {
        const schema = (name: string) => pack.info.policies.find(x => x.name === name)!.configSchema?.properties ?? {};
        assert.deepStrictEqual(Object.keys(schema(policy)).filter(k => !["enforcementLevel", "scope", "waivers"].includes(k)), []);
        assert.strictEqual(schema("gcp-compute-inherited-settings").osLoginEnforcedByProject?.default, false);
    });
});

// Templates, machine images, project metadata and outputs: gcp-compute-os-login on VMs built from a template or machine image, on project
// metadata (ProjectMetadata, ProjectMetadataItem), and on outputs-shaped instances.


const oslogin = 'metadata["enable-oslogin"]';

policyCases("gcp-compute-os-login", [
    // Outputs: the recorded state sets neither key.
    violates(stateInstance({ metadata: stateInstanceRecorded.metadata }), { code: "absentDefault", field: blockKeys }),
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    // A template-built VM without metadata keeps its source's; a key its own map leaves out may be the source's too.
    notApplicable(fromTemplate(), /metadata comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /metadata comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ metadata: osLoginKeys })),
    notApplicable(fromTemplate({ metadata: { owner: "phi-team" } }), /metadata\["enable-oslogin"\] comes from the VM's sourceInstanceTemplate/),
    passes(fromTemplate({ metadata: { "enable-oslogin": "TRUE" } })),
    violates(fromTemplate({ metadata: { ...osLoginKeys, "enable-oslogin": "FALSE" } }), { code: "notAllowed", field: oslogin }),
    violates(fromImage({ metadata: { "block-project-ssh-keys": "0" } }), { code: "notAllowed", field: blockKeys }),
    undecided(fromTemplate({ metadata: unknown }), "metadata"),
    undecided(fromTemplate({ metadata: { ...osLoginKeys, "enable-oslogin": unknown } }), oslogin),
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
