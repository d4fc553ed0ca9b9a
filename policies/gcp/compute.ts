// Compute Engine controls: disks encrypted with keys the customer controls, Shielded VM, OS Login
// instead of metadata SSH keys, no interactive serial port, no external IP, no default service
// account with full API access, no IP forwarding.
//
// VM settings are checked where they are declared: on instances and on (regional) instance
// templates, whose VMs inherit them. Disks are checked where they are created: a standalone disk
// on its own resource, a boot disk built from an image on its instance, a template disk on its
// template. A disk attached by `source` already exists, so its key was chosen by its own resource.

import { booleanKnob } from "../lib/knobs";
import { Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy, Resource } from "../lib/policy";
import { classify, describeWrongType, isSetString, isUnknown, Props, Read } from "../lib/props";
import { booleanOutcome, fixBlock, fixTrue, lowerString, mustBeFalse } from "../lib/rules";

export const instance = "gcp:compute/instance:Instance";
export const instanceTemplate = "gcp:compute/instanceTemplate:InstanceTemplate";
export const regionInstanceTemplate = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
export const disk = "gcp:compute/disk:Disk";
export const regionDisk = "gcp:compute/regionDisk:RegionDisk";

/** The types that describe a VM: an instance, or a template its VMs are created from. */
const vmTypes = [instance, instanceTemplate, regionInstanceTemplate];

const noBlock = new Props({});

/** A nested block as the check sees it: known (or omitted, as an empty block), or the outcome that stops the check. */
function blockOf(read: Read<Props>, path: string, fix: string): Props | Outcome {
    switch (read.state) {
        case "absent":
            return noBlock;
        case "unknown":
            return undecided(path);
        case "wrongType":
            return violation(`${path} is ${describeWrongType(read.value)}, not a block`, fix);
        case "known":
            return read.value;
    }
}

function isOutcome(value: Props | Outcome): value is Outcome {
    return !(value instanceof Props);
}

/** One element of a list of nested blocks, with the path messages name it by. */
interface Element {
    readonly path: string;
    readonly props: Props;
}

/**
 * The known blocks of a list-valued field. An unknown list or element leaves the check undecided
 * for it, a wrong-typed one is reported, and null elements (the engine's "nothing") are skipped.
 */
function elementsOf(props: Props, field: string, fix: string): { elements: Element[]; outcomes: Outcome[] } {
    const elements: Element[] = [];
    const outcomes: Outcome[] = [];
    const read = props.list(field);
    if (read.state === "unknown") outcomes.push(undecided(field));
    if (read.state === "wrongType") outcomes.push(violation(`${field} is ${describeWrongType(read.value)}, not a list`, fix));
    if (read.state !== "known") return { elements, outcomes };
    read.value.forEach((item, i) => {
        const path = `${field}[${i}]`;
        const block = classify(item, "object");
        if (block.state === "unknown") outcomes.push(undecided(path));
        else if (block.state === "wrongType") outcomes.push(violation(`${path} is ${describeWrongType(block.value)}, not a block`, fix));
        else if (block.state === "known") elements.push({ path, props: block.value });
    });
    return { elements, outcomes };
}

// --- Disk encryption ----------------------------------------------------------------------------

/** A field that names a key: a KMS key (a resource name) or customer-supplied key material. */
interface KeyField {
    readonly name: string;
    /** Key material: never described, not even by its type. */
    readonly material: boolean;
}

const kmsKeySelfLink: KeyField = { name: "kmsKeySelfLink", material: false };
const kmsKeyName: KeyField = { name: "kmsKeyName", material: false };
const rawKey: KeyField = { name: "rawKey", material: true };
const rsaEncryptedKey: KeyField = { name: "rsaEncryptedKey", material: true };
const bootDiskKeys: readonly KeyField[] = [
    kmsKeySelfLink,
    { name: "diskEncryptionKeyRaw", material: true },
    { name: "diskEncryptionKeyRsa", material: true },
];

/**
 * The disk described by `block` (at `path`) is encrypted with a customer-managed (Cloud KMS) or
 * customer-supplied key: one of `fields` is set. A key unknown at preview is present.
 */
function customerKey(block: Read<Props>, path: string, fields: readonly KeyField[], fix: string): Outcome {
    switch (block.state) {
        case "absent":
            return violation(`${path} is not set, so the disk is encrypted with a Google-managed key`, fix);
        case "unknown":
            return undecided(path);
        case "wrongType":
            return violation(`${path} is ${describeWrongType(block.value)}, not a block`, fix);
    }
    let wrongType: Outcome | undefined;
    for (const field of fields) {
        const read = block.value.string(field.name);
        if (isSetString(read)) return pass;
        if (read.state === "wrongType" && wrongType === undefined) {
            const what = field.material ? "not a string" : `${describeWrongType(read.value)}, not a string`;
            wrongType = violation(`${path}.${field.name} is ${what}`, fix);
        }
    }
    const names = fields.map(f => f.name);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
    return wrongType ?? violation(`${path} sets no ${list}, so the disk is encrypted with a Google-managed key`, fix);
}

/** The disk refers to an existing disk (`source`), whose own resource chose its key. */
function attachesExistingDisk(props: Props): boolean {
    return isSetString(props.string("source"));
}

const kmsKeyFix = (path: string) => `set ${path} to the id of a gcp.kms.CryptoKey`;

function instanceDiskKeys(r: Resource): Outcome {
    const bootDisk = r.props.single("bootDisk");
    if (bootDisk.state === "known" && attachesExistingDisk(bootDisk.value)) return pass;
    return customerKey(bootDisk, "bootDisk", bootDiskKeys, `${kmsKeyFix("bootDisk.kmsKeySelfLink")} (or supply bootDisk.diskEncryptionKeyRaw from a Pulumi secret)`);
}

/** Whether a template disk is a Local SSD, which Compute Engine encrypts with its own ephemeral key only. */
function isLocalSsd(d: Props): boolean | "unknown" {
    const type = lowerString(d, "type");
    const diskType = lowerString(d, "diskType");
    if ((type.state === "known" && type.value === "scratch") || (diskType.state === "known" && diskType.value === "local-ssd")) return true;
    return type.state === "unknown" || diskType.state === "unknown" ? "unknown" : false;
}

function templateDiskKeys(r: Resource): Outcome[] {
    const { elements, outcomes } = elementsOf(r.props, "disks", "set disks to a list of disk blocks");
    for (const d of elements) {
        if (attachesExistingDisk(d.props)) continue;
        const keyPath = `${d.path}.diskEncryptionKey`;
        // Instance templates cannot carry customer-supplied keys: only a KMS key is possible.
        const key = customerKey(d.props.single("diskEncryptionKey"), keyPath, [kmsKeySelfLink], kmsKeyFix(`${keyPath}.kmsKeySelfLink`));
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

export const diskEncryption = defineResourcePolicy({
    name: "gcp-compute-disk-encryption",
    description: "Compute Engine disks are encrypted with a customer-managed Cloud KMS key or a customer-supplied key, not only Google's default key.",
    severity: "high",
    types: [...vmTypes, disk, regionDisk],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "compute", "encryption", "encryption-at-rest"],
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
                return customerKey(r.props.single("diskEncryptionKey"), "diskEncryptionKey", [kmsKeySelfLink, rawKey, rsaEncryptedKey], kmsKeyFix("diskEncryptionKey.kmsKeySelfLink"));
            case regionDisk:
                return customerKey(r.props.single("diskEncryptionKey"), "diskEncryptionKey", [kmsKeyName, rawKey, rsaEncryptedKey], kmsKeyFix("diskEncryptionKey.kmsKeyName"));
            case instance:
                return instanceDiskKeys(r);
            default:
                return templateDiskKeys(r);
        }
    },
    noAutoRemediation: "a disk's key is fixed when it is created, so the fix replaces the disk, and which KMS key protects it is a person's choice",
});

// --- Shielded VM --------------------------------------------------------------------------------

export const shieldedVm = defineResourcePolicy({
    name: "gcp-compute-shielded-vm",
    description: "Compute Engine VMs run as Shielded VMs with Secure Boot, vTPM and integrity monitoring on.",
    severity: "medium",
    types: vmTypes,
    hipaa: ["164.312(c)(1)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["09.j"],
    tags: ["gcp", "compute", "integrity", "malware-protection"],
    remediation:
        "Boot from an image that supports Shielded VM and set `shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true }` " +
        "on the `gcp.compute.Instance` or instance template. Secure Boot is off unless set; vTPM and integrity monitoring are on unless set to false. " +
        "Changing it on a running instance needs `allowStoppingForUpdate: true`.",
    check: r => {
        const fix = (field: string) => `set shieldedInstanceConfig.${field}: true`;
        const config = blockOf(r.props.single("shieldedInstanceConfig"), "shieldedInstanceConfig", "set shieldedInstanceConfig to a block with enableSecureBoot: true");
        if (isOutcome(config)) return config;
        // Provider defaults (InstanceShieldedInstanceConfig): Secure Boot false, vTPM and integrity monitoring true.
        return ([["enableSecureBoot", false], ["enableVtpm", true], ["enableIntegrityMonitoring", true]] as const).map(([field, absentMeans]) =>
            booleanOutcome(config.boolean(field), `shieldedInstanceConfig.${field}`, absentMeans, fix(field)),
        );
    },
    // vTPM and integrity monitoring are safe to switch back on; Secure Boot is not: it only boots
    // images whose boot components (and drivers) are signed, so a person confirms the image first.
    remediate: r =>
        fixBlock(r.props, "shieldedInstanceConfig", block => ({
            ...fixTrue(block, "enableVtpm", true),
            ...fixTrue(block, "enableIntegrityMonitoring", true),
        })),
});

// --- Instance metadata --------------------------------------------------------------------------

// The guest agent decodes boolean metadata with Go's strconv.ParseBool; these are its spellings.
const metadataTrue: ReadonlySet<string> = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const metadataFalse: ReadonlySet<string> = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** How Compute Engine reads one metadata value as a boolean; undefined when it cannot. */
function metadataBoolean(value: unknown): boolean | undefined {
    const text = typeof value === "string" ? value : typeof value === "boolean" || typeof value === "number" ? String(value) : undefined;
    if (text === undefined) return undefined;
    if (metadataTrue.has(text)) return true;
    if (metadataFalse.has(text)) return false;
    return undefined;
}

/**
 * The values set for a metadata key. Keys are matched case-insensitively, as the guest agent's JSON
 * decoding matches them, so every spelling of the key is returned.
 */
function metadataValues(props: Props, key: string): Read<unknown[]> {
    const read = props.object("metadata");
    if (read.state !== "known") return read;
    const map = read.value;
    const values = map
        .keys()
        .filter(k => k.toLowerCase() === key)
        .map(k => map.raw(k))
        .filter(v => v !== undefined && v !== null);
    if (values.length === 0) return { state: "absent" };
    if (values.some(isUnknown)) return { state: "unknown" };
    return { state: "known", value: values };
}

/** The field an unknown metadata read names: the whole map, or the one key. */
function metadataUnknownField(props: Props, key: string): string {
    return props.object("metadata").state === "unknown" ? "metadata" : `metadata["${key}"]`;
}

const metadataFix = (key: string, value: string) => `set metadata["${key}"]: "${value}"`;

/** Metadata `key` must be read as true; `absentMeans` is what applies when the instance does not set it. */
function metadataMustBeTrue(props: Props, key: string, absentMeans: boolean, absentProblem: string): Outcome {
    const read = metadataValues(props, key);
    const fix = metadataFix(key, "TRUE");
    switch (read.state) {
        case "absent":
            return absentMeans ? pass : violation(absentProblem, fix);
        case "unknown":
            return undecided(metadataUnknownField(props, key));
        case "wrongType":
            return violation(`metadata is ${describeWrongType(read.value)}, not a map of strings`, fix);
    }
    for (const value of read.value) {
        const parsed = metadataBoolean(value);
        if (parsed === false) return violation(`metadata["${key}"] is false`, fix);
        if (parsed === undefined) return violation(`metadata["${key}"] is not a value Compute Engine reads as true`, fix);
    }
    return pass;
}

export const osLogin = defineResourcePolicy({
    name: "gcp-compute-os-login",
    description: "Compute Engine VMs use OS Login (SSH access tied to IAM identities) and ignore project-wide SSH keys.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["gcp", "compute", "authentication", "access-control"],
    remediation:
        "Set `metadata: { \"enable-oslogin\": \"TRUE\", \"block-project-ssh-keys\": \"TRUE\" }` on the `gcp.compute.Instance` or instance template, " +
        "and grant users `roles/compute.osLogin` (or `roles/compute.osAdminLogin`) instead of distributing SSH keys.\n" +
        "If OS Login is enabled for the whole project (project metadata `enable-oslogin: TRUE`, or the organization policy " +
        "`constraints/compute.requireOsLogin`), set this policy's `osLoginEnforcedByProject: true`; an instance that sets `enable-oslogin` " +
        "to false still overrides the project and is reported.",
    knobs: {
        osLoginEnforcedByProject: booleanKnob({
            default: false,
            description: "Accept an instance that does not set enable-oslogin itself, because OS Login is enabled project-wide (project metadata or constraints/compute.requireOsLogin).",
        }),
    },
    check: (r, config) => {
        const metadata = r.props.object("metadata");
        if (metadata.state === "wrongType") {
            return violation(`metadata is ${describeWrongType(metadata.value)}, not a map of strings`, 'set metadata: { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" }');
        }
        return [
            metadataMustBeTrue(r.props, "enable-oslogin", config.osLoginEnforcedByProject, 'metadata["enable-oslogin"] is not set, so SSH access uses metadata keys instead of OS Login'),
            metadataMustBeTrue(r.props, "block-project-ssh-keys", false, 'metadata["block-project-ssh-keys"] is not set, so project-wide SSH keys can log in to this VM'),
        ];
    },
    noAutoRemediation: "OS Login replaces metadata SSH keys with IAM roles, so users are locked out until a person grants them roles/compute.osLogin",
});

export const serialPort = defineResourcePolicy({
    name: "gcp-compute-serial-port",
    description: "Compute Engine VMs do not accept interactive serial console connections.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.l"],
    tags: ["gcp", "compute", "access-control"],
    remediation:
        "Remove `serial-port-enable` from the instance or template `metadata`, or set it to `\"FALSE\"`. The serial console accepts connections " +
        "from any network, bypassing firewall rules; use OS Login over SSH through IAP instead, and enforce `constraints/compute.disableSerialPortAccess`.",
    check: r => {
        const key = "serial-port-enable";
        const read = metadataValues(r.props, key);
        const fix = `remove metadata["${key}"] or set it to "FALSE"`;
        switch (read.state) {
            case "absent":
                return pass;
            case "unknown":
                return undecided(metadataUnknownField(r.props, key));
            case "wrongType":
                return violation(`metadata is ${describeWrongType(read.value)}, not a map of strings`, fix);
        }
        for (const value of read.value) {
            const parsed = metadataBoolean(value);
            if (parsed === true) return violation(`metadata["${key}"] is true, so the interactive serial console accepts connections`, fix);
            // Fail closed: a value the pack cannot read as false might be read as true.
            if (parsed === undefined) return violation(`metadata["${key}"] is not a value Compute Engine reads as false`, fix);
        }
        return pass;
    },
    // Only keys read as true are switched off; the rest of the map (startup scripts, secrets,
    // values unknown at preview) is kept as it came, and a value the pack cannot read is left alone.
    remediate: r =>
        fixBlock(r.props, "metadata", map =>
            Object.fromEntries(map.keys().filter(k => k.toLowerCase() === "serial-port-enable" && metadataBoolean(map.raw(k)) === true).map(k => [k, "FALSE"])),
        ),
});

// --- Network ------------------------------------------------------------------------------------

export const publicIp = defineResourcePolicy({
    name: "gcp-compute-public-ip",
    description: "Compute Engine VMs have no external IPv4 or IPv6 address.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "compute", "network", "access-control"],
    remediation:
        "Remove every `accessConfigs` and `ipv6AccessConfigs` entry from `networkInterfaces` on the `gcp.compute.Instance` or instance template. " +
        "Reach the VM through Identity-Aware Proxy TCP forwarding or a load balancer, and give it outbound access with Cloud NAT " +
        "(`gcp.compute.RouterNat`). Enforce with `constraints/compute.vmExternalIpAccess`.",
    check: r => {
        const { elements, outcomes } = elementsOf(r.props, "networkInterfaces", "set networkInterfaces to a list of interface blocks");
        const kinds = [["accessConfigs", "IPv4"], ["ipv6AccessConfigs", "IPv6"]] as const;
        for (const nic of elements) {
            for (const [field, family] of kinds) {
                const path = `${nic.path}.${field}`;
                const fix = `remove ${path}`;
                const read = nic.props.list(field);
                if (read.state === "unknown") outcomes.push(undecided(path));
                else if (read.state === "wrongType") outcomes.push(violation(`${path} is ${describeWrongType(read.value)}, not a list`, fix));
                // Any entry, even an empty block or one unknown at preview, assigns an external address.
                else if (read.state === "known" && read.value.some(entry => entry !== null && entry !== undefined)) {
                    outcomes.push(violation(`${path} gives the VM an external ${family} address`, fix));
                }
            }
        }
        return outcomes;
    },
    noAutoRemediation: "removing the external address cuts the VM's internet access until a person sets up IAP, a load balancer or Cloud NAT",
});

export const ipForwarding = defineResourcePolicy({
    name: "gcp-compute-ip-forwarding",
    description: "Compute Engine VMs do not forward packets for other addresses (canIpForward is off).",
    severity: "medium",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "compute", "network"],
    remediation:
        "Remove `canIpForward` or set it to `false` on the `gcp.compute.Instance` or instance template (the default is false). " +
        "Route traffic with VPC routes, Cloud NAT or a load balancer; a VM that must route (a network appliance) needs a documented policy exception.",
    check: r => mustBeFalse(r.props, "canIpForward", false, "remove canIpForward or set canIpForward: false"),
    noAutoRemediation: "a VM that forwards packets is usually a router or NAT appliance by design; a person decides how to replace it",
});

// --- Service account ----------------------------------------------------------------------------

const defaultComputeAccount = /^\d+-compute@developer\.gserviceaccount\.com$/i;
const scopePrefix = "https://www.googleapis.com/auth/";

/** Whether a scope, alias or URL, is cloud-platform (full access to every API the account's roles allow). */
function isFullAccessScope(scope: string): boolean {
    let s = scope.trim().toLowerCase();
    if (s.startsWith(scopePrefix)) s = s.slice(scopePrefix.length);
    return s === "cloud-platform";
}

type Tri = boolean | "unknown";

export const serviceAccount = defineResourcePolicy({
    name: "gcp-compute-service-account",
    description: "Compute Engine VMs do not run as the default Compute Engine service account with full access to all Cloud APIs.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "compute", "iam", "least-privilege"],
    remediation:
        "Create a dedicated `gcp.serviceaccount.Account` with only the roles the workload needs and set `serviceAccount: { email: account.email, " +
        "scopes: [\"cloud-platform\"] }` (IAM roles then limit access). If the default account must be used, list only the scopes the workload needs. " +
        "An omitted `serviceAccount` block attaches no service account; a block without `email` uses the default account.",
    knobs: {
        forbidDefaultServiceAccount: booleanKnob({
            default: false,
            description: "Report the default Compute Engine service account with any scopes, not only with the full cloud-platform scope.",
        }),
    },
    check: (r, config) => {
        const fix = "set serviceAccount.email to a dedicated least-privilege gcp.serviceaccount.Account";
        const block = r.props.single("serviceAccount");
        // No block: the provider attaches no service account at all (expandServiceAccounts sends an empty list).
        if (block.state === "absent") return pass;
        const sa = blockOf(block, "serviceAccount", fix);
        if (isOutcome(sa)) return sa;

        const email = sa.string("email");
        let isDefault: Tri;
        switch (email.state) {
            case "wrongType":
                return violation(`serviceAccount.email is ${describeWrongType(email.value)}, not a string`, fix);
            case "unknown":
                isDefault = "unknown";
                break;
            case "absent":
                isDefault = true; // The provider sends "default" for an empty email.
                break;
            case "known": {
                const text = email.value.trim();
                isDefault = text === "" || text.toLowerCase() === "default" || defaultComputeAccount.test(text);
            }
        }
        if (isDefault === false) return pass;

        let fullAccess: Tri;
        if (config.forbidDefaultServiceAccount) {
            fullAccess = true; // any scopes
        } else {
            const scopes = sa.list("scopes");
            if (scopes.state === "wrongType") return violation(`serviceAccount.scopes is ${describeWrongType(scopes.value)}, not a list`, "set serviceAccount.scopes to a list of scopes");
            if (scopes.state === "unknown") fullAccess = "unknown";
            else if (scopes.state === "absent") fullAccess = false;
            else {
                const reads = scopes.value.map(s => classify(s, "string"));
                fullAccess = reads.some(s => s.state === "known" && isFullAccessScope(s.value)) ? true : reads.some(s => s.state === "unknown") ? "unknown" : false;
            }
        }
        if (fullAccess === false) return pass;
        if (isDefault === "unknown") return undecided("serviceAccount.email");
        if (fullAccess === "unknown") return undecided("serviceAccount.scopes");
        return config.forbidDefaultServiceAccount
            ? violation("the VM runs as the default Compute Engine service account", fix)
            : violation(
                  "the VM runs as the default Compute Engine service account with the cloud-platform scope, so it can call every Cloud API the account's project roles allow",
                  `${fix}, or replace the cloud-platform scope with only the scopes the workload needs`,
              );
    },
    noAutoRemediation: "which service account and roles the workload needs is a person's choice",
});

export const computePolicies = [diskEncryption, shieldedVm, osLogin, serialPort, publicIp, serviceAccount, ipForwarding];
