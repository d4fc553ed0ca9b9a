// Compute Engine fixtures: VMs built from a template or machine image, project metadata, and
// outputs-shaped (state) instances. Not a test file; the compute tests import it.

import { factory, GCP_APP_SA, GCP_KMS_KEY } from "../../factories";

type Props = Record<string, unknown>;

export const T = {
    instance: "gcp:compute/instance:Instance",
    template: "gcp:compute/instanceTemplate:InstanceTemplate",
    regionTemplate: "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
    fromTemplate: "gcp:compute/instanceFromTemplate:InstanceFromTemplate",
    fromImage: "gcp:compute/instanceFromMachineImage:InstanceFromMachineImage",
    projectMetadata: "gcp:compute/projectMetadata:ProjectMetadata",
    projectMetadataItem: "gcp:compute/projectMetadataItem:ProjectMetadataItem",
};

export const shielded = { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true };
export const osLogin = { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" };
export const TEMPLATE_LINK = "https://www.googleapis.com/compute/v1/projects/phi-prod/global/instanceTemplates/phi-vm";

/**
 * Inputs of a `gcp.compute.InstanceFromTemplate` that overrides nothing the VM policies check
 * (field names from @pulumi/gcp 9.37 compute/instanceFromTemplate.d.ts InstanceFromTemplateArgs).
 */
export const fromTemplate = factory(T.fromTemplate, "vm", { zone: "us-central1-a", sourceInstanceTemplate: TEMPLATE_LINK });

/** The same VM overriding every field the VM policies check, each compliantly. */
export const overridingAll = {
    bootDisk: { initializeParams: { image: "debian-cloud/debian-12" }, kmsKeySelfLink: GCP_KMS_KEY },
    attachedDisks: [{ source: "phi-data" }],
    networkInterfaces: [{ subnetwork: "phi-subnet" }],
    shieldedInstanceConfig: shielded,
    metadata: osLogin,
    serviceAccount: { email: GCP_APP_SA, scopes: ["cloud-platform"] },
    canIpForward: false,
};

/** Inputs of a `gcp.compute.InstanceFromMachineImage` (InstanceFromMachineImageArgs: it has no bootDisk input). */
export const fromImage = factory(T.fromImage, "imgvm", { zone: "us-central1-a", sourceMachineImage: "projects/phi-prod/global/machineImages/phi-golden" });

export const projectMetadata = factory(T.projectMetadata, "project", { metadata: { "enable-oslogin": "TRUE" } });
export const projectMetadataItem = factory(T.projectMetadataItem, "item", { key: "serial-port-enable", value: "FALSE" });

/**
 * An instance's outputs as Pulumi state holds them. Origin: the only public state of a GCE instance
 * found (no public `pulumi stack export` of a gcp:compute/instance:Instance turned up in the search
 * tool's corpora): the Terraform state in github.com/saeidskyboy/GCP, commit 5eb60af7923de62cec05b4402b7a68da6be0d5d8,
 * file TerraformOnGCP/multi_env_module_tfvar/simu.tfvars (hashicorp/google >= 5.34, schema_version 6),
 * resource google_compute_instance.vm_instance[0]. @pulumi/gcp bridges that provider: the same
 * attributes, camelCased, with single-element blocks as objects (types/output.d.ts InstanceBootDisk
 * etc.); its empty service_account list is an omitted serviceAccount. Values as recorded.
 */
export const stateInstanceRecorded: Props = {
    name: "stage-vm-f7",
    project: "cloud-2255",
    zone: "us-central1-b",
    machineType: "e2-micro",
    instanceId: "7635993444928196791",
    metadataFingerprint: "_MgGnJioOG8=",
    selfLink: "https://www.googleapis.com/compute/v1/projects/cloud-2255/zones/us-central1-b/instances/stage-vm-f7",
    cpuPlatform: "Intel Broadwell",
    currentStatus: "RUNNING",
    bootDisk: {
        autoDelete: true,
        deviceName: "persistent-disk-0",
        diskEncryptionKeyRaw: "",
        diskEncryptionKeySha256: "",
        initializeParams: {
            enableConfidentialCompute: false,
            image: "https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/debian-11-bullseye-v20240611",
            labels: {},
            provisionedIops: 0,
            provisionedThroughput: 0,
            size: 10,
            type: "pd-standard",
        },
        kmsKeySelfLink: "",
        mode: "READ_WRITE",
        source: "https://www.googleapis.com/compute/v1/projects/cloud-2255/zones/us-central1-b/disks/stage-vm-f7",
    },
    attachedDisks: [],
    scratchDisks: [],
    metadata: { environment: "stage" },
    shieldedInstanceConfig: { enableIntegrityMonitoring: true, enableSecureBoot: false, enableVtpm: true },
    canIpForward: false,
    networkInterfaces: [
        {
            accessConfigs: [],
            aliasIpRanges: [],
            internalIpv6PrefixLength: 0,
            ipv6AccessConfigs: [],
            ipv6AccessType: "",
            ipv6Address: "",
            name: "nic0",
            network: "https://www.googleapis.com/compute/v1/projects/cloud-2255/global/networks/custome-vpc-stage",
            networkIp: "10.0.8.2",
            nicType: "",
            queueCount: 0,
            stackType: "IPV4_ONLY",
            subnetwork: "https://www.googleapis.com/compute/v1/projects/cloud-2255/regions/us-central1/subnetworks/subnet-test1-stage",
            subnetworkProject: "cloud-2255",
        },
    ],
};

const KMS_OUTPUT = "projects/phi/locations/us-central1/keyRings/phi/cryptoKeys/phi";

/** The recorded state made compliant: what the provider reports for a VM with a CMEK boot disk, Shielded VM, OS Login and a dedicated account. */
const compliantState: Props = {
    ...stateInstanceRecorded,
    bootDisk: { ...(stateInstanceRecorded.bootDisk as Props), kmsKeySelfLink: KMS_OUTPUT },
    shieldedInstanceConfig: shielded,
    metadata: { ...osLogin, environment: "stage" },
    serviceAccount: { email: GCP_APP_SA, scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
};

export const stateInstance = factory(T.instance, "state-vm", compliantState);
/** A template-built VM's outputs: the provider reads it back like an instance (resourceComputeInstanceRead). */
export const stateFromTemplate = factory(T.fromTemplate, "state-tvm", { ...compliantState, sourceInstanceTemplate: `${TEMPLATE_LINK}?uniqueId=4471` });
/** A machine-image VM's outputs report its boot disk as bootDisks (InstanceFromMachineImage outputs). */
const { bootDisk: imageBootDisk, ...imageRest } = compliantState;
export const stateFromImage = factory(T.fromImage, "state-ivm", { ...imageRest, bootDisks: [imageBootDisk], sourceMachineImage: "projects/phi-prod/global/machineImages/phi-golden" });
/** The recorded boot disk with the key fields the provider reports set as given. */
export const reportedBootDisk = (keys: Props): Props => ({ ...(stateInstanceRecorded.bootDisk as Props), ...keys });
