import { unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";

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

const t = table();
const v = volume();
const notIn = [{ on: "sessions", code: "notInBackupPlan" }];
const undecidedSelection = [{ on: "sessions", fields: "Selection" }];
const db = res(T.db, "db", { engine: "postgres", arn: unknown });
const cluster = res(T.cluster, "aurora", { engine: "aurora-postgresql", arn: unknown });
const member = res(T.db, "aurora-1", { engine: "aurora-postgresql", arn: unknown });
const vm = res(T.instance, "app", { arn: unknown });
const rdsSelection = select("s", { resources: ["arn:aws:rds:*:*:db:*", "arn:aws:rds:*:*:cluster:*"] });
const files = res(T.fs, "files", { id: unknown, encrypted: true });
const efsBackup = (status: string) => res(T.efsBackup, "b", { fileSystemId: unknown, backupPolicy: { status } }, { fileSystemId: [files] });
const junkTable = table({ tags: "SECRET" });

stackCases(policy, [
    // Resources a selection names by ARN (dependency or literal), by wildcard, by selection tag or by condition.
    stackPasses([t, v, select("s", { resources: [unknown, unknown] }, { resources: [t, v] })]),
    stackPasses([table({ arn: "arn:aws:dynamodb:us-east-1:111122223333:table/sessions" }), select("s", { resources: ["arn:aws:dynamodb:us-east-1:111122223333:table/sessions"] })]),
    stackPasses([t, v, select("s", { resources: ["arn:aws:dynamodb:*:*:table/*", "arn:aws:ec2:*:*:volume/*"] })]),
    stackPasses([t, v, select("s", { resources: ["*"] })]),
    stackPasses([t, v, select("s", { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] })]),
    stackPasses([t, v, select("s", { resources: ["*"], conditions: [{ stringEquals: [{ key: "aws:ResourceTag/data-classification", value: "phi" }], stringLikes: [{ key: "aws:ResourceTag/backup", value: "da*" }] }] })]),
    // Resources no selection backs up: other types, other tags, excluded by notResources or a condition.
    stackViolates([t], notIn),
    stackViolates([t, select("s", { resources: ["arn:aws:ec2:*:*:volume/*"] })], notIn),
    stackViolates([t, select("s", { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "weekly" }] })], notIn),
    stackViolates([t, select("s", { resources: ["*"], notResources: ["arn:aws:dynamodb:*:*:table/*"] })], notIn),
    stackViolates([t, select("s", { resources: ["*"], conditions: [{ stringNotEquals: [{ key: "aws:ResourceTag/data-classification", value: "phi" }] }] })], notIn),
    // A selection that lists another resource's ARN (its dependency) does not back this one up.
    stackViolates([t, v, select("s", { resources: [unknown] }, { resources: [v] })], notIn),
    // RDS instances, clusters, EC2 instances and EFS (a BackupPolicy ENABLED counts); Aurora instances follow their cluster.
    stackViolates([db, cluster, member, vm, rdsSelection], [{ on: "app", code: "notInBackupPlan" }]),
    stackNotApplicable([db, cluster, member, rdsSelection], /backed up with its cluster/, undefined, "aurora-1"),
    stackPasses([files, efsBackup("ENABLED")]),
    stackViolates([files, efsBackup("DISABLED")], [{ on: "files", code: "notInBackupPlan" }]),
    // The required backup tag (key, or key=value) a plan in another stack selects.
    stackPasses([t], { requiredBackupTag: "backup=daily" }),
    stackPasses([t], { requiredBackupTag: "backup" }),
    stackViolates([t], notIn, { requiredBackupTag: "backup=hourly" }),
    stackUndecided([table({ tags: unknown })], undecidedSelection, { requiredBackupTag: "backup" }),
    // Undecided when a selection's lists or the resource's tags are unknown without dependencies.
    stackUndecided([t, select("s", { resources: [unknown] })], undecidedSelection),
    stackUndecided([t, select("s", { resources: unknown })], undecidedSelection),
    stackUndecided([table({ tags: unknown }), select("s", { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] })], undecidedSelection),
    stackUndecided([t, select("s", { resources: ["*"], notResources: [unknown] })], undecidedSelection),
    // A specific ARN while the table's is unknown at preview: it may be this table.
    stackUndecided([t, select("s", { resources: ["arn:aws:dynamodb:us-east-1:111122223333:table/sessions"] })], undecidedSelection),
    // Garbage, and no secret echoed.
    ...[{ resources: "SECRET" }, { resources: [7, null, { SECRET: 1 }] }, { selectionTags: [null, { key: 5 }] }, { conditions: "SECRET" }, { conditions: [{ stringEquals: "SECRET" }] }].map(props => stackGarbage([junkTable, select("s", props)])),
    stackGarbage([junkTable], { requiredBackupTag: "SECRET=SECRET" }),
]);
