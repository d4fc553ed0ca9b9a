import * as assert from "assert";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, disk, diskOutputs, GCP_APP_SA, GCP_KMS_KEY, GCP_RAW_KEY, GCP_RSA_KEY, instance, instanceOutputs, instanceTemplate, instanceTemplateOutputs, regionDisk, regionInstanceTemplate, templateDisks, vms } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, overridingAll, reportedBootDisk, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./fixtures";

const policy = "gcp-compute-disk-encryption";
const googleManagedKey = "googleManagedKey";
const templateOutputDisk = (instanceTemplateOutputs().props.disks as Record<string, unknown>[])[0];

policyCases(policy, [
    ...vms().map(r => passes(r)),
    passes(disk()),
    passes(regionDisk()),
    // A KMS key or a customer-supplied key (raw or RSA-wrapped), known or unknown.
    ...[
        { initializeParams: {}, kmsKeySelfLink: unknown },
        { initializeParams: {}, diskEncryptionKeyRaw: secret(GCP_RAW_KEY) },
        { initializeParams: {}, diskEncryptionKeyRsa: secret(GCP_RSA_KEY) },
        { initializeParams: {}, diskEncryptionKeyRaw: unknown },
    ].map(bootDisk => passes(instance({ bootDisk }))),
    ...[{ kmsKeySelfLink: unknown }, { rawKey: secret(GCP_RAW_KEY) }, { rsaEncryptedKey: secret(GCP_RSA_KEY) }, [{ kmsKeySelfLink: GCP_KMS_KEY }]].map(diskEncryptionKey => passes(disk({ diskEncryptionKey }))),
    ...[{ kmsKeyName: unknown }, { rawKey: secret(GCP_RAW_KEY) }, { rsaEncryptedKey: secret(GCP_RSA_KEY) }].map(diskEncryptionKey => passes(regionDisk({ diskEncryptionKey }))),
    // A boot disk created from an image with Google's default key.
    violates(instance({ bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } } }), { code: googleManagedKey, field: "bootDisk" }),
    violates(instance({ bootDisk: { initializeParams: {}, kmsKeySelfLink: "" } }), { code: googleManagedKey, field: "bootDisk" }),
    violates(instance({ bootDisk: undefined }), { code: googleManagedKey, field: "bootDisk" }),
    // Disks attached by source are their own resource's business.
    passes(instance({ bootDisk: { source: "phi-boot" } })),
    passes(instance({ bootDisk: { source: unknown } })),
    passes(instance({ attachedDisks: [{ source: "unencrypted-looking" }, { source: unknown }] })),
    // Standalone disks without a key, each type with its own key field.
    violates(disk({ diskEncryptionKey: undefined }), { code: googleManagedKey, field: "diskEncryptionKey" }),
    violates(disk({ diskEncryptionKey: { kmsKeyServiceAccount: GCP_APP_SA } }), { code: googleManagedKey, field: "diskEncryptionKey" }),
    violates(regionDisk({ diskEncryptionKey: {} }), { code: googleManagedKey, field: "diskEncryptionKey" }),
    // A regional disk has no kmsKeySelfLink field: the provider would not use it.
    violates(regionDisk({ diskEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY } }), { code: googleManagedKey, field: "diskEncryptionKey" }),
    // Every disk a template creates, skipping Local SSDs and existing disks.
    ...[instanceTemplate, regionInstanceTemplate].map(t =>
        violates(t({ disks: [...templateDisks, { sourceImage: "debian-cloud/debian-12", diskType: "pd-ssd" }] }), { code: googleManagedKey, field: "disks[3].diskEncryptionKey" }),
    ),
    violates(instanceTemplate({ disks: [{ sourceImage: "img" }, { sourceImage: "img", diskEncryptionKey: {} }] }), [
        { code: googleManagedKey, field: "disks[0].diskEncryptionKey" },
        { code: googleManagedKey, field: "disks[1].diskEncryptionKey" },
    ]),
    passes(instanceTemplate({ disks: [{ diskType: "LOCAL-SSD" }, { type: "scratch" }, { source: unknown }] })),
    // Templates cannot carry customer-supplied keys: a raw key there is not a key the provider uses.
    violates(instanceTemplate({ disks: [{ sourceImage: "img", diskEncryptionKey: { rawKey: secret(GCP_RAW_KEY) } }] }), { code: googleManagedKey, field: "disks[0].diskEncryptionKey" }),
    // Unknown blocks, list elements, and a disk type that decides whether it is a Local SSD.
    undecided(instance({ bootDisk: unknown }), "bootDisk"),
    undecided(disk({ diskEncryptionKey: unknown }), "diskEncryptionKey"),
    undecided(instanceTemplate({ disks: unknown }), "disks"),
    undecided(instanceTemplate({ disks: [templateDisks[0], unknown] }), "disks[1]"),
    undecided(instanceTemplate({ disks: [{ sourceImage: "img", type: unknown }] }), "disks[0].type"),
    passes(instanceTemplate({ disks: [{ type: unknown, diskEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY } }] })),
    // Key material is never described, even of the wrong type.
    violates(instance({ bootDisk: { initializeParams: {}, diskEncryptionKeyRaw: 1234567890 } }), { code: "wrongType", field: "bootDisk.diskEncryptionKeyRaw" }),
    violates(disk({ diskEncryptionKey: { kmsKeySelfLink: 42 } }), { code: "wrongType", field: "diskEncryptionKey.kmsKeySelfLink" }),
    violates(disk({ diskEncryptionKey: "key" }), { code: "wrongType", field: "diskEncryptionKey" }),
    ...computeGarbage.flatMap(props => [...vms(props), disk(props), regionDisk(props)].map(r => garbage(r, undefined, computeSecrets))),
    noAutoRemediation(instance({ bootDisk: { initializeParams: {} } })),
    noAutoRemediation(disk({ diskEncryptionKey: undefined })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(instanceOutputs()),
    passes(instanceTemplateOutputs()),
    passes(diskOutputs()),
    // An instance's outputs always name the boot disk it created (bootDisk.source): its key fields decide.
    violates(instanceOutputs({ bootDisk: { ...(instanceOutputs().props.bootDisk as object), kmsKeySelfLink: "" } }), { code: googleManagedKey, field: "bootDisk.kmsKeySelfLink" }),
    violates(diskOutputs({ diskEncryptionKey: null }), { code: googleManagedKey, field: "diskEncryptionKey" }),
    violates(instanceTemplateOutputs({ disks: [{ ...templateOutputDisk, diskEncryptionKey: null }] }), { code: googleManagedKey, field: "disks[0].diskEncryptionKey" }),
    // Older exports keep single nested blocks as one-element lists.
    passes(instanceTemplateOutputs({ disks: [{ ...templateOutputDisk, diskEncryptionKey: [{ kmsKeySelfLink: GCP_KMS_KEY, kmsKeyServiceAccount: "" }] }] })),
]);

describe("Compute Engine policies (beyond the table)", () => {
    const pack = usePack();

    it("ignore resource types they do not govern", async () => {
        const result = await pack.analyze({ type: "gcp:compute/network:Network", name: "net", props: { autoCreateSubnetworks: true } });
        assert.deepStrictEqual(result.diagnostics.filter(d => d.policyName.startsWith("gcp-compute-")), []);
    });
});

// Templates, machine images, project metadata and outputs: gcp-compute-disk-encryption on outputs-shaped instances (judged by the key the
// provider reports, not by bootDisk.source) and on VMs built from a template or machine image.


const googleKey = { code: "googleManagedKey", field: "bootDisk.kmsKeySelfLink" };
const fromSource = /bootDisk comes from the VM's sourceInstanceTemplate, which gcp-compute-inherited-settings checks/;

policyCases("gcp-compute-disk-encryption", [
    // Outputs: the recorded state (source set, both key fields empty) is a Google-managed key.
    violates(stateInstance({ bootDisk: stateInstanceRecorded.bootDisk }), googleKey),
    passes(stateInstance()),
    passes(stateInstance({ bootDisk: reportedBootDisk({ diskEncryptionKeySha256: "Y3Nlay1oYXNoLW9mLWtleQ==" }) })),
    passes(stateInstance({ bootDisk: reportedBootDisk({ kmsKeySelfLink: unknown }) })),
    undecided(stateInstance({ bootDisk: reportedBootDisk({ diskEncryptionKeySha256: unknown }) }), "bootDisk.diskEncryptionKeySha256"),
    // Outputs without the hash field: source with initializeParams is still the provider's report.
    violates(stateInstance({ bootDisk: { source: "https://www.googleapis.com/compute/v1/projects/p/zones/z/disks/vm", initializeParams: { image: "debian-12" }, kmsKeySelfLink: "" } }), googleKey),
    // Inputs attaching an existing disk without key fields: that disk's own resource decides.
    passes(instance({ bootDisk: { source: "phi-boot" } })),
    passes(instance({ bootDisk: { source: unknown } })),
    violates(instance({ bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } } }), { code: "googleManagedKey", field: "bootDisk" }),
    // Template-built VMs: an overriding bootDisk is an instance's; without one, the template decides.
    passes(fromTemplate(overridingAll)),
    violates(fromTemplate({ bootDisk: { initializeParams: { image: "debian-12" } } }), { code: "googleManagedKey", field: "bootDisk" }),
    undecided(fromTemplate({ bootDisk: unknown }), "bootDisk"),
    notApplicable(fromTemplate(), fromSource),
    violates(stateFromTemplate({ bootDisk: stateInstanceRecorded.bootDisk }), googleKey),
    passes(stateFromTemplate()),
    // Machine-image VMs take no bootDisk input; their outputs report bootDisks.
    notApplicable(fromImage(), /bootDisks comes from the VM's sourceMachineImage/),
    passes(stateFromImage()),
    violates(stateFromImage({ bootDisks: [stateInstanceRecorded.bootDisk] }), { code: "googleManagedKey", field: "bootDisks[0].kmsKeySelfLink" }),
    undecided(stateFromImage({ bootDisks: unknown }), "bootDisks"),
    violates(stateInstance({ bootDisk: reportedBootDisk({ kmsKeySelfLink: "", diskEncryptionKeySha256: 7 }) }), { code: "wrongType", field: "bootDisk.diskEncryptionKeySha256" }),
    garbage(stateInstance({ bootDisk: reportedBootDisk({ diskEncryptionKeySha256: 7, diskEncryptionKeyRaw: secret("SECRET-raw-key") }) })),
    garbage(stateFromImage({ bootDisks: [null, "SECRET", { diskEncryptionKeySha256: ["SECRET"] }] })),
    garbage(fromTemplate({ bootDisk: "SECRET", sourceInstanceTemplate: { SECRET: 1 } })),
]);
