// Snapshots of PHI disks are encrypted with a key the customer controls: their own
// snapshotEncryptionKey, or (left unset) the Cloud KMS key of the in-stack disk they copy.

import { cloudFact, gcpTypes } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, undecided, violation } from "../../lib/outcome";
import { unsetWhenEmpty } from "../../lib/rules";
import { defineStackPolicy, ReferenceTarget, referenced, StackOutcome } from "../../lib/stack";
import { customerKey, disk, kmsKeyName, kmsKeySelfLink, rawKey, regionDisk, rsaEncryptedKey } from "./facts";

const snapshot = cloudFact(
    {
        about: "gcp.compute.Snapshot snapshotEncryptionKey",
        says: "omitted: a snapshot of a disk encrypted with a Cloud KMS key is encrypted with that key; of any other disk, with a Google-managed key",
        source: `${gcpTypes("compute/snapshot")}; https://cloud.google.com/compute/docs/disks/customer-managed-encryption (snapshots of CMEK disks)`,
    },
    "gcp:compute/snapshot:Snapshot",
);

const diskKey = (value: string) => {
    const i = value.indexOf("projects/");
    return i >= 0 ? value.slice(i) : value;
};
const sourceDisk: ReferenceTarget = { types: [disk, regionDisk], keys: ["selfLink", "id", "name"], normalize: diskKey };
const fix = "set snapshotEncryptionKey.kmsKeySelfLink to the id of a gcp.kms.CryptoKey";

export default defineStackPolicy({
    name: "gcp-compute-snapshot-encryption",
    description: "Compute Engine snapshots are encrypted with a customer-managed Cloud KMS key (or a customer-supplied key): their own, or the KMS key of the in-stack disk they copy.",
    severity: "high",
    types: [snapshot],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "compute", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-compute-02"] },
    remediation:
        "Set `snapshotEncryptionKey.kmsKeySelfLink` on the `gcp.compute.Snapshot` to a `gcp.kms.CryptoKey` the Compute Engine service agent may use (or a customer-supplied `rawKey` / `rsaEncryptedKey` from a Pulumi secret), " +
        "or snapshot a disk encrypted with a Cloud KMS key (`diskEncryptionKey.kmsKeySelfLink`, `kmsKeyName` on a `RegionDisk`), whose key the snapshot keeps. The key is fixed when the snapshot is created.",
    check: (s, stack): StackOutcome[] => {
        const own = customerKey(s.props.single("snapshotEncryptionKey"), { path: "snapshotEncryptionKey", fields: [kmsKeySelfLink, rawKey, rsaEncryptedKey], fix });
        if (own.kind !== "violation" || own.code !== "googleManagedKey") return [own];
        const named = s.dependsOn("sourceDisk").length > 0 || unsetWhenEmpty(s.props.string("sourceDisk")).state !== "absent";
        if (!named) {
            return unsetWhenEmpty(s.props.string("sourceInstantSnapshot")).state !== "absent"
                ? [notApplicable("the snapshot copies an instant snapshot, whose key this policy cannot follow; set snapshotEncryptionKey to decide it here")]
                : [own];
        }
        const source = referenced(stack, s, { field: "sourceDisk", target: sourceDisk, what: "source disk" });
        if (isOutcome(source)) return [source];
        const inherited: Outcome = customerKey(source.props.single("diskEncryptionKey"), { path: "diskEncryptionKey", fields: [source.type === regionDisk ? kmsKeyName : kmsKeySelfLink], fix });
        if (inherited.kind === "pass") return [inherited];
        if (inherited.kind === "undecided") return [undecided(`sourceDisk.${inherited.field}`)];
        return [
            violation({
                code: "googleManagedKey",
                field: "snapshotEncryptionKey",
                problem: "snapshotEncryptionKey is not set and the source disk has no Cloud KMS key to pass on, so the snapshot is encrypted with a Google-managed key",
                fix,
            }),
        ];
    },
});

