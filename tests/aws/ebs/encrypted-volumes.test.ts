import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";

const policy = "aws-ebs-encrypted-volumes";
const T = {
    volume: "aws:ebs/volume:Volume",
    instance: "aws:ec2/instance:Instance",
    template: "aws:ec2/launchTemplate:LaunchTemplate",
    byDefault: "aws:ebs/encryptionByDefault:EncryptionByDefault",
    snapshot: "aws:ebs/snapshot:Snapshot",
    snapshotCopy: "aws:ebs/snapshotCopy:SnapshotCopy",
};
const vol = (props: Record<string, unknown> = {}, deps = {}) => res(T.volume, "data", { availabilityZone: "us-east-1a", size: 100, encrypted: true, kmsKeyId: unknown, ...props }, deps);
const vm = (props: Record<string, unknown> = {}) => res(T.instance, "app", { ami: "ami-1", instanceType: "t3.small", rootBlockDevice: { encrypted: true, volumeSize: 20 }, ...props });
const lt = (props: Record<string, unknown> = {}) => res(T.template, "tmpl", { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }], ...props });
const accountOn = (props: Record<string, unknown> = {}) => res(T.byDefault, "default", props);

const unsetVolume = vol({ encrypted: undefined });
const offVolume = vol({ encrypted: false });
const source = vol({ encrypted: true });
const snap = res(T.snapshot, "snap", { volumeId: unknown }, { volumeId: [source] });
const copy = res(T.snapshotCopy, "copy", { sourceSnapshotId: "snap-1", sourceRegion: "us-west-2", encrypted: true });
const plainSnap = res(T.snapshot, "snap", { volumeId: unknown }, { volumeId: [offVolume] });

stackCases(policy, [
    // Encrypted volumes, root and EBS devices, and launch template mappings (the string "true").
    stackPasses([vol(), vm({ ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }), lt()]),
    // A deployed stack's outputs: blocks as one-element lists, defaults filled in.
    stackPasses([vol({ kmsKeyId: "", snapshotId: "" }), vm({ rootBlockDevice: [{ encrypted: true, kmsKeyId: "", volumeType: "gp3" }], ebsBlockDevices: [], launchTemplate: [] }), lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: [{ encrypted: "true", snapshotId: "" }], noDevice: "", virtualName: "" }] })]),
    // Instance store mappings are not EBS.
    stackPasses([lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }] })]),
    // Unencrypted and unset flags: the volume's, the instance's root (default false) and EBS devices, the template's.
    stackViolates([unsetVolume], [{ on: "data", code: "absentDefault", field: "encrypted" }]),
    stackViolates([offVolume], [{ on: "data", code: "notAllowed", field: "encrypted" }]),
    stackViolates([vm({ rootBlockDevice: undefined, ebsBlockDevices: [{ deviceName: "/dev/sdf" }, { deviceName: "/dev/sdg", encrypted: false }] })], [
        { on: "app", code: "absentDefault", field: "rootBlockDevice.encrypted" },
        { on: "app", code: "absentDefault", field: "ebsBlockDevices[0].encrypted" },
        { on: "app", code: "notAllowed", field: "ebsBlockDevices[1].encrypted" },
    ]),
    stackViolates([lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }, { deviceName: "/dev/sdf", ebs: { volumeSize: 5 } }] })], [
        { on: "tmpl", code: "notAllowed", field: "blockDeviceMappings[0].ebs.encrypted" },
        { on: "tmpl", code: "absentDefault", field: "blockDeviceMappings[1].ebs.encrypted" },
    ]),
    stackViolates([lt({ blockDeviceMappings: undefined })], [{ on: "tmpl", code: "rootUnverified", field: "blockDeviceMappings" }]),
    // Unset flags pass when the stack turns on the account's encryption by default (enabled defaults to true), never an explicit false.
    stackPasses([accountOn(), unsetVolume, vm({ rootBlockDevice: undefined }), lt({ blockDeviceMappings: undefined })]),
    stackPasses([accountOn({ enabled: true }), unsetVolume]),
    stackViolates([accountOn({ enabled: false }), unsetVolume], [{ on: "data", code: "absentDefault" }]),
    stackUndecided([accountOn({ enabled: unknown }), unsetVolume], [{ on: "data", fields: "EncryptionByDefault.enabled" }]),
    stackViolates([accountOn(), offVolume], [{ on: "data", code: "notAllowed", field: "encrypted" }]),
    // A volume's snapshot in the stack is resolved; one from elsewhere needs encrypted: true.
    stackPasses([source, snap, res(T.volume, "restored", { availabilityZone: "us-east-1a", snapshotId: unknown }, { snapshotId: [snap] })]),
    stackPasses([copy, res(T.volume, "restored", { snapshotId: unknown }, { snapshotId: [copy] })]),
    stackViolates([offVolume, plainSnap, res(T.volume, "restored", { snapshotId: unknown }, { snapshotId: [plainSnap] })], [
        { on: "data", code: "notAllowed", field: "encrypted" },
        { on: "restored", code: "inheritsSnapshot", field: "encrypted" },
    ]),
    stackViolates([vol({ encrypted: undefined, snapshotId: "snap-0123" })], [{ on: "data", code: "inheritsSnapshot", field: "encrypted" }]),
    stackUndecided([vol({ encrypted: undefined, snapshotId: unknown })], [{ on: "data", fields: "snapshotId" }]),
    // Devices built from a snapshot are left to the snapshot (the provider forbids encrypted with snapshotId), an instance's root to its launch template.
    stackNotApplicable([vm({ rootBlockDevice: undefined, launchTemplate: { id: unknown }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-1" }] })], /launch template|inherits the encryption of its snapshot/, undefined, "app"),
    stackUndecided([lt({ blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: unknown } }] })], [{ on: "tmpl", fields: "blockDeviceMappings[0].ebs.snapshotId" }]),
    // Undecided on unknown flags; garbage is a clean finding, and no secret is echoed.
    stackUndecided([vm({ rootBlockDevice: unknown, ebsBlockDevices: [{ deviceName: "x", encrypted: unknown }] })], [{ on: "app", fields: ["rootBlockDevice", "ebsBlockDevices[0].encrypted"] }]),
    stackUndecided([lt({ blockDeviceMappings: [{ ebs: { encrypted: unknown } }] })], [{ on: "tmpl", fields: "blockDeviceMappings[0].ebs.encrypted" }]),
    stackViolates([lt({ blockDeviceMappings: [{ ebs: { encrypted: "SECRET" } }, null, 4] })], [
        { on: "tmpl", code: "wrongType", field: "blockDeviceMappings[2]" },
        { on: "tmpl", code: "wrongType", field: "blockDeviceMappings[0].ebs.encrypted" },
    ]),
    stackViolates([vol({ encrypted: secret("SECRET"), snapshotId: { SECRET: 1 } })], [{ on: "data", code: "wrongType", field: "encrypted" }]),
    stackGarbage([vm({ rootBlockDevice: "SECRET", ebsBlockDevices: { SECRET: true } }), accountOn({ enabled: "SECRET" })]),
]);
