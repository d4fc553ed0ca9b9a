import { booleanKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, Outcome, pass, undecided } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { elementsOf, wrongType } from "../../lib/rules";
import { concerning, defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../../lib/stack";
import {
    declaredVmTypes, instance, instanceFromMachineImage, instanceTemplate, isReadBack, itemAsMetadata, metadataBoolean, metadataEntry, metadataMustBeTrue,
    metadataMustNotBeTrue, projectMetadata, projectMetadataItem, regionInstanceTemplate, templateDiskKey, vmTypes,
} from "./facts";
import ipForwarding from "./ip-forwarding";
import publicIp from "./public-ip";
import serviceAccount from "./service-account";
import shieldedVm from "./shielded-vm";

// How a template-built VM's settings are put together (hashicorp/terraform-provider-google
// resource_compute_instance_from_template.go): every top-level field the VM sets replaces the
// template's; the template's disks map onto the VM's (the `boot: true` disk is its bootDisk unless
// the VM sets one; the other disks it creates or attaches are its attachedDisks unless the VM sets
// those). Whether Compute Engine merges an overriding metadata map with the template's is not
// documented, so a key the VM's map leaves out is decided only when both readings agree.

const selfLinkHost = /^https:\/\/(?:www|compute)\.googleapis\.com\/compute\/(?:v1|beta|alpha)\//;
/** sourceInstanceTemplate takes a self link (unique or not), a relative path or a name. */
const templates: ReferenceTarget = {
    types: [instanceTemplate, regionInstanceTemplate],
    keys: ["selfLinkUnique", "selfLink", "id", "name"],
    normalize: value => value.replace(selfLinkHost, "").replace(/\?uniqueId=.*$/, ""),
};

/** Whole blocks a template hands its VMs, each checked by the VM policy that checks it on an instance. */
const blocks = [
    { field: "shieldedInstanceConfig", policy: shieldedVm },
    { field: "networkInterfaces", policy: publicIp },
    { field: "serviceAccount", policy: serviceAccount },
    { field: "canIpForward", policy: ipForwarding },
];
const metadataChecks = [
    { key: "enable-oslogin", check: (p: Props, c: Config) => metadataMustBeTrue(p, "enable-oslogin", { absentMeans: c.osLoginEnforcedByProject, absentProblem: 'metadata["enable-oslogin"] is set neither on the VM nor in project metadata this stack manages, so SSH access uses metadata keys instead of OS Login' }) },
    { key: "block-project-ssh-keys", check: (p: Props) => metadataMustBeTrue(p, "block-project-ssh-keys", { absentMeans: false, absentProblem: 'metadata["block-project-ssh-keys"] is not set, so project-wide SSH keys can log in to this VM' }) },
    { key: "serial-port-enable", check: (p: Props) => metadataMustNotBeTrue(p, "serial-port-enable", { what: "the interactive serial console accepts connections" }) },
];

interface Config {
    readonly osLoginEnforcedByProject: boolean;
    readonly forbidDefaultServiceAccount: boolean;
}

const fromTemplate = (o: Outcome) => concerning(o, { prefix: "its instance template's ", where: "on the instance template, or override it on the VM", owner: "sourceInstanceTemplate" });
const fromProject = (o: Outcome) => concerning(o, { prefix: "the project's ", where: "in the project metadata, or set it on the VM", owner: "project" });

/** The metadata keys the VM leaves to its source: all of them without a map, those its known map leaves out otherwise. */
function inheritedKeys(vm: StackResource): { key: string; merged: boolean }[] {
    const map = vm.props.object("metadata");
    if (map.state === "absent") return metadataChecks.map(m => ({ key: m.key, merged: false }));
    if (map.state !== "known" || isReadBack(vm.props)) return []; // unknown or garbage: the VM policies say so; outputs: the map is whole
    return metadataChecks.filter(m => map.value.raw(m.key) === undefined || map.value.raw(m.key) === null).map(m => ({ key: m.key, merged: true }));
}

/** The keys a VM or template's own metadata leaves to the project (a declared VM's map is never merged with a template's). */
const projectKeys = ["enable-oslogin", "serial-port-enable"];

/** A declared VM or template: the project-wide keys its metadata leaves out, decided from the stack's project metadata. */
function fromProjectMetadata(vm: StackResource, stack: Stack, config: Config): Outcome | Outcome[] {
    const map = vm.props.object("metadata");
    if (map.state === "unknown") return undecided("metadata");
    if (map.state === "wrongType") return notApplicable("the VM's metadata is not a map, which gcp-compute-os-login reports");
    const left = projectKeys.filter(k => map.state === "absent" || map.value.raw(k) === undefined || map.value.raw(k) === null);
    if (left.length === 0) return notApplicable("the VM sets enable-oslogin and serial-port-enable itself, so the VM policies check them");
    return left.map(key => projectOrNone(stack, vm, key, config));
}

/** A key nothing on the VM's side sets: what the stack's project metadata says, or the key's default. */
function projectOrNone(stack: Stack, vm: StackResource, key: string, config: Config): Outcome {
    const check = metadataChecks.find(m => m.key === key)!.check;
    const project = projectValue(stack, vm, key);
    if (isOutcome(project)) return project;
    const outcome = check(project.props, config);
    return project.found ? fromProject(outcome) : outcome;
}

/** What in-stack project metadata sets for `key`: a value, nothing, or undecided (unknown, or maybe another project's). */
function projectValue(stack: Stack, vm: StackResource, key: string): { props: Props; found: boolean } | Outcome {
    const project = vm.props.string("project");
    const values: unknown[] = [];
    for (const pm of stack.ofType([projectMetadata, projectMetadataItem])) {
        const props = pm.type === projectMetadata ? pm.props : itemAsMetadata(pm.props, key);
        if (props === undefined || (isOutcome(props) && props.kind !== "undecided")) continue;
        const entry = isOutcome(props) ? props : metadataEntry(props, key, "");
        if (isOutcome(entry) && entry.kind !== "undecided") continue;
        const theirs = pm.props.string("project");
        const same = theirs.state === project.state && (theirs.state !== "known" || (project.state === "known" && theirs.value === project.value));
        const other = theirs.state === "known" && project.state === "known" && theirs.value !== project.value;
        if (other || (!isOutcome(entry) && entry.value === undefined)) continue;
        if (isOutcome(entry) || !same || theirs.state === "unknown") return undecided(`project.metadata["${key}"]`);
        values.push(entry.value);
    }
    if (new Set(values.map(metadataBoolean)).size > 1) return undecided(`project.metadata["${key}"]`);
    return { props: new Props({ metadata: values.length > 0 ? { [key]: values[0] } : {} }), found: values.length > 0 };
}

/** One inherited metadata key: from the template, else the project; both readings when the VM's own map may replace the template's. */
function inheritedMetadata(vm: StackResource, template: StackResource, stack: Stack, config: Config): Outcome[] {
    return inheritedKeys(vm).map(({ key, merged }) => {
        const check = metadataChecks.find(m => m.key === key)!.check;
        const fromProjectOrNone = () => projectOrNone(stack, vm, key, config);
        const t = template.props.object("metadata");
        const templateSets = t.state !== "absent" && !(t.state === "known" && (t.value.raw(key) === undefined || t.value.raw(key) === null));
        const viaTemplate = templateSets ? fromTemplate(check(template.props, config)) : fromProjectOrNone();
        if (!merged) return viaTemplate;
        const replaced = fromProjectOrNone();
        return viaTemplate.kind === replaced.kind ? viaTemplate : undecided(`metadata["${key}"]`);
    });
}

/** The disks a template creates that the VM keeps: its boot disk unless the VM sets bootDisk, the others unless it sets attachedDisks. */
function inheritedDisks(vm: StackResource, template: StackResource): Outcome[] {
    const ownBoot = vm.props.has("bootDisk");
    const ownOthers = vm.props.has("attachedDisks");
    if (ownBoot && ownOthers) return [];
    const { elements, outcomes } = elementsOf(template.props, { field: "disks", fix: "set disks to a list of disk blocks" });
    for (const d of elements) {
        const key = templateDiskKey(d, path => `set ${path} to the id of a gcp.kms.CryptoKey`);
        if (!key || key.kind === "pass") continue;
        const boot = d.props.boolean("boot");
        const kept = boot.state === "known" ? (boot.value ? !ownBoot : !ownOthers) : !ownBoot && !ownOthers ? true : undefined;
        if (kept === undefined) outcomes.push(undecided(`${d.path}.boot`));
        else if (kept) outcomes.push(key);
    }
    return outcomes.map(fromTemplate);
}

function inheritsAnything(vm: StackResource): boolean {
    if (isReadBack(vm.props)) return false; // outputs: the provider read the whole VM back
    const disks = vm.type === instanceFromMachineImage ? ["bootDisks"] : ["bootDisk", "attachedDisks"];
    return [...disks, ...blocks.map(b => b.field)].some(f => !vm.props.has(f)) || inheritedKeys(vm).length > 0;
}

export default defineStackPolicy({
    name: "gcp-compute-inherited-settings",
    description: "Compute Engine VMs get compliant settings from their instance template, machine image or project metadata where they set none themselves.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)", "164.312(c)(1)", "164.312(d)"],
    hitrust: ["01.q", "01.l", "01.c", "0805.01m1", "09.j", "1903.06d1"],
    tags: ["gcp", "compute", "encryption", "access-control", "integrity", "stack"],
    anchors: { gcp: ["gcp-compute-01", "gcp-compute-03", "gcp-compute-04", "gcp-compute-05", "gcp-compute-06", "gcp-compute-07", "gcp-compute-08", "gcp-compute-09"] },
    remediation:
        "A `gcp.compute.InstanceFromTemplate` keeps every setting it does not set itself from its `sourceInstanceTemplate`; the VM policies " +
        "(gcp-compute-disk-encryption, -shielded-vm, -os-login, -serial-port, -public-ip, -service-account, -ip-forwarding) check what it sets, " +
        "this policy what it inherits. Fix the template (a new `gcp.compute.InstanceTemplate`, since templates are immutable) or set the field on the VM. " +
        "Pass the template's `selfLinkUnique` (not a literal) so the pack can find it at preview; a template or machine image this stack does not create " +
        "leaves the inherited settings undecided. On every VM and template, project metadata in the stack (`gcp.compute.ProjectMetadata`, " +
        "`ProjectMetadataItem`) supplies `enable-oslogin` and `serial-port-enable` where neither the VM nor its template sets them: set " +
        "`enable-oslogin: \"TRUE\"` there or on the VM. If OS Login is enabled project-wide outside this stack (project metadata managed " +
        "elsewhere, or the organization policy `constraints/compute.requireOsLogin`), set this policy's `osLoginEnforcedByProject: true`.",
    knobs: {
        osLoginEnforcedByProject: booleanKnob({
            default: false,
            description: "Accept a VM whose own metadata, template and in-stack project metadata leave enable-oslogin unset, because OS Login is enabled project-wide outside this stack (project metadata or constraints/compute.requireOsLogin).",
        }),
        forbidDefaultServiceAccount: booleanKnob({
            default: false,
            description: "Report an inherited default Compute Engine service account with any scopes, not only with the full cloud-platform scope.",
        }),
    },
    check: (vm, stack, config) => {
        // Outputs of a template-built VM hold its whole metadata map; the project's is never copied into it.
        if (declaredVmTypes.includes(vm.type) || isReadBack(vm.props)) return fromProjectMetadata(vm, stack, config);
        if (!inheritsAnything(vm)) return notApplicable("the VM sets every checked setting itself, so the VM policies check them");
        if (vm.type === instanceFromMachineImage) return undecided("sourceMachineImage");
        const ref = stack.resolve(vm, "sourceInstanceTemplate", templates);
        if (ref.state === "wrongType") return wrongType({ path: "sourceInstanceTemplate", value: ref.value, expected: "a string", fix: "set sourceInstanceTemplate to the template's selfLinkUnique" });
        if (ref.state !== "inStack") return undecided("sourceInstanceTemplate");
        const template = ref.resource;
        const outcomes: Outcome[] = [...inheritedDisks(vm, template), ...inheritedMetadata(vm, template, stack, config)];
        for (const { field, policy } of blocks) {
            if (vm.props.has(field)) continue;
            const props = new Props({ [field]: template.props.raw(field) });
            const result = policy.definition.check({ type: instance, name: vm.name, urn: vm.urn, props }, config as never);
            outcomes.push(...(Array.isArray(result) ? result : [result as Outcome]).map(fromTemplate));
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
});
