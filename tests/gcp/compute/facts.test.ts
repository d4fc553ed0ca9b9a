// The readings compute/facts.ts shares among the VM policies: metadata keys, and the property paths findings name.

import { garbage, outcomesOf, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { instance, instanceTemplate } from "../../factories";
import { ResourceInput, secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromTemplate, osLogin, projectMetadata, projectMetadataItem, stateFromImage, stateInstance, stateInstanceRecorded } from "./fixtures";
import * as assert from "assert";
import { usePack } from "../../pack";

// Templates, machine images, project metadata and outputs: Compute Engine metadata keys are case-sensitive ("Metadata keys are case sensitive",
// cloud.google.com/compute/docs/metadata/setting-custom-metadata): only the documented spelling
// counts. The guest agent decodes enable-oslogin and block-project-ssh-keys with Go's
// encoding/json, which also matches another case, so another spelling that is not true is reported.


const oslogin = 'metadata["enable-oslogin"]';
const blockKeys = 'metadata["block-project-ssh-keys"]';
const serial = 'metadata["serial-port-enable"]';

policyCases("gcp-compute-os-login", [
    // Another spelling alone is not the key Compute Engine documents.
    // The documented spelling left out: enable-oslogin comes from the project (gcp-compute-inherited-settings).
    violates(instance({ metadata: { "ENABLE-OSLOGIN": "TRUE", "Block-Project-SSH-Keys": "1" } }), { code: "absentDefault", field: blockKeys }),
    passes(instance({ metadata: { ...osLogin, "ENABLE-OSLOGIN": "TRUE" } })),
    // ...but the guest agent may read it, so one that is not true is reported beside the right one.
    violates(instance({ metadata: { ...osLogin, "ENABLE-OSLOGIN": "FALSE" } }), { code: "otherSpelling", field: oslogin }),
    violates(stateInstance({ metadata: { ...osLogin, "Block-Project-Ssh-Keys": "no" } }), { code: "otherSpelling", field: blockKeys }),
    violates(instance({ metadata: { "block-project-ssh-keys": "TRUE", "Enable-OsLogin": "FALSE" } }), { code: "otherSpelling", field: oslogin }),
    undecided(instance({ metadata: { ...osLogin, "ENABLE-OSLOGIN": unknown } }), oslogin),
    violates(projectMetadata({ metadata: { "enable-oslogin": "TRUE", "ENABLE-OSLOGIN": "FALSE" } }), { code: "otherSpelling", field: oslogin }),
    violates(projectMetadata({ metadata: { "ENABLE-OSLOGIN": "TRUE", "enable-oslogin": "FALSE" } }), { code: "notAllowed", field: oslogin }),
    // An item under another spelling is read like that spelling in a map: false is reported, true is harmless.
    violates(projectMetadataItem({ key: "ENABLE-OSLOGIN", value: "FALSE" }), { code: "otherSpelling", field: "key" }),
    passes(projectMetadataItem({ key: "Enable-OsLogin", value: "true" })),
    undecided(projectMetadataItem({ key: "ENABLE-OSLOGIN", value: unknown }), "value"),
    garbage(projectMetadataItem({ key: "ENABLE-OSLOGIN", value: secret("SECRET") })),
    passes(fromTemplate({ metadata: osLogin })),
]);

policyCases("gcp-compute-serial-port", [
    // The serial console reads serial-port-enable only: other spellings turn nothing on.
    passes(instance({ metadata: { ...osLogin, "SERIAL-PORT-ENABLE": "TRUE" } })),
    passes(projectMetadata({ metadata: { "Serial-Port-Enable": "1" } })),
    passes(projectMetadataItem({ key: "SERIAL-PORT-ENABLE", value: "TRUE" })),
    violates(instance({ metadata: { ...osLogin, "serial-port-enable": "TRUE", "SERIAL-PORT-ENABLE": "FALSE" } }), { code: "notAllowed", field: serial }),
    remediates(instance({ metadata: { ...osLogin, "serial-port-enable": "TRUE", "Serial-Port-Enable": "1" } }), { metadata: { ...osLogin, "serial-port-enable": "FALSE", "Serial-Port-Enable": "1" } }),
    remediates(instance({ metadata: { ...osLogin, "Serial-Port-Enable": "1" } }), "nothing"),
]);

// Templates, machine images, project metadata and outputs: every Compute Engine finding names the full property path it is about (the outcome's
// field), as the engine shows it: checked over the protocol on one violating resource per way to
// violate each VM policy, inputs- and outputs-shaped.


const DEFAULT_SA = "123456789012-compute@developer.gserviceaccount.com";

const cases: [policy: string, resource: ResourceInput, knobs?: Record<string, unknown>][] = [
    ["gcp-compute-disk-encryption", stateInstance({ bootDisk: stateInstanceRecorded.bootDisk })],
    ["gcp-compute-disk-encryption", stateFromImage({ bootDisks: [stateInstanceRecorded.bootDisk] })],
    ["gcp-compute-disk-encryption", instance({ bootDisk: { initializeParams: {} } })],
    ["gcp-compute-disk-encryption", instanceTemplate({ disks: [{ sourceImage: "img" }] })],
    ["gcp-compute-shielded-vm", stateInstance({ shieldedInstanceConfig: stateInstanceRecorded.shieldedInstanceConfig })],
    ["gcp-compute-shielded-vm", fromTemplate({ shieldedInstanceConfig: {} })],
    ["gcp-compute-os-login", stateInstance({ metadata: { "enable-oslogin": "FALSE", "block-project-ssh-keys": "maybe" } })],
    ["gcp-compute-os-login", projectMetadataItem({ key: "enable-oslogin", value: "FALSE" })],
    ["gcp-compute-serial-port", projectMetadata({ metadata: { "serial-port-enable": "TRUE" } })],
    ["gcp-compute-serial-port", projectMetadataItem({ value: "TRUE" })],
    ["gcp-compute-public-ip", fromTemplate({ networkInterfaces: [{ accessConfigs: [{}], ipv6AccessConfigs: [{}] }] })],
    ["gcp-compute-service-account", stateInstance({ serviceAccount: { email: DEFAULT_SA, scopes: ["https://www.googleapis.com/auth/cloud-platform"] } })],
    ["gcp-compute-service-account", fromTemplate({ serviceAccount: { email: DEFAULT_SA, scopes: [] } }), { forbidDefaultServiceAccount: true }],
    ["gcp-compute-ip-forwarding", fromTemplate({ canIpForward: true })],
];

describe("Compute Engine findings name the full property path", () => {
    const pack = usePack();
    for (const [policy, resource, knobs] of cases) {
        it(`${policy} on ${resource.type.split(":").pop()} ${JSON.stringify((resource as { changes?: unknown }).changes).slice(0, 80)}`, async () => {
            const fields = outcomesOf(policy, resource, knobs).flatMap(o => (o.kind === "violation" ? [o.field] : []));
            assert.ok(fields.length > 0, "the case violates nothing");
            const { violations } = await pack.check(policy, resource, { [policy]: knobs ?? {} });
            assert.strictEqual(violations.length, fields.length);
            fields.forEach((field, i) => assert.ok(field !== "" && violations[i].split(". Fix: ")[0].includes(field), `the problem does not name ${field}: ${violations[i]}`));
        });
    }
});
