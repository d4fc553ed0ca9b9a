import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { assertNotApplicable, assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

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

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes encrypted volumes, root and EBS devices, and launch template mappings (the string \"true\")", async () => {
        assertPasses(await run([vol(), vm({ ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }), lt()]));
        // A deployed stack's outputs: blocks as one-element lists, defaults filled in.
        assertPasses(await run([vol({ kmsKeyId: "", snapshotId: "" }), vm({ rootBlockDevice: [{ encrypted: true, kmsKeyId: "", volumeType: "gp3" }], ebsBlockDevices: [], launchTemplate: [] }), lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: [{ encrypted: "true", snapshotId: "" }], noDevice: "", virtualName: "" }] })]));
        // Instance store mappings are not EBS.
        assertPasses(await run([lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }] })]));
    });

    it("reports unencrypted and unset flags: the volume's, the instance's root (default false) and EBS devices, the template's", async () => {
        const v = vol({ encrypted: undefined });
        assertViolates(await run([v]), v.urn!, { code: "absentDefault", field: "encrypted" });
        const off = vol({ encrypted: false });
        assertViolates(await run([off]), off.urn!, { code: "notAllowed", field: "encrypted" });
        const i = vm({ rootBlockDevice: undefined, ebsBlockDevices: [{ deviceName: "/dev/sdf" }, { deviceName: "/dev/sdg", encrypted: false }] });
        assertViolates(await run([i]), i.urn!,
            { code: "absentDefault", field: "rootBlockDevice.encrypted" },
            { code: "absentDefault", field: "ebsBlockDevices[0].encrypted" },
            { code: "notAllowed", field: "ebsBlockDevices[1].encrypted" });
        const t = lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }, { deviceName: "/dev/sdf", ebs: { volumeSize: 5 } }] });
        assertViolates(await run([t]), t.urn!,
            { code: "notAllowed", field: "blockDeviceMappings[0].ebs.encrypted" },
            { code: "absentDefault", field: "blockDeviceMappings[1].ebs.encrypted" });
        const bare = lt({ blockDeviceMappings: undefined });
        assertViolates(await run([bare]), bare.urn!, { code: "rootUnverified", field: "blockDeviceMappings" });
    });

    it("accepts unset flags when the stack turns on the account's encryption by default (enabled defaults to true), but never an explicit false", async () => {
        const v = vol({ encrypted: undefined });
        const i = vm({ rootBlockDevice: undefined });
        const t = lt({ blockDeviceMappings: undefined });
        assertPasses(await run([accountOn(), v, i, t]));
        assertPasses(await run([accountOn({ enabled: true }), v]));
        assertViolates(await run([accountOn({ enabled: false }), v]), v.urn!, { code: "absentDefault" });
        assertUndecided(await run([accountOn({ enabled: unknown }), v]), v.urn!, "EncryptionByDefault.enabled");
        const off = vol({ encrypted: false });
        assertViolates(await run([accountOn(), off]), off.urn!, { code: "notAllowed", field: "encrypted" });
    });

    it("resolves a volume's snapshot in the stack; one from elsewhere needs encrypted: true", async () => {
        const source = vol({ encrypted: true });
        const snap = res(T.snapshot, "snap", { volumeId: unknown }, { volumeId: [source] });
        const restored = res(T.volume, "restored", { availabilityZone: "us-east-1a", snapshotId: unknown }, { snapshotId: [snap] });
        assertPasses(await run([source, snap, restored]));
        const copy = res(T.snapshotCopy, "copy", { sourceSnapshotId: "snap-1", sourceRegion: "us-west-2", encrypted: true });
        assertPasses(await run([copy, res(T.volume, "restored", { snapshotId: unknown }, { snapshotId: [copy] })]));
        const plain = vol({ encrypted: false });
        const plainSnap = res(T.snapshot, "snap", { volumeId: unknown }, { volumeId: [plain] });
        const fromPlain = res(T.volume, "restored", { snapshotId: unknown }, { snapshotId: [plainSnap] });
        assertViolates(await run([plain, plainSnap, fromPlain]), fromPlain.urn!, { code: "inheritsSnapshot", field: "encrypted" });
        const outside = vol({ encrypted: undefined, snapshotId: "snap-0123" });
        assertViolates(await run([outside]), outside.urn!, { code: "inheritsSnapshot", field: "encrypted" });
        const unknownSnap = vol({ encrypted: undefined, snapshotId: unknown });
        assertUndecided(await run([unknownSnap]), unknownSnap.urn!, "snapshotId");
    });

    it("leaves devices built from a snapshot to the snapshot (the provider forbids encrypted with snapshotId), and an instance's root to its launch template", async () => {
        const i = vm({ rootBlockDevice: undefined, launchTemplate: { id: unknown }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-1" }] });
        assertNotApplicable(await run([i]), i.urn!, /launch template|inherits the encryption of its snapshot/);
        const t = lt({ blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: unknown } }] });
        assertUndecided(await run([t]), t.urn!, "blockDeviceMappings[0].ebs.snapshotId");
    });

    it("is undecided on unknown flags, and survives garbage without echoing secrets", async () => {
        const i = vm({ rootBlockDevice: unknown, ebsBlockDevices: [{ deviceName: "x", encrypted: unknown }] });
        assertUndecided(await run([i]), i.urn!, "rootBlockDevice", "ebsBlockDevices[0].encrypted");
        const t = lt({ blockDeviceMappings: [{ ebs: { encrypted: unknown } }] });
        assertUndecided(await run([t]), t.urn!, "blockDeviceMappings[0].ebs.encrypted");
        const g = lt({ blockDeviceMappings: [{ ebs: { encrypted: "SECRET" } }, null, 4] });
        assertViolates(await run([g]), g.urn!, { code: "wrongType", field: "blockDeviceMappings[2]" }, { code: "wrongType", field: "blockDeviceMappings[0].ebs.encrypted" });
        const v = vol({ encrypted: secret("SECRET"), snapshotId: { SECRET: 1 } });
        assertViolates(await run([v]), v.urn!, { code: "wrongType", field: "encrypted" });
        await run([vm({ rootBlockDevice: "SECRET", ebsBlockDevices: { SECRET: true } }), accountOn({ enabled: "SECRET" })]);
    });
});
