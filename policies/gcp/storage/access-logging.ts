import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { valueOf } from "../../lib/rules";
import { bucket, logBucket } from "./facts";

const field = logBucket.path;
const fix = "set logging: { logBucket: <the name of a separate bucket for access logs> }";

/** The bucket's `logging.logBucket`: a name, the in-stack buckets it depends on, or an outcome. */
function target(r: StackResource): { name?: string; urns: string[]; unknown?: true } | Outcome {
    const block = r.props.single("logging");
    if (block.state === "absent") return { urns: [] };
    if (block.state === "unknown") return undecided("logging");
    if (block.state === "wrongType") return violation({ code: "wrongType", field: "logging", problem: "logging is not a block", fix });
    const urns = r.dependsOn("logging").filter(d => d.type === bucket).map(d => d.urn);
    const name = valueOf(block.value.string("logBucket"), { path: field, expected: "a string", fix, absent: undefined });
    if (isOutcome(name)) return name.kind === "undecided" ? { urns, unknown: true } : name;
    return { name: name?.trim() || undefined, urns };
}

/** Buckets that receive other buckets' access logs, by name and URN; `unresolved` when some target is unknown at preview. */
function logTargets(stack: Stack): { names: Set<string>; urns: Set<string>; unresolved: boolean } {
    const names = new Set<string>();
    const urns = new Set<string>();
    let unresolved = false;
    for (const b of stack.ofType([bucket])) {
        const t = target(b);
        if (isOutcome(t)) continue;
        t.urns.forEach(u => urns.add(u));
        if (t.name) names.add(t.name);
        else if (t.urns.length === 0 && t.unknown) unresolved = true;
    }
    return { names, urns, unresolved };
}

function knownName(r: StackResource): string | undefined {
    const name = r.props.string("name");
    return name.state === "known" && name.value.trim() !== "" ? name.value.trim() : undefined;
}

export default defineStackPolicy({
    name: "gcp-storage-access-logging",
    description: "Cloud Storage buckets write usage and access logs to a separate bucket (buckets that receive those logs are exempt).",
    severity: "medium",
    types: [bucket],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["gcp", "storage", "logging", "audit"],
    anchors: { gcp: ["gcp-cloud-storage-06"], checkov: ["CKV_GCP_62", "CKV_GCP_63"] },
    remediation:
        "Create a separate bucket for access logs, grant `cloud-storage-analytics@google.com` `roles/storage.objectCreator` on it, and set " +
        "`logging: { logBucket: logs.name }` on each `gcp.storage.Bucket` holding PHI. A bucket must not log to itself. The log bucket itself is exempt. " +
        "Data Access audit logs (`gcp.projects.IAMAuditConfig` for `storage.googleapis.com`) record reads by identity as well.",
    check: (r, stack) => {
        const own = knownName(r);
        const t = target(r);
        if (isOutcome(t)) return t;
        // A log bucket unknown at preview is set (a bucket cannot depend on itself, so it is another one).
        if (t.unknown && t.urns.length === 0) return pass;
        if (t.name === undefined && t.urns.length === 0) {
            const targets = logTargets(stack);
            if (targets.urns.has(r.urn) || (own && targets.names.has(own))) return notApplicable("the bucket receives other buckets' access logs");
            if (targets.unresolved) return undecided(field);
            return violation({ code: "notSet", field: "logging", problem: "logging is not set, so access to the bucket's objects is not logged", fix });
        }
        if (t.urns.includes(r.urn) || (own !== undefined && t.name === own)) {
            return violation({ code: "logsToItself", field, problem: `${field} is the bucket itself`, fix });
        }
        return pass;
    },
});
