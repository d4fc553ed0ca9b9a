// Issue 12: every Compute Engine finding names the full property path it is about (the outcome's
// field), as the engine shows it: checked over the protocol on one violating resource per way to
// violate each VM policy, inputs- and outputs-shaped.

import * as assert from "assert";
import { outcomesOf } from "../../cases";
import { instance, instanceTemplate } from "../../factories";
import { usePack } from "../../pack";
import { ResourceInput } from "../../../tools/lib/analyzer-client";
import { fromTemplate, projectMetadata, projectMetadataItem, stateFromImage, stateInstance, stateInstanceRecorded } from "./issue-12-fixtures";

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
