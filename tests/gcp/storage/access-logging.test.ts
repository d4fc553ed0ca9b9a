import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { bucket, res } from "../../factories";
import { unknown } from "../../pack";

const policy = "gcp-storage-access-logging";
const T = "gcp:storage/bucket:Bucket";
const props = (changes: Record<string, unknown>) => ({ ...bucket().props, ...changes });
const field = "logging.logBucket";

const unnamedLogs = res(T, "logs", props({ name: unknown, logging: undefined }));

stackCases(policy, [
    // A bucket logging to another bucket; the log bucket itself is exempt (by dependency).
    stackPasses([unnamedLogs, res(T, "phi", props({ name: unknown, logging: { logBucket: unknown } }), { logging: [unnamedLogs] })]),
    // The log bucket is exempt by its literal name; a bucket with no logging is reported.
    stackViolates(
        [res(T, "logs", props({ name: "phi-access-logs", logging: undefined })), res(T, "phi", props({ logging: { logBucket: "phi-access-logs" } })), res(T, "other", props({ name: "other", logging: undefined }))],
        [{ on: "other", code: "notSet", field: "logging" }],
    ),
    // A bucket logging to itself.
    stackViolates([res(T, "self", props({ name: "phi-records", logging: { logBucket: "phi-records" } }))], [{ on: "self", code: "logsToItself", field }]),
    // An empty log bucket (a stack export's unset), and a wrong type.
    stackViolates([res(T, "empty", props({ logging: [{ logBucket: "", logObjectPrefix: "" }] })), res(T, "wrong", props({ logging: "phi-access-logs" })), res(T, "wrongName", props({ logging: { logBucket: 7 } }))], [
        { on: "empty", code: "notSet", field: "logging" },
        { on: "wrong", code: "wrongType", field: "logging" },
        { on: "wrongName", code: "wrongType", field },
    ]),
    // A log bucket name unknown at preview is set; a bucket without logging is undecided while it may be that target.
    stackUndecided([unnamedLogs, res(T, "phi", props({ logging: { logBucket: unknown } }))], [{ on: "logs", fields: "logging.logBucket" }]),
    stackUndecided([res(T, "block", props({ logging: unknown }))], [{ on: "block", fields: "logging" }]),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([res(T, "junk", { name: { SECRET: 1 }, logging: [{ logBucket: ["SECRET"] }] })], [{ on: "junk", code: "wrongType", field }]),
]);
