// What an S3 bucket's lifecycle rules do to its objects: which rules expire current or noncurrent
// object versions, after how long, and for which keys. Read from the separate lifecycle resources
// (@pulumi/aws 7) and the bucket's deprecated inline `lifecycleRules`, inputs or outputs alike.

import { awsTypes, cloudFact } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { Stack, StackResource } from "../../lib/stack";
import { bucketTarget } from "./facts";

export const lifecycleConfigurationTypes = [
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
];

cloudFact(
    { about: "aws.s3.BucketLifecycleConfiguration rules[]", says: "status Enabled or Disabled; filter.prefix, filter.tag or filter.and select the keys; expiration.days/date and noncurrentVersionExpiration.noncurrentDays delete objects", source: awsTypes("types/input BucketLifecycleConfigurationRule") },
    true,
);

/** Where an expiring rule sits and what it deletes, for messages. */
interface Expiry {
    readonly path: string;
    /** Days after which it deletes, or "a fixed date". */
    readonly after: number | "date";
    readonly noncurrent: boolean;
}

/** A single nested block, however it is stored; empty when unset. */
function one(props: Props, key: string): Props {
    const read = props.single(key);
    return read.state === "known" ? read.value : new Props({});
}

/** Whether a rule's filter can select keys under `keyPrefix` (CloudTrail writes untagged objects). */
function selects(prefix: string | undefined, tagged: boolean, keyPrefix: string): boolean {
    if (tagged) return false;
    if (prefix === undefined || prefix === "") return true;
    return keyPrefix.startsWith(prefix) || prefix.startsWith(keyPrefix);
}

/** A rule of either shape, normalised: enabled, the prefix and tags it filters on, and its expirations. */
function ruleExpiries(rule: Props, path: string, inline: boolean, keyPrefix: string): Expiry[] | Outcome {
    const fix = "remove the expiration, or make it at least the retention the audit trail needs";
    const enabled = inline
        ? valueOf(rule.boolean("enabled"), { path: `${path}.enabled`, expected: "a boolean", fix, absent: false })
        : valueOf(rule.string("status"), { path: `${path}.status`, expected: "a string", fix, absent: "Enabled" });
    if (isOutcome(enabled)) return enabled;
    if (enabled === false || enabled === "Disabled") return [];
    // Outputs store single blocks as one-element lists and unset ones as empty lists.
    const filter = inline ? rule : one(rule, "filter");
    const and = one(filter, "and");
    const prefixRead = [rule.string("prefix"), filter.string("prefix"), and.string("prefix")].find(r => r.state !== "absent");
    if (prefixRead?.state === "unknown") return undecided(`${path}.filter.prefix`);
    const prefix = prefixRead?.state === "known" ? prefixRead.value : undefined;
    const hasTags = (read: ReturnType<Props["object"]>) => read.state === "known" && read.value.keys().length > 0;
    const tag = filter.single("tag");
    if (!inline && tag.state === "unknown") return undecided(`${path}.filter.tag`);
    const tagged = inline ? hasTags(rule.object("tags")) : (tag.state === "known" && tag.value.keys().length > 0) || hasTags(and.object("tags"));
    if (!selects(prefix, tagged, keyPrefix)) return [];
    const expiries: Expiry[] = [];
    const current = rule.single("expiration");
    if (current.state === "unknown") return undecided(`${path}.expiration`);
    if (current.state === "known") {
        const days = valueOf(current.value.number("days"), { path: `${path}.expiration.days`, expected: "a number", fix, absent: undefined });
        if (isOutcome(days)) return days;
        if (days !== undefined && days > 0) expiries.push({ path: `${path}.expiration.days`, after: days, noncurrent: false });
        const date = current.value.string("date");
        if (date.state === "unknown") return undecided(`${path}.expiration.date`);
        if (date.state === "known" && date.value.trim() !== "") expiries.push({ path: `${path}.expiration.date`, after: "date", noncurrent: false });
    }
    const old = rule.single("noncurrentVersionExpiration");
    if (old.state === "unknown") return undecided(`${path}.noncurrentVersionExpiration`);
    if (old.state === "known") {
        const field = inline ? "days" : "noncurrentDays";
        const days = valueOf(old.value.number(field), { path: `${path}.noncurrentVersionExpiration.${field}`, expected: "a number", fix, absent: undefined });
        if (isOutcome(days)) return days;
        if (days !== undefined && days > 0) expiries.push({ path: `${path}.noncurrentVersionExpiration.${field}`, after: days, noncurrent: true });
    }
    return expiries;
}

/**
 * The bucket's lifecycle rules keep every object under `keyPrefix` (current and noncurrent
 * versions) for at least `minimumDays`. `noun` names the bucket in messages.
 */
export function keepsObjectsFor(bucket: StackResource, stack: Stack, o: { keyPrefix: string; minimumDays: number; noun: string }): readonly Outcome[] {
    const outcomes: Outcome[] = [];
    const sources: { props: Props; field: string; inline: boolean; where: string }[] = [
        ...stack.referrers(lifecycleConfigurationTypes, "bucket", bucket, bucketTarget).found.map(c => ({ props: c.props, field: "rules", inline: false, where: "on its aws.s3.BucketLifecycleConfiguration" })),
        { props: bucket.props, field: "lifecycleRules", inline: true, where: "on the bucket" },
    ];
    for (const source of sources) {
        const { elements, outcomes: read } = elementsOf(source.props, { field: source.field, fix: "set rules to a list of lifecycle rules" });
        outcomes.push(...read);
        for (const rule of elements) {
            const expiries = ruleExpiries(rule.props, rule.path, source.inline, o.keyPrefix);
            if (isOutcome(expiries)) {
                outcomes.push(expiries);
                continue;
            }
            for (const e of expiries.filter(x => x.after === "date" || x.after < o.minimumDays)) {
                const what = e.noncurrent ? "noncurrent (deleted or overwritten) log object versions" : "log objects";
                const when = e.after === "date" ? "on a fixed date" : `after ${e.after} days, before ${o.minimumDays}`;
                outcomes.push(
                    violation({
                        code: "expiresTooSoon",
                        field: e.path,
                        problem: `a lifecycle rule of this ${o.noun} expires ${what} ${when}`,
                        fix: `remove ${e.path} or set it to ${o.minimumDays} days or more ${source.where}`,
                    }),
                );
            }
        }
    }
    const decided = outcomes.filter(x => x.kind === "violation");
    return decided.length > 0 ? decided : [outcomes.find(x => x.kind === "undecided") ?? pass];
}
