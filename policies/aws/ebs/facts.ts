// What the pack knows about EBS encryption: the volume, instance and launch template tokens, the
// provider defaults of their `encrypted` flags, and the account's encryption by default, which
// encrypts every new volume in the region but is visible only when the stack owns it.

import { awsTypes, booleanAttribute, cloudFact, stringAttribute } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { classify, Read } from "../../lib/props";
import { valueOf } from "../../lib/rules";
import { Stack } from "../../lib/stack";

export const volume = "aws:ebs/volume:Volume";
export const instance = "aws:ec2/instance:Instance";
export const launchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
export const encryptionByDefault = "aws:ebs/encryptionByDefault:EncryptionByDefault";
export const snapshot = "aws:ebs/snapshot:Snapshot";
export const snapshotCopy = "aws:ebs/snapshotCopy:SnapshotCopy";

export const defaultEnabled = booleanAttribute({ types: [encryptionByDefault], field: "enabled", default: true, source: awsTypes("ebs/encryptionByDefault") });
export const rootEncrypted = booleanAttribute({ types: [instance], block: "rootBlockDevice", field: "encrypted", default: false, source: awsTypes("ec2/instance") + " (types/input.d.ts InstanceRootBlockDevice)" });
export const ebsDeviceEncrypted = booleanAttribute({ types: [instance], block: "ebsBlockDevices[]", field: "encrypted", default: false, source: awsTypes("ec2/instance") + " (types/input.d.ts InstanceEbsBlockDevice: cannot be used with snapshotId)" });
// The launch template's flag is a string ("true"/"false") with no default: the AMI's snapshot or
// the account's encryption by default decides an omitted one.
export const templateEncrypted = stringAttribute({ types: [launchTemplate], block: "blockDeviceMappings[].ebs", field: "encrypted", values: ["true", "false"], source: awsTypes("ec2/launchTemplate") + " (types/input.d.ts LaunchTemplateBlockDeviceMappingEbs: a string, cannot be used with snapshotId)" });

cloudFact(
    {
        about: "aws.ebs.Volume encrypted",
        says: "no default in the d.ts; EC2 creates it unencrypted unless its snapshot is encrypted or the account's EBS encryption by default (off by default, per region) is on",
        source: `${awsTypes("ebs/volume")}; Amazon EBS User Guide, "Encryption by default" and "Encryption rules"`,
    },
    undefined,
);

/** The account's encryption by default as the stack sets it: "on", "unknown", or "off" (also when the stack does not own it). */
export function accountDefault(stack: Stack): "on" | "unknown" | "off" {
    const owned = stack.ofType([encryptionByDefault]);
    if (owned.length === 0) return "off";
    let unknown = false;
    for (const r of owned) {
        const read = r.props.boolean(defaultEnabled.field);
        if (read.state === "absent" || (read.state === "known" && read.value)) return "on";
        if (read.state === "unknown") unknown = true;
    }
    return unknown ? "unknown" : "off";
}

/**
 * One encryption flag: true passes; false is a violation; omitted passes only under the account's
 * encryption by default (undecided when that is unknown). `value` is the flag as a boolean read.
 */
export function flagEncrypts(read: Read<boolean>, o: { path: string; fix: string; account: ReturnType<typeof accountDefault>; absentProblem: string }): Outcome {
    const flag = valueOf(read, { path: o.path, expected: "a boolean", fix: o.fix, absent: undefined });
    if (isOutcome(flag)) return flag;
    if (flag !== undefined) return flag ? pass : violation({ code: "notAllowed", field: o.path, problem: `${o.path} is false`, fix: o.fix });
    if (o.account === "on") return pass;
    if (o.account === "unknown") return undecided("EncryptionByDefault.enabled");
    return violation({ code: "absentDefault", field: o.path, problem: o.absentProblem, fix: o.fix });
}

/** A launch template's string flag ("true"/"false"; a program's boolean is taken as meant), read as a boolean. */
export function stringFlag(raw: unknown): Read<boolean> {
    if (typeof raw === "boolean") return { state: "known", value: raw };
    const read = classify(raw, "string");
    if (read.state !== "known") return read;
    const v = read.value.trim().toLowerCase();
    return v === "true" ? { state: "known", value: true } : v === "false" ? { state: "known", value: false } : { state: "wrongType", value: read.value };
}
