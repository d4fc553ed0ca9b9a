// What the pack knows about Compute Engine VMs and disks, shared by its policies.
//
// VM settings are checked where they are declared: on instances and on (regional) instance
// templates, whose VMs inherit them. Disks are checked where they are created: a standalone disk
// on its own resource, a boot disk built from an image on its instance, a template disk on its
// template. A disk attached by `source` already exists, so its key was chosen by its own resource.
//
// A VM built from a template or machine image (InstanceFromTemplate, InstanceFromMachineImage) is
// checked like an instance on what it sets itself: the provider sends every top-level field set
// on it, replacing the source's value. A field it leaves unset comes from its source, which only a
// stack-level look-up can read (gcp-compute-inherited-settings); the VM policies leave it to that.

import { booleanAttribute, cloudFact, gcpTypes, serviceFact } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Resource } from "../../lib/policy";
import { isSetString, isUnknown, Props, Read } from "../../lib/props";
import { Element, lowerString, valueOf } from "../../lib/rules";

export const instance = "gcp:compute/instance:Instance";
export const instanceTemplate = "gcp:compute/instanceTemplate:InstanceTemplate";
export const regionInstanceTemplate = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
export const instanceFromTemplate = "gcp:compute/instanceFromTemplate:InstanceFromTemplate";
export const instanceFromMachineImage = "gcp:compute/instanceFromMachineImage:InstanceFromMachineImage";
export const disk = "gcp:compute/disk:Disk";
export const regionDisk = "gcp:compute/regionDisk:RegionDisk";
export const projectMetadata = "gcp:compute/projectMetadata:ProjectMetadata";
export const projectMetadataItem = "gcp:compute/projectMetadataItem:ProjectMetadataItem";

/** VMs whose unset fields come from a source: an instance template, or a machine image. */
export const derivedVmTypes = [instanceFromTemplate, instanceFromMachineImage];
/** The types that declare every setting of a VM themselves (or, templates, of the VMs built from them). */
export const declaredVmTypes = [instance, instanceTemplate, regionInstanceTemplate];
/** The types that describe a VM. */
export const vmTypes = [...declaredVmTypes, ...derivedVmTypes];

const instanceSource = gcpTypes("compute/instance");
const fromTemplateSource = `${gcpTypes("compute/instanceFromTemplate")} and ${gcpTypes("compute/instanceFromMachineImage")}; hashicorp/terraform-provider-google resource_compute_instance_from_template.go`;

// Provider defaults (InstanceShieldedInstanceConfig): Secure Boot false, vTPM and integrity monitoring true.
export const enableSecureBoot = booleanAttribute({ types: vmTypes, block: "shieldedInstanceConfig", field: "enableSecureBoot", default: false, source: instanceSource });
export const enableVtpm = booleanAttribute({ types: declaredVmTypes, block: "shieldedInstanceConfig", field: "enableVtpm", default: true, source: instanceSource });
export const enableIntegrityMonitoring = booleanAttribute({ types: declaredVmTypes, block: "shieldedInstanceConfig", field: "enableIntegrityMonitoring", default: true, source: instanceSource });
// A template-built VM's schema drops the instance's defaults and the provider sends every field of
// an overriding block (ForceSendFields), so a field left out of it is sent as false.
export const derivedVtpm = booleanAttribute({ types: derivedVmTypes, block: "shieldedInstanceConfig", field: "enableVtpm", default: false, source: fromTemplateSource });
export const derivedIntegrityMonitoring = booleanAttribute({ types: derivedVmTypes, block: "shieldedInstanceConfig", field: "enableIntegrityMonitoring", default: false, source: fromTemplateSource });
export const canIpForward = booleanAttribute({ types: declaredVmTypes, field: "canIpForward", default: false, source: instanceSource });

/** The field naming a derived VM's source, or undefined for a VM that declares everything itself. */
export function sourceOf(type: string): "sourceInstanceTemplate" | "sourceMachineImage" | undefined {
    return type === instanceFromTemplate ? "sourceInstanceTemplate" : type === instanceFromMachineImage ? "sourceMachineImage" : undefined;
}

/**
 * For a VM built from a template or machine image that leaves `field` unset: the outcome that leaves
 * the inherited value to the stack-level check. Undefined when the VM sets it (or is no such VM).
 */
export function inherited(r: Resource, field: string): Outcome | undefined {
    const source = sourceOf(r.type);
    if (source === undefined || r.props.has(field) || isReadBack(r.props)) return undefined;
    return inheritedFrom(source, field);
}

// Outputs-only fields: a VM that has them is the provider's read-back of the real VM, whose metadata
// map is complete (resourceComputeInstanceRead), so a key missing from it is not set anywhere on the VM.
const readBack = ["instanceId", "metadataFingerprint", "selfLink"];

/** Whether a VM's properties are the provider's read-back of it (outputs), not a program's request. */
export function isReadBack(props: Props): boolean {
    return readBack.some(f => props.has(f));
}

/** For a template-built VM's own metadata map that leaves `key` out: undefined on outputs, the deferral on inputs. */
export function inheritedKey(r: Resource, key: string): Outcome | undefined {
    const source = sourceOf(r.type);
    return source && !isReadBack(r.props) ? inheritedFrom(source, `metadata["${key}"]`) : undefined;
}

export function inheritedFrom(source: string, field: string): Outcome {
    return notApplicable(`${field} comes from the VM's ${source}, which gcp-compute-inherited-settings checks`);
}

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

// An instance's outputs name the disk it created in `source` and report the disk's key: the KMS key
// (without its version) in kmsKeySelfLink, a customer-supplied key's hash in the output-only
// diskEncryptionKeySha256; both stay empty for a Google-managed key.
const reportedKeys = cloudFact(
    {
        about: "gcp.compute.Instance (and template-built VMs) bootDisk outputs",
        says: "source always names the disk; kmsKeySelfLink and diskEncryptionKeySha256 report its key, empty for a Google-managed key",
        source: `hashicorp/terraform-provider-google flattenBootDisk (resource_compute_instance.go); ${gcpTypes("types/output")} InstanceBootDisk`,
    },
    { sha256: "diskEncryptionKeySha256" },
);

/** Whether a boot disk block is the provider's report of a disk (outputs), not a program's request (inputs). */
export function reportsKey(b: Props): boolean {
    // Inputs cannot carry the hash, and give either `source` or `initializeParams`, never both.
    return b.has(reportedKeys.sha256) || (b.has("source") && b.has("initializeParams"));
}

/**
 * An instance's boot disk (at `path`) has a customer-managed or customer-supplied key. Outputs are
 * judged by the key the provider reports; inputs that attach an existing disk by `source` are left
 * to that disk's own resource.
 */
export function bootDiskKey(read: Read<Props>, o: { path: string; fix: string }): Outcome {
    if (read.state !== "known") return customerKey(read, { path: o.path, fields: bootDiskKeys, fix: o.fix });
    const b = read.value;
    const reported = reportsKey(b);
    if (!reported && attachesExistingDisk(b)) return pass;
    const key = customerKey(read, { path: o.path, fields: bootDiskKeys, fix: o.fix });
    if (key.kind !== "violation" || key.code !== "googleManagedKey" || !reported) return key;
    const hash = b.string(reportedKeys.sha256);
    const known = valueOf(hash, { path: `${o.path}.${reportedKeys.sha256}`, expected: "a string", fix: o.fix, absent: "" });
    if (isOutcome(known)) return known;
    if (known.trim() !== "") return pass;
    return violation({ code: "googleManagedKey", field: `${o.path}.kmsKeySelfLink`, problem: `${o.path}.kmsKeySelfLink and ${o.path}.${reportedKeys.sha256} report no key, so the disk is encrypted with a Google-managed key`, fix: o.fix });
}

/** Whether a template disk is a Local SSD, which Compute Engine encrypts with its own ephemeral key only. */
export function isLocalSsd(d: Props): boolean | "unknown" {
    const type = lowerString(d, "type");
    const diskType = lowerString(d, "diskType");
    if ((type.state === "known" && type.value === "scratch") || (diskType.state === "known" && diskType.value === "local-ssd")) return true;
    return type.state === "unknown" || diskType.state === "unknown" ? "unknown" : false;
}

/** The key of one disk a template creates; undefined for a disk it attaches or a Local SSD. */
export function templateDiskKey(d: Element, fix: (path: string) => string): Outcome | undefined {
    if (attachesExistingDisk(d.props)) return undefined;
    const keyPath = `${d.path}.diskEncryptionKey`;
    // Instance templates cannot carry customer-supplied keys: only a KMS key is possible.
    const key = customerKey(d.props.single("diskEncryptionKey"), { path: keyPath, fields: [kmsKeySelfLink], fix: fix(`${keyPath}.kmsKeySelfLink`) });
    if (key.kind !== "violation") return key;
    const localSsd = isLocalSsd(d.props);
    return localSsd === "unknown" ? undecided(`${d.path}.type`) : localSsd ? undefined : key;
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

// Metadata keys are case-sensitive: Compute Engine reads the documented spelling only.
cloudFact(
    {
        about: "Compute Engine metadata keys",
        says: "case-sensitive: serial-port-enable, enable-oslogin and the other predefined keys count in their documented spelling only",
        source: "https://cloud.google.com/compute/docs/metadata/setting-custom-metadata and https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys (\"Metadata keys are case sensitive\")",
    },
    undefined,
);

// The guest agent, though, decodes its keys with Go's encoding/json, which also accepts another
// case: a second spelling set to false may turn the feature off on the VM.
const agentKeys = cloudFact(
    {
        about: "Compute Engine guest agent metadata (enable-oslogin, block-project-ssh-keys)",
        says: "decoded with Go encoding/json, which matches a key in another case too, so another spelling may override the documented one",
        source: "GoogleCloudPlatform/guest-agent metadata Attributes.UnmarshalJSON; https://pkg.go.dev/encoding/json#Unmarshal",
    },
    new Set(["enable-oslogin", "block-project-ssh-keys"]),
);

/** Metadata `key` in a VM's or project's map: its value (undefined when unset) and other spellings' values. */
export interface MetadataEntry {
    readonly value: unknown;
    readonly otherSpellings: readonly unknown[];
}

/** The entry for `key`, or the outcome that stops the check (the map unknown, or not a map). */
export function metadataEntry(props: Props, key: string, fix: string, path?: string): MetadataEntry | Outcome {
    const map = valueOf(props.object("metadata"), { path: "metadata", expected: "a map of strings", fix, absent: undefined });
    if (isOutcome(map)) return map;
    if (map === undefined) return { value: undefined, otherSpellings: [] };
    const value = map.raw(key);
    if (isUnknown(value)) return undecided(path ?? `metadata["${key}"]`);
    const otherSpellings = map.keys().filter(k => k !== key && k.toLowerCase() === key).map(k => map.raw(k)).filter(v => v !== undefined && v !== null);
    return { value: value ?? undefined, otherSpellings };
}

/**
 * Metadata `key` must be read as true. `absentMeans` applies when it is not set; `absent`, when
 * given, is the outcome instead (the value comes from elsewhere).
 */
export function metadataMustBeTrue(props: Props, key: string, o: { absentMeans: boolean; absentProblem: string; absent?: Outcome; path?: string }): Outcome {
    const field = o.path ?? `metadata["${key}"]`;
    const fix = `set ${field}: "TRUE"`;
    const entry = metadataEntry(props, key, fix, o.path);
    if (isOutcome(entry)) return entry;
    if (agentKeys.has(key)) {
        for (const other of entry.otherSpellings) {
            if (isUnknown(other)) return undecided(field);
            if (metadataBoolean(other) !== true) {
                return violation({ code: "otherSpelling", field, problem: `a second spelling of ${field} is false or unreadable, and the guest agent may read it instead`, fix: `remove every other spelling of ${field}` });
            }
        }
    }
    if (entry.value === undefined) return o.absent ?? (o.absentMeans ? pass : violation({ code: "absentDefault", field, problem: o.absentProblem, fix }));
    const parsed = metadataBoolean(entry.value);
    if (parsed === false) return violation({ code: "notAllowed", field, problem: `${field} is false`, fix });
    if (parsed === undefined) return violation({ code: "unrecognised", field, problem: `${field} is not a value Compute Engine reads as true`, fix });
    return pass;
}

/** Metadata `key` (a risky switch) must not be read as true; `absent`, when given, is the outcome when it is not set. */
export function metadataMustNotBeTrue(props: Props, key: string, o: { what: string; absent?: Outcome; path?: string }): Outcome {
    const field = o.path ?? `metadata["${key}"]`;
    const fix = `remove ${field} or set it to "FALSE"`;
    const entry = metadataEntry(props, key, fix, o.path);
    if (isOutcome(entry)) return entry;
    if (entry.value === undefined) return o.absent ?? pass;
    const parsed = metadataBoolean(entry.value);
    if (parsed === true) return violation({ code: "notAllowed", field, problem: `${field} is true, so ${o.what}`, fix });
    // Fail closed: a value the pack cannot read as false might be read as true.
    if (parsed === undefined) return violation({ code: "unrecognised", field, problem: `${field} is not a value Compute Engine reads as false`, fix });
    return pass;
}

/**
 * A ProjectMetadataItem as the project metadata map it contributes (`{ metadata: { key: value } }`):
 * undefined when it sets another key, the outcome that stops the check when its key is unreadable.
 */
export function itemAsMetadata(props: Props, key: string): Props | Outcome | undefined {
    const k = valueOf(props.string("key"), { path: "key", expected: "a string", fix: `set key to "${key}"`, absent: undefined });
    if (isOutcome(k)) return k;
    if (k === key) return new Props({ metadata: { [key]: props.raw("value") } });
    // Another spelling of a key the guest agent reads in any case: as in a metadata map, it must not be false.
    if (k === undefined || !agentKeys.has(key) || k.toLowerCase() !== key) return undefined;
    const value = props.raw("value");
    if (isUnknown(value)) return undecided("value");
    if (metadataBoolean(value) === true) return pass;
    return violation({ code: "otherSpelling", field: "key", problem: `this item's key is another spelling of "${key}" and its value is not true, and the guest agent may read it`, fix: `use key "${key}" with value "TRUE", or remove this item` });
}
