// What the pack knows about Compute Engine VMs and disks, shared by its policies.
//
// VM settings are checked where they are declared: on instances and on (regional) instance
// templates, whose VMs inherit them. Disks are checked where they are created: a standalone disk
// on its own resource, a boot disk built from an image on its instance, a template disk on its
// template. A disk attached by `source` already exists, so its key was chosen by its own resource.

import { booleanAttribute, cloudFact, gcpTypes, serviceFact } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { isSetString, isUnknown, Props, Read } from "../../lib/props";
import { lowerString, valueOf } from "../../lib/rules";

export const instance = "gcp:compute/instance:Instance";
export const instanceTemplate = "gcp:compute/instanceTemplate:InstanceTemplate";
export const regionInstanceTemplate = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
export const disk = "gcp:compute/disk:Disk";
export const regionDisk = "gcp:compute/regionDisk:RegionDisk";

/** The types that describe a VM: an instance, or a template its VMs are created from. */
export const vmTypes = [instance, instanceTemplate, regionInstanceTemplate];

const instanceSource = gcpTypes("compute/instance");

// Provider defaults (InstanceShieldedInstanceConfig): Secure Boot false, vTPM and integrity monitoring true.
export const enableSecureBoot = booleanAttribute({ types: vmTypes, block: "shieldedInstanceConfig", field: "enableSecureBoot", default: false, source: instanceSource });
export const enableVtpm = booleanAttribute({ types: vmTypes, block: "shieldedInstanceConfig", field: "enableVtpm", default: true, source: instanceSource });
export const enableIntegrityMonitoring = booleanAttribute({ types: vmTypes, block: "shieldedInstanceConfig", field: "enableIntegrityMonitoring", default: true, source: instanceSource });
export const canIpForward = booleanAttribute({ types: vmTypes, field: "canIpForward", default: false, source: instanceSource });

serviceFact({ about: "gcp.compute.Instance serviceAccount", says: "omitted: no service account is attached; a block without email uses the default Compute Engine service account", source: gcpTypes("compute/instance") + " and the provider's expandServiceAccounts" });
serviceFact({ about: "Compute Engine Local SSD (scratch) disks", says: "always encrypted with an ephemeral Google key; a customer key cannot be set", source: "Google Compute Engine documentation: Local SSD encryption" });
serviceFact({ about: "gcp.compute.InstanceTemplate disks[].diskEncryptionKey", says: "only a Cloud KMS key (kmsKeySelfLink); templates cannot carry customer-supplied keys", source: gcpTypes("compute/instanceTemplate") });

// --- Disk keys --------------------------------------------------------------------------------------

/** A field that names a key: a KMS key (a resource name) or customer-supplied key material. */
export interface KeyField {
    readonly name: string;
    /** Key material: never described, not even by its type. */
    readonly material: boolean;
}

export const kmsKeySelfLink: KeyField = { name: "kmsKeySelfLink", material: false };
export const kmsKeyName: KeyField = { name: "kmsKeyName", material: false };
export const rawKey: KeyField = { name: "rawKey", material: true };
export const rsaEncryptedKey: KeyField = { name: "rsaEncryptedKey", material: true };
export const bootDiskKeys: readonly KeyField[] = [
    kmsKeySelfLink,
    { name: "diskEncryptionKeyRaw", material: true },
    { name: "diskEncryptionKeyRsa", material: true },
];

/**
 * The disk described by `block` (at `path`) is encrypted with a customer-managed (Cloud KMS) or
 * customer-supplied key: one of `fields` is set. A key unknown at preview is present.
 */
export function customerKey(read: Read<Props>, o: { path: string; fields: readonly KeyField[]; fix: string }): Outcome {
    const block = valueOf(read, { path: o.path, expected: "a block", fix: o.fix, absent: undefined });
    if (isOutcome(block)) return block;
    if (block === undefined) return violation({ code: "googleManagedKey", field: o.path, problem: `${o.path} is not set, so the disk is encrypted with a Google-managed key`, fix: o.fix });
    let wrongTyped: Outcome | undefined;
    for (const field of o.fields) {
        const key = valueOf(block.string(field.name), { path: `${o.path}.${field.name}`, expected: "a string", fix: o.fix, absent: undefined, secret: field.material });
        if (isOutcome(key)) {
            if (key.kind === "undecided") return pass; // a key unknown at preview is present
            wrongTyped ??= key;
        } else if (key !== undefined && key.trim() !== "") {
            return pass;
        }
    }
    const names = o.fields.map(f => f.name);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
    return wrongTyped ?? violation({ code: "googleManagedKey", field: o.path, problem: `${o.path} sets no ${list}, so the disk is encrypted with a Google-managed key`, fix: o.fix });
}

/** The disk refers to an existing disk (`source`), whose own resource chose its key. */
export function attachesExistingDisk(props: Props): boolean {
    return isSetString(props.string("source"));
}

/** Whether a template disk is a Local SSD, which Compute Engine encrypts with its own ephemeral key only. */
export function isLocalSsd(d: Props): boolean | "unknown" {
    const type = lowerString(d, "type");
    const diskType = lowerString(d, "diskType");
    if ((type.state === "known" && type.value === "scratch") || (diskType.state === "known" && diskType.value === "local-ssd")) return true;
    return type.state === "unknown" || diskType.state === "unknown" ? "unknown" : false;
}

// --- Instance metadata ------------------------------------------------------------------------------

// The guest agent decodes boolean metadata with Go's strconv.ParseBool; these are its spellings.
const metadataSpellings = cloudFact(
    { about: "Compute Engine boolean metadata values", says: "read with Go's strconv.ParseBool (1, t, T, TRUE, true, True and their false counterparts)", source: "GoogleCloudPlatform/guest-agent metadata parsing" },
    { true: new Set(["1", "t", "T", "TRUE", "true", "True"]), false: new Set(["0", "f", "F", "FALSE", "false", "False"]) },
);

/** How Compute Engine reads one metadata value as a boolean; undefined when it cannot. */
export function metadataBoolean(value: unknown): boolean | undefined {
    const text = typeof value === "string" ? value : typeof value === "boolean" || typeof value === "number" ? String(value) : undefined;
    if (text === undefined) return undefined;
    if (metadataSpellings.true.has(text)) return true;
    if (metadataSpellings.false.has(text)) return false;
    return undefined;
}

/**
 * The values set for a metadata key, or the outcome that stops the check (the map unknown or not a
 * map). Keys are matched case-insensitively, as the guest agent's JSON decoding matches them, so
 * every spelling of the key is returned; none set reads as an empty list.
 */
export function metadataValues(props: Props, key: string, fix: string): unknown[] | Outcome {
    const map = valueOf(props.object("metadata"), { path: "metadata", expected: "a map of strings", fix, absent: undefined });
    if (map === undefined) return [];
    if (isOutcome(map)) return map;
    const values = map
        .keys()
        .filter(k => k.toLowerCase() === key)
        .map(k => map.raw(k))
        .filter(v => v !== undefined && v !== null);
    return values.some(isUnknown) ? undecided(`metadata["${key}"]`) : values;
}

/** Metadata `key` must be read as true; `absentMeans` is what applies when the instance does not set it. */
export function metadataMustBeTrue(props: Props, key: string, o: { absentMeans: boolean; absentProblem: string }): Outcome {
    const fix = `set metadata["${key}"]: "TRUE"`;
    const values = metadataValues(props, key, fix);
    if (isOutcome(values)) return values;
    if (values.length === 0) return o.absentMeans ? pass : violation({ code: "absentDefault", field: `metadata["${key}"]`, problem: o.absentProblem, fix });
    for (const value of values) {
        const parsed = metadataBoolean(value);
        if (parsed === false) return violation({ code: "notAllowed", field: `metadata["${key}"]`, problem: `metadata["${key}"] is false`, fix });
        if (parsed === undefined) return violation({ code: "unrecognised", field: `metadata["${key}"]`, problem: `metadata["${key}"] is not a value Compute Engine reads as true`, fix });
    }
    return pass;
}
