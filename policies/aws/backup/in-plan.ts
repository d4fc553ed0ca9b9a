import { stringKnob } from "../../lib/knobs";
import { notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { isUnknown, Props } from "../../lib/props";
import { elementsOf } from "../../lib/rules";
import { defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../../lib/stack";
import { selection } from "./facts";

/** The data stores the AWS Config HIPAA pack wants in a backup plan, with how their ARNs look. */
const stores: Record<string, { service: string; resource: string; rule: string }> = {
    "aws:rds/instance:Instance": { service: "rds", resource: "db:", rule: "rds-in-backup-plan" },
    "aws:rds/cluster:Cluster": { service: "rds", resource: "cluster:", rule: "aurora-resources-protected-by-backup-plan" },
    "aws:dynamodb/table:Table": { service: "dynamodb", resource: "table/", rule: "dynamodb-in-backup-plan" },
    "aws:ebs/volume:Volume": { service: "ec2", resource: "volume/", rule: "ebs-in-backup-plan" },
    "aws:ec2/instance:Instance": { service: "ec2", resource: "instance/", rule: "ec2-resources-protected-by-backup-plan" },
    "aws:efs/fileSystem:FileSystem": { service: "elasticfilesystem", resource: "file-system/", rule: "efs-in-backup-plan" },
};
const efsBackupPolicy = "aws:efs/backupPolicy:BackupPolicy";
const fileSystemTarget: ReferenceTarget = { types: ["aws:efs/fileSystem:FileSystem"], keys: ["id"] };

type Match = "yes" | "no" | "maybe";

const UNKNOWN = "\u0000";
function patternRegex(pattern: string): RegExp {
    return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^]*")}$`);
}

/** Whether an ARN pattern of a selection names `r`: by its ARN when known, else by its type. */
function arnMatches(pattern: string, r: StackResource): Match {
    const arn = r.props.string("arn");
    if (arn.state === "known" && arn.value !== "") return patternRegex(pattern).test(arn.value) ? "yes" : "no";
    const shape = stores[r.type];
    // The ARN it will have, its unknown parts standing in for anything: wildcards cover them, literals may or may not.
    if (patternRegex(pattern).test(`arn:aws:${shape.service}:${UNKNOWN}:${UNKNOWN}:${shape.resource}${UNKNOWN}`)) return "yes";
    const parts = pattern.split(":");
    const service = parts[2] ?? "";
    const resource = parts.slice(5).join(":");
    const sameService = service === "*" || service === shape.service;
    const sameKind = resource.startsWith("*") || resource.startsWith(shape.resource) || shape.resource.startsWith(resource.replace(/\*.*$/, ""));
    return sameService && sameKind ? "maybe" : "no";
}

/** A list of ARN patterns (`resources`, `notResources`): does any name `r`? By dependency first. */
function listMatches(s: StackResource, field: string, r: StackResource): Match {
    const deps = s.dependsOn(field);
    if (deps.some(d => d.urn === r.urn)) return "yes";
    const list = s.props.list(field);
    if (list.state === "unknown") return "maybe";
    if (list.state !== "known") return "no";
    let result: Match = "no";
    for (const entry of list.value) {
        // An ARN unknown at preview is another resource's when the dependencies name others only.
        if (isUnknown(entry)) {
            if (deps.length === 0) result = "maybe";
            continue;
        }
        if (typeof entry !== "string") continue;
        const m = entry.trim() === "*" ? "yes" : arnMatches(entry.trim(), r);
        if (m === "yes") return "yes";
        if (m === "maybe") result = "maybe";
    }
    return result;
}

function tagOf(r: StackResource, key: string): { value?: string; unknown: boolean } {
    const tags = r.props.object("tags");
    if (tags.state === "unknown") return { unknown: true };
    if (tags.state !== "known") return { unknown: false };
    const v = tags.value.string(key);
    return v.state === "known" ? { value: v.value, unknown: false } : { unknown: v.state === "unknown" };
}

/** One tag test: `like` compares with `*` wildcards; `negate` inverts it. */
function tagTest(r: StackResource, key: string, value: string, o: { like: boolean; negate: boolean }): Match {
    const tag = tagOf(r, key.replace(/^aws:ResourceTag\//, ""));
    if (tag.unknown) return "maybe";
    const hit = tag.value !== undefined && (o.like ? patternRegex(value).test(tag.value) : tag.value === value);
    return hit !== o.negate ? "yes" : "no";
}

function conditionPairs(block: Props, field: string): { key: string; value: string }[] | "unknown" {
    const { elements, outcomes } = elementsOf(block, { field, fix: "" });
    if (outcomes.some(o => o.kind === "undecided")) return "unknown";
    return elements.map(e => ({ key: e.props.string("key"), value: e.props.string("value") }))
        .map(p => (p.key.state === "known" && p.value.state === "known" ? { key: p.key.value, value: p.value.value } : { key: UNKNOWN, value: UNKNOWN }));
}

/** Whether selection `s` backs up `r`: (resources or any selection tag) and every condition, minus notResources. */
function selects(s: StackResource, r: StackResource): Match {
    const excluded = listMatches(s, "notResources", r);
    if (excluded === "yes") return "no";
    const included: Match[] = [listMatches(s, "resources", r)];
    for (const t of elementsOf(s.props, { field: "selectionTags", fix: "" }).elements) {
        const key = t.props.string("key");
        const value = t.props.string("value");
        included.push(key.state === "known" && value.state === "known" ? tagTest(r, key.value, value.value, { like: false, negate: false }) : "maybe");
    }
    if (s.props.list("selectionTags").state === "unknown") included.push("maybe");
    let result: Match = included.includes("yes") ? "yes" : included.includes("maybe") ? "maybe" : "no";
    if (result === "no") return "no";
    const conditions = elementsOf(s.props, { field: "conditions", fix: "" });
    if (s.props.list("conditions").state === "unknown") result = "maybe";
    for (const c of conditions.elements) {
        for (const [field, like, negate] of [["stringEquals", false, false], ["stringLikes", true, false], ["stringNotEquals", false, true], ["stringNotLikes", true, true]] as const) {
            const pairs = conditionPairs(c.props, field);
            if (pairs === "unknown") { result = "maybe"; continue; }
            for (const p of pairs) {
                const m = p.key === UNKNOWN ? "maybe" : tagTest(r, p.key, p.value, { like, negate });
                if (m === "no") return "no";
                if (m === "maybe") result = "maybe";
            }
        }
    }
    return excluded === "maybe" ? "maybe" : result;
}

function hasTag(r: StackResource, required: string): Match {
    const [key, ...rest] = required.split("=");
    const tag = tagOf(r, key);
    if (tag.unknown) return "maybe";
    return tag.value !== undefined && (rest.length === 0 || tag.value === rest.join("=")) ? "yes" : "no";
}

function efsAutomaticBackups(fs: StackResource, stack: Stack): Match {
    const policies = stack.referrers([efsBackupPolicy], "fileSystemId", fs, fileSystemTarget);
    let result: Match = policies.unresolved ? "maybe" : "no";
    for (const p of policies.found) {
        const status = p.props.within("backupPolicy", "status", "string");
        if (status.state === "known" && status.value === "ENABLED") return "yes";
        if (status.state === "unknown") result = "maybe";
    }
    return result;
}

export default defineStackPolicy({
    name: "aws-backup-in-plan",
    description: "Every RDS instance, RDS/Aurora cluster, DynamoDB table, EBS volume, EC2 instance and EFS file system is selected by an AWS Backup plan (or carries the backup tag a central plan selects).",
    severity: "high",
    types: Object.keys(stores),
    hipaa: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["aws", "backup", "disaster-recovery", "stack"],
    anchors: { awsConfig: Object.values(stores).map(s => s.rule), checkov: ["CKV2_AWS_8", "CKV2_AWS_9", "CKV2_AWS_18"] },
    remediation:
        "Add an `aws.backup.Selection` to a plan (`planId: plan.id`) that selects the resource: `resources: [resource.arn]` (or a wildcard such as " +
        "`\"arn:aws:dynamodb:*:*:table/*\"`), or `selectionTags`/`conditions` matching its tags, and not excluded by `notResources`. For EFS an " +
        "`aws.efs.BackupPolicy` with `backupPolicy: { status: \"ENABLED\" }` also counts. When plans live in a shared backup stack that selects by tag, " +
        "set `requiredBackupTag` (e.g. `\"backup=daily\"`) and tag the resource instead.",
    knobs: {
        requiredBackupTag: stringKnob({
            default: "",
            pattern: "^([^=]{1,128}(=.{0,256})?)?$",
            maxLength: 385,
            description: 'A tag ("key" or "key=value") that a backup plan outside this stack selects; a resource carrying it passes. Empty: only in-stack selections count.',
            allowed: 'a tag as "key" or "key=value" (key 1-128 characters, value up to 256), or "" to turn it off',
        }),
    },
    check: (r, stack, config): Outcome => {
        const engine = r.props.string("engine");
        if (r.type === "aws:rds/instance:Instance" && engine.state === "known" && engine.value.startsWith("aurora")) {
            return notApplicable("an Aurora instance is backed up with its cluster");
        }
        const matches: Match[] = stack.ofType([selection]).map(s => selects(s, r));
        if (r.type === "aws:efs/fileSystem:FileSystem") matches.push(efsAutomaticBackups(r, stack));
        if (config.requiredBackupTag !== "") matches.push(hasTag(r, config.requiredBackupTag));
        if (matches.includes("yes")) return pass;
        if (matches.includes("maybe")) return undecided("Selection");
        return violation({
            code: "notInBackupPlan",
            problem: `no aws.backup.Selection backs up this resource${config.requiredBackupTag ? ", and it does not carry the required backup tag" : ""}`,
            fix: "add an aws.backup.Selection whose resources name this resource's ARN (or whose tags or conditions match its tags)",
        });
    },
});
