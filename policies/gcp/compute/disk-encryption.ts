import { defineResourcePolicy, Resource } from "../../lib/policy";
import { Outcome } from "../../lib/outcome";
import { elementsOf } from "../../lib/rules";
import { bootDiskKey, customerKey, disk, inherited, instanceFromMachineImage, instanceTemplate, kmsKeyName, kmsKeySelfLink, rawKey, regionDisk, regionInstanceTemplate, rsaEncryptedKey, templateDiskKey, vmTypes } from "./facts";

const kmsKeyFix = (path: string) => `set ${path} to the id of a gcp.kms.CryptoKey`;
// A machine-image VM takes no disk inputs: its disks are restored from the image.
const imageDiskFix = "recreate the VM from a machine image whose disks are encrypted with a Cloud KMS key";
const bootDiskFix = `${kmsKeyFix("bootDisk.kmsKeySelfLink")} (or supply bootDisk.diskEncryptionKeyRaw from a Pulumi secret)`;

/** An instance's boot disk, or a template-built VM's own one (a machine image's VM reports them as bootDisks). */
function vmDiskKeys(r: Resource): Outcome | Outcome[] {
    if (r.type === instanceFromMachineImage) {
        const fromImage = inherited(r, "bootDisks");
        if (fromImage) return fromImage;
        const { elements, outcomes } = elementsOf(r.props, { field: "bootDisks", fix: "set bootDisks to a list of disk blocks" });
        return [...outcomes, ...elements.map(e => bootDiskKey({ state: "known", value: e.props }, { path: e.path, fix: imageDiskFix }))];
    }
    return inherited(r, "bootDisk") ?? bootDiskKey(r.props.single("bootDisk"), { path: "bootDisk", fix: bootDiskFix });
}

function templateDiskKeys(r: Resource): Outcome[] {
    const { elements, outcomes } = elementsOf(r.props, { field: "disks", fix: "set disks to a list of disk blocks" });
    for (const d of elements) {
        const key = templateDiskKey(d, kmsKeyFix);
        if (key) outcomes.push(key);
    }
    return outcomes;
}

export default defineResourcePolicy({
    name: "gcp-compute-disk-encryption",
    description: "Compute Engine disks are encrypted with a customer-managed Cloud KMS key or a customer-supplied key, not only Google's default key.",
    severity: "high",
    types: [...vmTypes, disk, regionDisk],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "compute", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-compute-01"], checkov: ["CKV_GCP_37", "CKV_GCP_38"] },
    remediation:
        "Create a `gcp.kms.CryptoKey` and grant the Compute Engine service agent (`service-PROJECT_NUMBER@compute-system.iam.gserviceaccount.com`) " +
        "`roles/cloudkms.cryptoKeyEncrypterDecrypter` on it, then:\n" +
        "- `gcp.compute.Disk`: set `diskEncryptionKey.kmsKeySelfLink` (or a customer-supplied `diskEncryptionKey.rawKey` / `rsaEncryptedKey` from a Pulumi secret).\n" +
        "- `gcp.compute.RegionDisk`: set `diskEncryptionKey.kmsKeyName` (or `rawKey` / `rsaEncryptedKey`).\n" +
        "- `gcp.compute.Instance`: set `bootDisk.kmsKeySelfLink` (or `bootDisk.diskEncryptionKeyRaw` / `diskEncryptionKeyRsa`). " +
        "A boot disk or attached disk given by `source` is an existing disk: encrypt it on its own `gcp.compute.Disk`. " +
        "On an instance's outputs the provider reports the key in `bootDisk.kmsKeySelfLink` / `bootDisk.diskEncryptionKeySha256` (empty for Google's key).\n" +
        "- `gcp.compute.InstanceFromTemplate`: a `bootDisk` it sets is checked like an instance's; without one, the template's boot disk is (gcp-compute-inherited-settings).\n" +
        "- Instance templates: set `disks[].diskEncryptionKey.kmsKeySelfLink` on every disk the template creates (templates cannot hold customer-supplied keys).\n" +
        "Local SSD (scratch) disks always use an ephemeral Google key and are not checked. The key is fixed when the disk is created.",
    check: r => {
        switch (r.type) {
            case disk:
                return customerKey(r.props.single("diskEncryptionKey"), { path: "diskEncryptionKey", fields: [kmsKeySelfLink, rawKey, rsaEncryptedKey], fix: kmsKeyFix("diskEncryptionKey.kmsKeySelfLink") });
            case regionDisk:
                return customerKey(r.props.single("diskEncryptionKey"), { path: "diskEncryptionKey", fields: [kmsKeyName, rawKey, rsaEncryptedKey], fix: kmsKeyFix("diskEncryptionKey.kmsKeyName") });
            case instanceTemplate:
            case regionInstanceTemplate:
                return templateDiskKeys(r);
            default:
                return vmDiskKeys(r);
        }
    },
    noAutoRemediation: "a disk's key is fixed when it is created, so the fix replaces the disk, and which KMS key protects it is a person's choice",
});
