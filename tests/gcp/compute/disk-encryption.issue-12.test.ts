// Issue 12: gcp-compute-disk-encryption on outputs-shaped instances (judged by the key the
// provider reports, not by bootDisk.source) and on VMs built from a template or machine image.

import { garbage, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { instance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, overridingAll, reportedBootDisk, stateFromImage, stateFromTemplate, stateInstance, stateInstanceRecorded } from "./issue-12-fixtures";

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
