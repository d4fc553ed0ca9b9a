import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify, Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { blockAt, databaseInstance, FlagRule, flagRules, versionOf } from "./facts";


const listPath = "settings.databaseFlags";

interface SetFlags {
    /** Known values of each flag, by lower-cased name. */
    readonly values: Map<string, (string | "unknown")[]>;
    /** Some entry's name is unknown at preview: it may be any flag. */
    readonly someUnknown: boolean;
    readonly problems: Outcome[];
}

function setFlags(settings: Props): SetFlags {
    const values = new Map<string, (string | "unknown")[]>();
    const { elements, outcomes } = elementsOf(settings, { field: "databaseFlags", fix: `set ${listPath} to a list of { name, value } blocks` });
    let someUnknown = outcomes.some(o => o.kind === "undecided");
    const problems = outcomes.filter(o => o.kind === "violation").map(o => (o.kind === "violation" ? { ...o, field: `settings.${o.field}` } : o));
    for (const e of elements) {
        const name = classify(e.props.raw("name"), "string");
        if (name.state === "unknown") someUnknown = true;
        if (name.state !== "known") continue;
        const value = classify(e.props.raw("value"), "string");
        const key = name.value.trim().toLowerCase();
        const list = values.get(key) ?? [];
        if (value.state === "unknown") list.push("unknown");
        else if (value.state === "known") list.push(value.value.trim().toLowerCase());
        else list.push(""); // absent or not a string: never a compliant value
        values.set(key, list);
    }
    return { values, someUnknown, problems };
}

function checkFlag(rule: FlagRule, flags: SetFlags): Outcome {
    const field = `${listPath}["${rule.name}"]`;
    const fix = rule.suggest === undefined ? `remove the ${rule.name} flag` : `set the ${rule.name} flag to "${rule.suggest}"`;
    const values = flags.values.get(rule.name);
    if (!values || values.length === 0) {
        if (rule.defaultComplies) return pass;
        if (flags.someUnknown) return undecided(listPath);
        return violation({ code: "flagNotSet", field, problem: `the ${rule.name} flag is not set, and its default does not meet CIS ${rule.cis}`, fix });
    }
    for (const value of values) {
        if (value === "unknown") return undecided(field);
        if (!rule.accepts.includes(value)) {
            const problem = rule.accepts.length === 0 ? `the ${rule.name} flag is set (CIS ${rule.cis}: leave it unset)` : `the ${rule.name} flag is not ${rule.accepts.map(v => `"${v}"`).join(" or ")} (CIS ${rule.cis})`;
            return violation({ code: "flagValue", field, problem, fix });
        }
    }
    return pass;
}

export default defineResourcePolicy({
    name: "gcp-sql-database-flags",
    description: "Cloud SQL instances set the CIS database flags for their engine: MySQL hides other databases and refuses LOCAL INFILE, PostgreSQL logs connections, statements and errors with pgAudit, SQL Server turns off remote access and cross-database risks.",
    severity: "medium",
    types: [databaseInstance],
    hipaa: ["164.312(b)", "164.312(a)(1)"],
    hitrust: ["1202.09aa1", "1203.09aa1", "0805.01m1"],
    tags: ["gcp", "sql", "logging", "hardening"],
    anchors: { gcp: ["gcp-cloud-sql-09", "gcp-cloud-sql-10", "gcp-cloud-sql-11"], checkov: ["CKV_GCP_50", "CKV_GCP_51", "CKV_GCP_52", "CKV_GCP_53", "CKV_GCP_54", "CKV_GCP_55", "CKV_GCP_56", "CKV_GCP_57", "CKV_GCP_58", "CKV_GCP_59", "CKV_GCP_108", "CKV_GCP_109", "CKV_GCP_110", "CKV_GCP_111"] },
    remediation:
        "Add the flags to `settings.databaseFlags` (a list of `{ name, value }`) on the `gcp.sql.DatabaseInstance`, per engine:\n" +
        "- MySQL: `skip_show_database` `on`, `local_infile` `off`.\n" +
        "- PostgreSQL: `log_connections` `on`, `log_disconnections` `on`, `log_statement` `ddl` (or `mod`/`all`), `cloudsql.enable_pgaudit` `on`; " +
        "leave `log_error_verbosity` (`default`/`verbose`), `log_min_messages` (`warning` or stricter), `log_min_error_statement` (`error` or stricter) " +
        "and `log_min_duration_statement` (`-1`) at their defaults or set them to those values.\n" +
        "- SQL Server: `remote access` `off`, `3625` `on`; leave `external scripts enabled`, `cross db ownership chaining` and `contained database authentication` " +
        "`off`, `user connections` `0` and `user options` unset.\n" +
        "Some flags restart the instance when changed.",
    check: r => {
        const version = versionOf(r.props);
        if (isOutcome(version)) return version;
        const settings = blockAt(r.props, ["settings"]);
        const block = valueOf(settings, { path: "settings", expected: "a block", fix: "set settings to a block", absent: new Props({}) });
        if (isOutcome(block)) return block;
        const flags = setFlags(block);
        // A list that is not a list says nothing about any flag.
        if (flags.problems.some(o => o.kind === "violation" && o.field === listPath)) return flags.problems;
        return [...flags.problems, ...flagRules[version.engine].map(rule => checkFlag(rule, flags))];
    },
    noAutoRemediation: "changing database flags can restart the instance and change what clients may do, so a person schedules it",
});
