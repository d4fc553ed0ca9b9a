import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { computeSnapshot, disk, GCP_KMS_KEY, GCP_RAW_KEY, regionDisk, res, snapshotOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-compute-snapshot-encryption";
type Props = Record<string, unknown>;
const d = (props: Props = {}) => res(disk().type, "disk", { ...disk().props, selfLink: unknown, ...props });
const rd = (props: Props = {}) => res(regionDisk().type, "rdisk", { ...regionDisk().props, ...props });
const snap = (source?: ReturnType<typeof d>, props: Props = {}) =>
    res(computeSnapshot().type, "phi-snap", { ...computeSnapshot().props, snapshotEncryptionKey: undefined, sourceDisk: source ? unknown : undefined, ...props }, source ? { sourceDisk: [source] } : {});

stackCases(policy, [
    // Its own key: KMS, raw or RSA-wrapped, known or not.
    stackPasses([res(computeSnapshot().type, "phi-snap", computeSnapshot().props)]),
    stackPasses([snap(undefined, { sourceDisk: "elsewhere", snapshotEncryptionKey: { rawKey: secret(GCP_RAW_KEY) } })]),
    stackPasses([snap(undefined, { sourceDisk: "elsewhere", snapshotEncryptionKey: { kmsKeySelfLink: unknown } })]),
    stackPasses([snapshotOutputs()]),
    // No key of its own: the in-stack source disk's KMS key carries over, by dependency or name.
    stackPasses([d(), snap(d())]),
    stackPasses([rd({ name: "rdisk" }), snap(undefined, { sourceDisk: "rdisk" })]),
    stackViolates([rd({ name: "rdisk", diskEncryptionKey: { kmsKeySelfLink: GCP_KMS_KEY } }), snap(undefined, { sourceDisk: "rdisk" })], [{ on: "phi-snap", code: "googleManagedKey", field: "snapshotEncryptionKey" }]),
    stackPasses([d({ diskEncryptionKey: { kmsKeySelfLink: unknown } }), snap(d())]),
    // Nothing to inherit: a disk with Google's key, or a customer-supplied one (it does not carry over).
    stackViolates([d({ diskEncryptionKey: undefined }), snap(d())], [{ on: "phi-snap", code: "googleManagedKey", field: "snapshotEncryptionKey" }]),
    stackViolates([d({ diskEncryptionKey: { rawKey: secret(GCP_RAW_KEY) } }), snap(d())], [{ on: "phi-snap", code: "googleManagedKey", field: "snapshotEncryptionKey" }]),
    stackViolates([snap()], [{ on: "phi-snap", code: "googleManagedKey", field: "snapshotEncryptionKey" }]),
    stackNotApplicable([snap(undefined, { sourceDisk: "elsewhere", snapshotEncryptionKey: { kmsKeyServiceAccount: "sa@p.iam.gserviceaccount.com" } })], /not created by this stack/),
    stackViolates([snapshotOutputs({ snapshotEncryptionKey: [{ kmsKeySelfLink: "", kmsKeyServiceAccount: "", rawKey: "", rsaEncryptedKey: "", sha256: "" }], sourceDisk: "" })], [{ on: "phi-snap", code: "googleManagedKey", field: "snapshotEncryptionKey" }]),
    // A disk managed elsewhere, an instant snapshot: not decidable here; unknown references: undecided.
    stackNotApplicable([snap(undefined, { sourceDisk: "projects/p/zones/z/disks/legacy" })], /not created by this stack/),
    stackNotApplicable([snap(undefined, { sourceInstantSnapshot: "isnap" })], /instant snapshot/),
    stackUndecided([snap(undefined, { sourceDisk: unknown })], [{ on: "phi-snap", fields: "sourceDisk" }]),
    stackUndecided([d({ diskEncryptionKey: unknown }), snap(d())], [{ on: "phi-snap", fields: "sourceDisk.diskEncryptionKey" }]),
    stackUndecided([snap(undefined, { snapshotEncryptionKey: unknown })], [{ on: "phi-snap", fields: "snapshotEncryptionKey" }]),
    stackGarbage([d({ diskEncryptionKey: "k" }), snap(d(), { snapshotEncryptionKey: { rawKey: 12345 } }), res(computeSnapshot().type, "x", { sourceDisk: 4, snapshotEncryptionKey: [] })]),
]);
