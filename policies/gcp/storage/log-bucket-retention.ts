import { integerKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { isTrue, valueOf } from "../../lib/rules";
import { about, defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { bucket } from "./facts";

const sinks = ["gcp:logging/projectSink:ProjectSink", "gcp:logging/folderSink:FolderSink", "gcp:logging/organizationSink:OrganizationSink", "gcp:logging/billingAccountSink:BillingAccountSink"];
const prefix = "storage.googleapis.com/";
const secondsPerDay = 86400;
const otherDestinations = /^gcp:(logging\/\w*BucketConfig|bigquery\/dataset|pubsub\/topic):/;

/** The in-stack bucket a sink exports to, or the outcome for the sink. */
function destinationBucket(sink: StackResource, stack: Stack): StackResource | Outcome {
    const dep = sink.dependsOn("destination").find(d => d.type === bucket);
    const read = sink.props.string("destination");
    if (read.state === "known" && !read.value.trim().startsWith(prefix)) return notApplicable("the sink exports to a log bucket, BigQuery or Pub/Sub, not to Cloud Storage");
    if (dep) return dep;
    // Computed from a log bucket, a dataset or a topic: the export goes there, not to Cloud Storage.
    if (read.state === "unknown" && sink.dependsOn("destination").some(d => otherDestinations.test(d.type))) {
        return notApplicable("the sink exports to a log bucket, BigQuery or Pub/Sub, not to Cloud Storage");
    }
    const dest = valueOf(read, { path: "destination", expected: "a string", fix: `set destination to "${prefix}<bucket name>"`, absent: undefined });
    if (isOutcome(dest)) return dest;
    if (dest === undefined) return notApplicable("the sink names no destination");
    const name = dest.trim().slice(prefix.length);
    const found = stack.ofType([bucket]).find(b => {
        const n = b.props.string("name");
        return n.state === "known" && n.value.trim() === name;
    });
    return found ?? notApplicable("the sink's bucket is not created by this stack; check it where it is defined");
}

function retentionOf(b: StackResource, minimumDays: number): Outcome[] {
    const fix = `set retentionPolicy: { retentionPeriod: "${minimumDays * secondsPerDay}", isLocked: true }`;
    const read = b.props.single("retentionPolicy");
    if (read.state === "unknown") return [undecided("retentionPolicy")];
    if (read.state === "wrongType") return [violation({ code: "wrongType", field: "retentionPolicy", problem: "retentionPolicy is not a block", fix })];
    if (read.state === "absent") return [violation({ code: "notSet", field: "retentionPolicy", problem: "the bucket receives exported logs but has no retention policy, so they can be deleted", fix })];
    const policy = read.value;
    const periodRead = policy.string("retentionPeriod");
    const numberRead = policy.number("retentionPeriod");
    const seconds = numberRead.state === "known" ? numberRead.value : periodRead.state === "known" && /^\d+$/.test(periodRead.value.trim()) ? Number(periodRead.value.trim()) : undefined;
    const out: Outcome[] = [];
    if (periodRead.state === "unknown") out.push(undecided("retentionPolicy.retentionPeriod"));
    else if (seconds === undefined) out.push(violation({ code: "unrecognised", field: "retentionPolicy.retentionPeriod", problem: "retentionPolicy.retentionPeriod is not a number of seconds", fix }));
    else if (seconds < minimumDays * secondsPerDay) {
        out.push(violation({ code: "belowMinimum", field: "retentionPolicy.retentionPeriod", problem: `retentionPolicy.retentionPeriod is ${Math.floor(seconds / secondsPerDay)} days, below ${minimumDays}`, fix }));
    }
    out.push(isTrue(policy.boolean("isLocked"), { path: "retentionPolicy.isLocked", absentMeans: false, fix: "set retentionPolicy.isLocked: true once the period is right (locking cannot be undone)" }));
    return out;
}

export default defineStackPolicy({
    name: "gcp-storage-log-bucket-retention",
    description: "Cloud Storage buckets that receive exported logs keep them under a locked retention policy of at least the configured period.",
    severity: "high",
    types: sinks,
    hipaa: ["164.312(b)", "164.316(b)(2)(i)"],
    hitrust: ["1202.09aa1", "12100.09ab2"],
    tags: ["gcp", "storage", "logging", "retention", "integrity"],
    anchors: { gcp: ["gcp-cloud-storage-07"], checkov: ["CKV2_GCP_4"] },
    remediation:
        "On the `gcp.storage.Bucket` a `gcp.logging.ProjectSink` (or folder, organization or billing-account sink) exports to, set " +
        "`retentionPolicy: { retentionPeriod: \"189388800\" }` (seconds; 2192 days is six years) and, once the period is confirmed, `isLocked: true`. " +
        "Locking is irreversible: the bucket then cannot be deleted until every object has aged out, so the pack never does it for you.",
    knobs: {
        minimumRetentionDays: integerKnob({ default: 2192, minimum: 1, maximum: 3650, description: "Fewest days a log-export bucket must retain objects (retentionPolicy.retentionPeriod)." }),
    },
    check: (sink, stack, config) => {
        const b = destinationBucket(sink, stack);
        if (isOutcome(b)) return b;
        const outcomes = retentionOf(b, config.minimumRetentionDays);
        return outcomes.length > 0 ? about(b, outcomes) : pass;
    },
});
