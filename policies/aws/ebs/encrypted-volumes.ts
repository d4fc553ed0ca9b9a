import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../../lib/stack";
import { accountDefault, ebsDeviceEncrypted, flagEncrypts, instance, launchTemplate, rootEncrypted, snapshot, snapshotCopy, stringFlag, templateEncrypted, volume } from "./facts";

type Account = ReturnType<typeof accountDefault>;

const snapshotTarget: ReferenceTarget = { types: [snapshot, snapshotCopy], keys: ["id"] };
const volumeTarget: ReferenceTarget = { types: [volume], keys: ["id"] };
const byDefault = "or own an aws.ebs.EncryptionByDefault with enabled: true";

/** A volume made from a snapshot in the stack is encrypted when the snapshot (or the volume it was taken of) is. */
function snapshotEncrypts(stack: Stack, v: StackResource): Outcome | undefined {
    const ref = stack.resolve(v, "snapshotId", snapshotTarget);
    if (ref.state === "absent") return undefined;
    if (ref.state === "unknown") return undecided("snapshotId");
    const inherits = violation({
        code: "inheritsSnapshot",
        field: "encrypted",
        problem: "encrypted is not set, so the volume inherits the encryption of a snapshot the stack does not show to be encrypted",
        fix: "set encrypted: true (it also encrypts a volume made from an unencrypted snapshot)",
    });
    if (ref.state !== "inStack") return inherits;
    const s = ref.resource;
    const flag = s.props.boolean("encrypted");
    if (flag.state === "known" && flag.value) return pass;
    if (flag.state === "unknown") return undecided("snapshotId");
    if (s.type === snapshot) {
        const source = stack.resolve(s, "volumeId", volumeTarget);
        if (source.state === "inStack") {
            const enc = source.resource.props.boolean("encrypted");
            if (enc.state === "known" && enc.value) return pass;
            if (enc.state === "unknown") return undecided("snapshotId");
        } else if (source.state === "unknown") return undecided("snapshotId");
    }
    return inherits;
}

function volumeOutcome(v: StackResource, stack: Stack, account: Account): Outcome {
    const read = v.props.boolean("encrypted");
    if (read.state === "absent" && account !== "on") {
        const fromSnapshot = snapshotEncrypts(stack, v);
        if (fromSnapshot) return fromSnapshot;
    }
    return flagEncrypts(read, { path: "encrypted", account, fix: `set encrypted: true ${byDefault}`, absentProblem: "encrypted is not set, and the account's EBS encryption by default is not shown to be on" });
}

function instanceOutcomes(i: StackResource, account: Account): Outcome[] {
    const fix = (path: string) => `set ${path}: true ${byDefault}`;
    const path = rootEncrypted.path;
    const root = valueOf(i.props.single(rootEncrypted.block!), { path: rootEncrypted.block!, expected: "a block", fix: fix(path), absent: undefined });
    const outcomes: Outcome[] = [];
    if (isOutcome(root)) outcomes.push(root);
    else if (root === undefined && i.props.has("launchTemplate")) {
        outcomes.push(notApplicable("the instance's root volume comes from its launch template, which is checked on its own"));
    } else {
        outcomes.push(flagEncrypts(root ? root.boolean(rootEncrypted.field) : { state: "absent" }, {
            path,
            account,
            fix: fix(path),
            absentProblem: `${path} is not set and defaults to ${rootEncrypted.absent} (the root volume is encrypted only if the AMI's snapshot is)`,
        }));
    }
    const devices = elementsOf(i.props, { field: "ebsBlockDevices", fix: fix("ebsBlockDevices[].encrypted") });
    outcomes.push(...devices.outcomes);
    for (const d of devices.elements) outcomes.push(deviceOutcome(d.props, d.path, d.props.boolean(ebsDeviceEncrypted.field), account, { absentNote: `defaults to ${ebsDeviceEncrypted.absent}`, on: "true" }));
    return outcomes;
}

/** A block device: `snapshotId` without `encrypted` inherits the snapshot's encryption (the provider forbids setting both). */
function deviceOutcome(device: Props, path: string, flag: ReturnType<Props["boolean"]>, account: Account, o: { absentNote?: string; on: string }): Outcome {
    const field = `${path}.encrypted`;
    if (flag.state === "absent" && account !== "on") {
        const snap = device.string("snapshotId");
        if (snap.state === "unknown") return undecided(`${path}.snapshotId`);
        if (snap.state === "known" && snap.value.trim() !== "") return notApplicable(`${path} inherits the encryption of its snapshot; check the snapshot where it is made`);
    }
    return flagEncrypts(flag, { path: field, account, fix: `set ${field}: ${o.on} ${byDefault}`, absentProblem: `${field} is not set${o.absentNote ? ` and ${o.absentNote}` : ""}` });
}

function templateOutcomes(t: StackResource, account: Account): Outcome[] {
    const { elements, outcomes } = elementsOf(t.props, { field: "blockDeviceMappings", fix: `set blockDeviceMappings[].ebs.encrypted: "true"` });
    let ebsMappings = 0;
    for (const m of elements) {
        const ebs = m.props.single("ebs");
        if (ebs.state === "unknown") outcomes.push(undecided(`${m.path}.ebs`));
        if (ebs.state !== "known") continue; // instance store (virtualName) or noDevice: not EBS
        ebsMappings++;
        outcomes.push(deviceOutcome(ebs.value, `${m.path}.ebs`, stringFlag(ebs.value.raw(templateEncrypted.field)), account, { on: '"true"' }));
    }
    if (ebsMappings === 0 && outcomes.length === 0 && account !== "on") {
        const problem = "the launch template maps no EBS volume, so its instances' root volumes are encrypted only if the AMI's snapshot is";
        outcomes.push(account === "unknown" ? undecided("EncryptionByDefault.enabled") : violation({ code: "rootUnverified", field: "blockDeviceMappings", problem, fix: `add blockDeviceMappings: [{ deviceName: <the AMI's root device>, ebs: { encrypted: "true" } }] ${byDefault}` }));
    }
    return outcomes;
}

export default defineStackPolicy({
    name: "aws-ebs-encrypted-volumes",
    description: "EBS volumes are encrypted: standalone volumes, instances' root and EBS block devices, and the volumes launch templates map, unless the stack turns on the account's EBS encryption by default.",
    severity: "high",
    types: [volume, instance, launchTemplate],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "ebs", "ec2", "encryption", "encryption-at-rest", "stack"],
    anchors: { awsConfig: ["encrypted-volumes"], checkov: ["CKV_AWS_3", "CKV_AWS_8", "CKV2_AWS_2"] },
    remediation:
        "Set `encrypted: true` on each `aws.ebs.Volume` (with `kmsKeyId` for a customer-managed key), `rootBlockDevice: { encrypted: true }` and " +
        "`ebsBlockDevices[].encrypted: true` on each `aws.ec2.Instance`, and `blockDeviceMappings[].ebs.encrypted: \"true\"` (a string) on each " +
        "`aws.ec2.LaunchTemplate`; or manage `aws.ebs.EncryptionByDefault` (`enabled: true`) in the stack so every new volume in the region is " +
        "encrypted. Changing the encryption of an existing volume replaces it: snapshot, copy the snapshot encrypted, and restore.",
    check: (r, stack): Outcome | Outcome[] => {
        const account = accountDefault(stack);
        if (r.type === volume) return volumeOutcome(r, stack, account);
        if (r.type === instance) return instanceOutcomes(r, account);
        return templateOutcomes(r, account);
    },
});
