import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { bucket, res } from "../../factories";
import { unknown } from "../../pack";

const policy = "gcp-storage-log-bucket-retention";
const B = "gcp:storage/bucket:Bucket";
const S = "gcp:logging/projectSink:ProjectSink";
const sixYears = String(2192 * 86400);
const logs = (retentionPolicy: unknown, name = "logs") => res(B, name, { ...bucket().props, name: `phi-${name}`, retentionPolicy });
const sinkTo = (name: string, destination: unknown, deps = {}) => res(S, name, { destination, filter: "", uniqueWriterIdentity: true }, deps);

const locked = logs({ retentionPeriod: sixYears, isLocked: true });
const logBucket = res("gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit", { bucketId: "audit", location: "global", retentionDays: 2192 });
const short = [logs({ retentionPeriod: "2592000", isLocked: true }, "short"), sinkTo("c", "storage.googleapis.com/phi-short")];

stackCases(policy, [
    // A log-export bucket with a locked six-year retention policy (by name and by dependency).
    stackPasses([locked, sinkTo("byName", "storage.googleapis.com/phi-logs"), sinkTo("byDep", unknown, { destination: [locked] })]),
    // The bucket is reported: no retention policy, unlocked, too short.
    stackViolates([logs(undefined, "none"), sinkTo("a", "storage.googleapis.com/phi-none")], [{ on: "none", code: "notSet", field: "retentionPolicy" }]),
    stackViolates([logs({ retentionPeriod: sixYears }, "open"), sinkTo("b", "storage.googleapis.com/phi-open")], [{ on: "open", code: "absentDefault", field: "retentionPolicy.isLocked" }]),
    stackViolates(short, [{ on: "short", code: "belowMinimum", field: "retentionPolicy.retentionPeriod" }]),
    stackPasses(short, { minimumRetentionDays: 30 }),
    // Exports elsewhere are not its business; undecided when the destination or the policy is unknown.
    stackNotApplicable([logBucket, sinkTo("toLogBucket", unknown, { destination: [logBucket] }), sinkTo("toBq", "bigquery.googleapis.com/projects/p/datasets/d")], /exports to a log bucket, BigQuery or Pub\/Sub, not to Cloud Storage/),
    stackUndecided([sinkTo("unknownDest", unknown)], [{ on: "unknownDest", fields: "destination" }]),
    stackUndecided([logs(unknown, "u"), sinkTo("d", "storage.googleapis.com/phi-u")], [{ on: "u", fields: "retentionPolicy" }]),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([logs({ retentionPeriod: "SECRET", isLocked: "yes" }, "junk"), sinkTo("e", "storage.googleapis.com/phi-junk"), sinkTo("f", { SECRET: 1 })], [
        { on: "junk", code: "unrecognised", field: "retentionPolicy.retentionPeriod" },
        { on: "junk", code: "wrongType", field: "retentionPolicy.isLocked" },
        { on: "f", code: "wrongType", field: "destination" },
    ]),
]);
