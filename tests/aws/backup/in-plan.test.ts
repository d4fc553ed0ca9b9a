import { unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { assertNotApplicable, assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-backup-in-plan";
const T = {
    selection: "aws:backup/selection:Selection",
    table: "aws:dynamodb/table:Table",
    volume: "aws:ebs/volume:Volume",
    instance: "aws:ec2/instance:Instance",
    db: "aws:rds/instance:Instance",
    cluster: "aws:rds/cluster:Cluster",
    fs: "aws:efs/fileSystem:FileSystem",
    efsBackup: "aws:efs/backupPolicy:BackupPolicy",
};
const tags = { "data-classification": "phi", backup: "daily" };
const table = (props: Record<string, unknown> = {}) => res(T.table, "sessions", { name: "sessions", arn: unknown, tags, ...props });
const volume = (props: Record<string, unknown> = {}) => res(T.volume, "data", { arn: unknown, encrypted: true, tags, ...props });
const select = (name: string, props: Record<string, unknown>, deps = {}) => res(T.selection, name, { planId: unknown, iamRoleArn: unknown, ...props }, deps);

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2], knobs?: Record<string, unknown>) => runStack(pack, policy, resources, knobs);

    it("passes resources a selection names by ARN (dependency or literal), by wildcard, by selection tag or by condition", async () => {
        const t = table();
        const v = volume();
        assertPasses(await run([t, v, select("s", { resources: [unknown, unknown] }, { resources: [t, v] })]));
        const known = table({ arn: "arn:aws:dynamodb:us-east-1:111122223333:table/sessions" });
        assertPasses(await run([known, select("s", { resources: ["arn:aws:dynamodb:us-east-1:111122223333:table/sessions"] })]));
        assertPasses(await run([t, v, select("s", { resources: ["arn:aws:dynamodb:*:*:table/*", "arn:aws:ec2:*:*:volume/*"] })]));
        assertPasses(await run([t, v, select("s", { resources: ["*"] })]));
        assertPasses(await run([t, v, select("s", { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] })]));
        assertPasses(await run([t, v, select("s", { resources: ["*"], conditions: [{ stringEquals: [{ key: "aws:ResourceTag/data-classification", value: "phi" }], stringLikes: [{ key: "aws:ResourceTag/backup", value: "da*" }] }] })]));
    });

    it("reports resources no selection backs up: other types, other tags, excluded by notResources or a condition", async () => {
        const t = table();
        assertViolates(await run([t]), t.urn!, { code: "notInBackupPlan" });
        assertViolates(await run([t, select("s", { resources: ["arn:aws:ec2:*:*:volume/*"] })]), t.urn!, { code: "notInBackupPlan" });
        assertViolates(await run([t, select("s", { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "weekly" }] })]), t.urn!, { code: "notInBackupPlan" });
        assertViolates(await run([t, select("s", { resources: ["*"], notResources: ["arn:aws:dynamodb:*:*:table/*"] })]), t.urn!, { code: "notInBackupPlan" });
        assertViolates(await run([t, select("s", { resources: ["*"], conditions: [{ stringNotEquals: [{ key: "aws:ResourceTag/data-classification", value: "phi" }] }] })]), t.urn!, { code: "notInBackupPlan" });
        // A selection that lists another resource's ARN (its dependency) does not back this one up.
        const other = volume();
        assertViolates(await run([t, other, select("s", { resources: [unknown] }, { resources: [other] })]), t.urn!, { code: "notInBackupPlan" });
    });

    it("covers RDS instances, clusters, EC2 instances and EFS (a BackupPolicy ENABLED counts); Aurora instances follow their cluster", async () => {
        const db = res(T.db, "db", { engine: "postgres", arn: unknown });
        const cluster = res(T.cluster, "aurora", { engine: "aurora-postgresql", arn: unknown });
        const member = res(T.db, "aurora-1", { engine: "aurora-postgresql", arn: unknown });
        const vm = res(T.instance, "app", { arn: unknown });
        const r = await run([db, cluster, member, vm, select("s", { resources: ["arn:aws:rds:*:*:db:*", "arn:aws:rds:*:*:cluster:*"] })]);
        assertPasses({ byUrn: new Map([db, cluster].map(x => [x.urn!, r.byUrn.get(x.urn!)!])) });
        assertNotApplicable(r, member.urn!, /backed up with its cluster/);
        assertViolates(r, vm.urn!, { code: "notInBackupPlan" });
        const fs = res(T.fs, "files", { id: unknown, encrypted: true });
        assertPasses(await run([fs, res(T.efsBackup, "b", { fileSystemId: unknown, backupPolicy: { status: "ENABLED" } }, { fileSystemId: [fs] })]));
        assertViolates(await run([fs, res(T.efsBackup, "b", { fileSystemId: unknown, backupPolicy: { status: "DISABLED" } }, { fileSystemId: [fs] })]), fs.urn!, { code: "notInBackupPlan" });
    });

    it("accepts the required backup tag (key, or key=value) a plan in another stack selects", async () => {
        const t = table();
        assertPasses(await run([t], { requiredBackupTag: "backup=daily" }));
        assertPasses(await run([t], { requiredBackupTag: "backup" }));
        assertViolates(await run([t], { requiredBackupTag: "backup=hourly" }), t.urn!, { code: "notInBackupPlan" });
        assertUndecided(await run([table({ tags: unknown })], { requiredBackupTag: "backup" }), table().urn!, "Selection");
    });

    it("is undecided when a selection's lists or the resource's tags are unknown without dependencies", async () => {
        const t = table();
        assertUndecided(await run([t, select("s", { resources: [unknown] })]), t.urn!, "Selection");
        assertUndecided(await run([t, select("s", { resources: unknown })]), t.urn!, "Selection");
        assertUndecided(await run([table({ tags: unknown }), select("s", { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] })]), t.urn!, "Selection");
        assertUndecided(await run([t, select("s", { resources: ["*"], notResources: [unknown] })]), t.urn!, "Selection");
        // A specific ARN while the table's is unknown at preview: it may be this table.
        assertUndecided(await run([t, select("s", { resources: ["arn:aws:dynamodb:us-east-1:111122223333:table/sessions"] })]), t.urn!, "Selection");
    });

    it("survives garbage and never echoes a secret", async () => {
        const t = table({ tags: "SECRET" });
        for (const props of [{ resources: "SECRET" }, { resources: [7, null, { SECRET: 1 }] }, { selectionTags: [null, { key: 5 }] }, { conditions: "SECRET" }, { conditions: [{ stringEquals: "SECRET" }] }]) {
            await run([t, select("s", props)]);
        }
        await run([t], { requiredBackupTag: "SECRET=SECRET" });
    });
});
