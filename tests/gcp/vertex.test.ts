import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../cases";
import { aiDataset, aiEndpoint, notebooksInstance, workbenchInstance, workbenchInstanceOutputs } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const boot = (bootDisk: unknown) => workbenchInstance({ gceSetup: { machineType: "e2-standard-4", disablePublicIp: true, ...(bootDisk === undefined ? {} : { bootDisk }) } });

policyCases("gcp-vertex-cmek", [
    passes(workbenchInstance()),
    passes(notebooksInstance()),
    passes(aiEndpoint()),
    passes(aiDataset()),
    // Workbench: the boot disk (and data disks, when given) must name a key; omitted, both are GMEK.
    violates(boot(undefined), { code: "notSet", field: "gceSetup.bootDisk.kmsKey" }),
    violates(workbenchInstance({ gceSetup: undefined }), { code: "notSet", field: "gceSetup.bootDisk.kmsKey" }),
    violates(boot({ diskEncryption: "GMEK" }), { code: "googleManagedKey", field: "gceSetup.bootDisk.diskEncryption" }),
    violates(boot({ diskEncryption: "GMEK", kmsKey: "projects/p/locations/l/keyRings/r/cryptoKeys/k" }), { code: "googleManagedKey", field: "gceSetup.bootDisk.diskEncryption" }),
    violates(boot({ diskEncryption: "CMEK" }), { code: "notSet", field: "gceSetup.bootDisk.kmsKey" }),
    violates(boot({ diskEncryption: "CMEK", kmsKey: "" }), { code: "notSet", field: "gceSetup.bootDisk.kmsKey" }),
    violates(
        workbenchInstance({ gceSetup: { disablePublicIp: true, bootDisk: { diskEncryption: "CMEK", kmsKey: "k" }, dataDisks: { diskSizeGb: "100" } } }),
        { code: "notSet", field: "gceSetup.dataDisks.kmsKey" },
    ),
    passes(boot({ kmsKey: "projects/p/locations/l/keyRings/r/cryptoKeys/k" })),
    // A key unknown at preview is a key: present, just not known yet.
    passes(boot({ diskEncryption: "CMEK", kmsKey: unknown })),
    undecided(boot({ diskEncryption: unknown, kmsKey: "k" }), "gceSetup.bootDisk.diskEncryption"),
    undecided(workbenchInstance({ gceSetup: unknown }), "gceSetup"),
    violates(workbenchInstance({ gceSetup: "CMEK" }), { code: "wrongType", field: "gceSetup" }),
    violates(boot({ diskEncryption: 7, kmsKey: "k" }), { code: "wrongType", field: "gceSetup.bootDisk.diskEncryption" }),
    // User-managed notebooks (deprecated): diskEncryption and kmsKey at the top level.
    violates(notebooksInstance({ diskEncryption: undefined, kmsKey: undefined }), { code: "notSet", field: "kmsKey" }),
    violates(notebooksInstance({ diskEncryption: "GMEK" }), { code: "googleManagedKey", field: "diskEncryption" }),
    violates(notebooksInstance({ diskEncryption: "DISK_ENCRYPTION_UNSPECIFIED" }), { code: "googleManagedKey", field: "diskEncryption" }),
    // Endpoints and datasets: encryptionSpec.kmsKeyName.
    violates(aiEndpoint({ encryptionSpec: undefined }), { code: "notSet", field: "encryptionSpec.kmsKeyName" }),
    violates(aiDataset({ encryptionSpec: {} }), { code: "notSet", field: "encryptionSpec.kmsKeyName" }),
    passes(aiDataset({ encryptionSpec: { kmsKeyName: unknown } })),
    violates(aiEndpoint({ encryptionSpec: ["SECRET"] }), { code: "wrongType", field: "encryptionSpec" }),
    garbage(boot({ diskEncryption: secret("SECRET"), kmsKey: { SECRET: 1 } })),
    garbage(aiEndpoint({ encryptionSpec: { kmsKeyName: secret(["SECRET"]) } })),
    noAutoRemediation(aiEndpoint({ encryptionSpec: undefined })),
    // Outputs-shaped (state): one-element lists, the input-only diskEncryption stored as "": the key decides.
    passes(workbenchInstanceOutputs()),
    violates(
        workbenchInstanceOutputs({ gceSetup: [{ disablePublicIp: true, bootDisk: [{ diskEncryption: "", kmsKey: "" }] }] }),
        { code: "notSet", field: "gceSetup.bootDisk.kmsKey" },
    ),
    passes(notebooksInstance({ diskEncryption: "CMEK", kmsKey: "projects/p/locations/l/keyRings/r/cryptoKeys/k", noPublicIp: true, state: "ACTIVE" })),
    violates(aiDataset({ encryptionSpec: [{ kmsKeyName: "" }] }), { code: "notSet", field: "encryptionSpec.kmsKeyName" }),
    passes(aiEndpoint({ encryptionSpec: [{ kmsKeyName: "projects/p/locations/l/keyRings/r/cryptoKeys/k" }] })),
]);

const publicIp = "gceSetup.disablePublicIp";
policyCases("gcp-vertex-notebook-no-public-ip", [
    passes(workbenchInstance()),
    passes(notebooksInstance()),
    violates(workbenchInstance({ gceSetup: { bootDisk: { diskEncryption: "CMEK", kmsKey: "k" } } }), { code: "absentDefault", field: publicIp }),
    violates(workbenchInstance({ gceSetup: undefined }), { code: "absentDefault", field: publicIp }),
    violates(workbenchInstance({ gceSetup: { disablePublicIp: false } }), { code: "notAllowed", field: publicIp }),
    violates(notebooksInstance({ noPublicIp: undefined }), { code: "absentDefault", field: "noPublicIp" }),
    violates(notebooksInstance({ noPublicIp: false }), { code: "notAllowed", field: "noPublicIp" }),
    undecided(workbenchInstance({ gceSetup: { disablePublicIp: unknown } }), publicIp),
    undecided(notebooksInstance({ noPublicIp: unknown }), "noPublicIp"),
    violates(workbenchInstance({ gceSetup: { disablePublicIp: "true" } }), { code: "wrongType", field: publicIp }),
    garbage(workbenchInstance({ gceSetup: { disablePublicIp: secret("SECRET") } })),
    noAutoRemediation(notebooksInstance({ noPublicIp: false })),
    // Outputs-shaped (state): gceSetup as a one-element list.
    passes(workbenchInstanceOutputs()),
    violates(workbenchInstanceOutputs({ gceSetup: [{ disablePublicIp: false }] }), { code: "notAllowed", field: publicIp }),
]);
