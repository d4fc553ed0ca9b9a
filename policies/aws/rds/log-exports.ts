import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { classify, isSetString } from "../../lib/props";
import { valueOf, wrongType } from "../../lib/rules";
import { cluster, engineOf, inherited, instance, logsFor } from "./facts";

const field = "enabledCloudwatchLogsExports";

function exportsFor(r: Resource, required: readonly string[]): Outcome {
    const fix = `set ${field}: [${required.map(l => `"${l}"`).join(", ")}]`;
    const list = valueOf(r.props.list(field), { path: field, expected: "a list", fix, absent: [] as unknown[] });
    if (isOutcome(list)) return list;
    const exported = new Set<string>();
    let unknownEntry = false;
    for (const [i, entry] of list.entries()) {
        const read = classify(entry, "string");
        if (read.state === "unknown") unknownEntry = true;
        else if (read.state === "known") exported.add(read.value.trim().toLowerCase());
        else if (read.state === "wrongType") return wrongType({ path: `${field}[${i}]`, value: read.value, expected: "a string", fix });
    }
    const missing = required.filter(l => !exported.has(l));
    if (missing.length === 0) return pass;
    if (unknownEntry) return undecided(field);
    return violation({
        code: list.length === 0 ? "absentDefault" : "missingLogs",
        field,
        problem: list.length === 0 ? `${field} is not set, so no database logs reach CloudWatch Logs` : `${field} does not export ${missing.join(", ")}`,
        fix,
    });
}

export default defineResourcePolicy({
    name: "aws-rds-log-exports",
    description: "RDS DB instances and DB clusters export their engine's database logs (audit, error and activity logs) to CloudWatch Logs.",
    severity: "medium",
    types: [instance, cluster],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1270.09ad1"],
    tags: ["aws", "rds", "logging"],
    anchors: { awsConfig: ["rds-logging-enabled"], checkov: ["CKV_AWS_129", "CKV_AWS_324"] },
    remediation:
        "Set `enabledCloudwatchLogsExports` on the `aws.rds.Instance` or `aws.rds.Cluster` (nothing is exported when it is omitted) to the engine's log types: " +
        "PostgreSQL and Aurora PostgreSQL `postgresql`; MySQL, MariaDB and Aurora MySQL `audit`, `error`, `general`, `slowquery` (the audit log needs the " +
        "MariaDB Audit Plugin option, or `server_audit_logging` on Aurora MySQL); Oracle `alert`, `audit`, `listener`, `trace`; SQL Server `agent`, `error`. " +
        "Aurora DB instances export through their cluster. Set a retention on the `/aws/rds/...` log groups.",
    check: r => {
        const inherits = inherited(r, { replicas: false });
        if (inherits) return inherits;
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === undefined) {
            // A replica or a restore takes its source's engine, which the preview may not show.
            if (isSetString(r.props.string("replicateSourceDb")) || isSetString(r.props.string("snapshotIdentifier"))) return undecided("engine");
            return violation({ code: "notSet", field: "engine", problem: "engine is not set", fix: 'set engine (e.g. "postgres")' });
        }
        const required = logsFor(engine);
        if (!required) return notApplicable("the pack has no required log types for this engine (e.g. Db2 or RDS Custom); review its log exports by hand");
        return exportsFor(r, required);
    },
    noAutoRemediation: "log exports are billed as CloudWatch Logs ingestion and MySQL's audit log needs an option group, so which logs to export is a person's choice",
});
