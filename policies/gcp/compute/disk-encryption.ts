import { defineResourcePolicy, Resource } from "../../lib/policy";
import { Outcome, undecided } from "../../lib/outcome";
import { elementsOf } from "../../lib/rules";
import { attachesExistingDisk, bootDiskKeys, customerKey, disk, instance, isLocalSsd, kmsKeyName, kmsKeySelfLink, rawKey, regionDisk, rsaEncryptedKey, vmTypes } from "./facts";

const kmsKeyFix = (path: string) => `set ${path} to the id of a gcp.kms.CryptoKey`;

function instanceDiskKeys(r: Resource): Outcome {
    const bootDisk = r.props.single("bootDisk");
    if (bootDisk.state === "known" && attachesExistingDisk(bootDisk.value)) return { kind: "pass" };
    return customerKey(bootDisk, { path: "bootDisk", fields: bootDiskKeys, fix: `${kmsKeyFix("bootDisk.kmsKeySelfLink")} (or supply bootDisk.diskEncryptionKeyRaw from a Pulumi secret)` });
}

function templateDiskKeys(r: Resource): Outcome[] {
    const { elements, outcomes } = elementsOf(r.props, { field: "disks", fix: "set disks to a list of disk blocks" });
    for (const d of elements) {
        if (attachesExistingDisk(d.props)) continue;
        const keyPath = `${d.path}.diskEncryptionKey`;
        // Instance templates cannot carry customer-supplied keys: only a KMS key is possible.
        const key = customerKey(d.props.single("diskEncryptionKey"), { path: keyPath, fields: [kmsKeySelfLink], fix: kmsKeyFix(`${keyPath}.kmsKeySelfLink`) });
        if (key.kind !== "violation") {
            outcomes.push(key);
            continue;
        }
        const localSsd = isLocalSsd(d.props);
        if (localSsd === "unknown") outcomes.push(undecided(`${d.path}.type`));
        else if (!localSsd) outcomes.push(key);
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
        "A boot disk or attached disk given by `source` is an existing disk: encrypt it on its own `gcp.compute.Disk`.\n" +
        "- Instance templates: set `disks[].diskEncryptionKey.kmsKeySelfLink` on every disk the template creates (templates cannot hold customer-supplied keys).\n" +
        "Local SSD (scratch) disks always use an ephemeral Google key and are not checked. The key is fixed when the disk is created.",
    check: r => {
        switch (r.type) {
            case disk:
                return customerKey(r.props.single("diskEncryptionKey"), { path: "diskEncryptionKey", fields: [kmsKeySelfLink, rawKey, rsaEncryptedKey], fix: kmsKeyFix("diskEncryptionKey.kmsKeySelfLink") });
            case regionDisk:
                return customerKey(r.props.single("diskEncryptionKey"), { path: "diskEncryptionKey", fields: [kmsKeyName, rawKey, rsaEncryptedKey], fix: kmsKeyFix("diskEncryptionKey.kmsKeyName") });
            case instance:
                return instanceDiskKeys(r);
            default:
                return templateDiskKeys(r);
        }
    },
    noAutoRemediation: "a disk's key is fixed when it is created, so the fix replaces the disk, and which KMS key protects it is a person's choice",
});
