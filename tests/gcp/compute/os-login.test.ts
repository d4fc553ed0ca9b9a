import * as assert from "assert";
import { garbage, misconfigured, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, instance, instanceOutputs, instanceTemplateOutputs, vms } from "../../factories";
import { usePack } from "../../pack";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-compute-os-login";
const osLogin = 'metadata["enable-oslogin"]';
const blockKeys = 'metadata["block-project-ssh-keys"]';
const metadata = { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" };
const enforcedByProject = { osLoginEnforcedByProject: true };

policyCases(policy, [
    ...vms().map(r => passes(r)),
    // Every spelling Compute Engine reads as true, and keys in any case.
    ...["TRUE", "true", "True", "1", "t", "T"].map(value => passes(instance({ metadata: { "enable-oslogin": value, "block-project-ssh-keys": value } }))),
    passes(instance({ metadata: { "ENABLE-OSLOGIN": "TRUE", "Block-Project-SSH-Keys": "1" } })),
    // Booleans and numbers written where the provider expects strings.
    passes(instance({ metadata: { "enable-oslogin": true, "block-project-ssh-keys": 1 } })),
    ...vms({ metadata: { "block-project-ssh-keys": "TRUE" } }).map(r => violates(r, { code: "absentDefault", field: osLogin })),
    violates(instance({ metadata: { "enable-oslogin": "TRUE" } }), { code: "absentDefault", field: blockKeys }),
    violates(instance({ metadata: undefined }), [
        { code: "absentDefault", field: osLogin },
        { code: "absentDefault", field: blockKeys },
    ]),
    ...["FALSE", "0", "f"].map(value => violates(instance({ metadata: { ...metadata, "enable-oslogin": value } }), { code: "notAllowed", field: osLogin })),
    ...["yes", "tRuE", " TRUE", "enabled-SECRET"].map(value => violates(instance({ metadata: { ...metadata, "enable-oslogin": value } }), { code: "unrecognised", field: osLogin })),
    garbage(instance({ metadata: { ...metadata, "enable-oslogin": "enabled-SECRET" } })),
    // Two spellings of the key: both must enable it.
    violates(instance({ metadata: { ...metadata, "ENABLE-OSLOGIN": "FALSE" } }), { code: "notAllowed", field: osLogin }),
    // With OS Login enforced by the project, leaving enable-oslogin out is fine; turning it off is not.
    passes(instance({ metadata: { "block-project-ssh-keys": "TRUE" } }), enforcedByProject),
    violates(instance({ metadata: { ...metadata, "enable-oslogin": "FALSE" } }), { code: "notAllowed", field: osLogin }, enforcedByProject),
    violates(instance({ metadata: {} }), { code: "absentDefault", field: blockKeys }, enforcedByProject),
    misconfigured(instance(), { osLoginEnforcedByProject: "yes" }, "osLoginEnforcedByProject"),
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
    violates(instanceOutputs({ metadata: {} }), [
        { code: "absentDefault", field: osLogin },
        { code: "absentDefault", field: blockKeys },
    ]),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("publishes its knob schema (the generic metadata is checked for every policy in tests/metadata.test.ts)", () => {
        const osLoginPolicy = pack.info.policies.find(x => x.name === policy)!;
        assert.deepStrictEqual(osLoginPolicy.configSchema?.properties.osLoginEnforcedByProject, {
            type: "boolean", default: false,
            description: "Accept an instance that does not set enable-oslogin itself, because OS Login is enabled project-wide (project metadata or constraints/compute.requireOsLogin).",
        });
    });
});
