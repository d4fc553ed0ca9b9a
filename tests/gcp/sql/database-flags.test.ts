import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const flags = (databaseFlags: unknown, databaseVersion = "POSTGRES_15") => ({ databaseVersion, settings: sqlSettings({ databaseFlags }) });
const f = (name: string) => `settings.databaseFlags["${name}"]`;
const pg = [
    { name: "log_connections", value: "on" },
    { name: "log_disconnections", value: "on" },
    { name: "log_statement", value: "ddl" },
    { name: "cloudsql.enable_pgaudit", value: "on" },
];
const mysql = [{ name: "skip_show_database", value: "on" }, { name: "local_infile", value: "off" }];
const sqlserver = [{ name: "remote access", value: "off" }, { name: "3625", value: "on" }];

policyCases("gcp-sql-database-flags", [
    passes(sqlInstance()),
    // PostgreSQL: flags whose defaults comply may be omitted or set to a compliant value.
    passes(sqlInstance(flags([...pg, { name: "log_min_messages", value: "ERROR" }, { name: "log_min_duration_statement", value: "-1" }, { name: "log_error_verbosity", value: "verbose" }]))),
    violates(sqlInstance(flags(undefined)), [
        { code: "flagNotSet", field: f("log_connections") },
        { code: "flagNotSet", field: f("log_disconnections") },
        { code: "flagNotSet", field: f("log_statement") },
        { code: "flagNotSet", field: f("cloudsql.enable_pgaudit") },
    ]),
    violates(sqlInstance(flags([...pg.slice(1), { name: "log_connections", value: "off" }])), { code: "flagValue", field: f("log_connections") }),
    violates(sqlInstance(flags([...pg, { name: "log_min_messages", value: "debug1" }, { name: "log_min_duration_statement", value: "0" }])), [
        { code: "flagValue", field: f("log_min_messages") },
        { code: "flagValue", field: f("log_min_duration_statement") },
    ]),
    violates(sqlInstance(flags([...pg.slice(0, 2), { name: "log_statement", value: "none" }, pg[3]])), { code: "flagValue", field: f("log_statement") }),
    // MySQL
    passes(sqlInstance(flags(mysql, "MYSQL_8_0"))),
    violates(sqlInstance(flags([], "MYSQL_8_4")), [{ code: "flagNotSet", field: f("skip_show_database") }, { code: "flagNotSet", field: f("local_infile") }]),
    violates(sqlInstance(flags([mysql[0], { name: "local_infile", value: "on" }], "MYSQL_5_7")), { code: "flagValue", field: f("local_infile") }),
    // SQL Server
    passes(sqlInstance(flags(sqlserver, "SQLSERVER_2022_STANDARD"))),
    violates(sqlInstance(flags([], "SQLSERVER_2019_WEB")), [{ code: "flagNotSet", field: f("remote access") }, { code: "flagNotSet", field: f("3625") }]),
    violates(sqlInstance(flags([...sqlserver, { name: "user options", value: "16" }, { name: "cross db ownership chaining", value: "on" }], "SQLSERVER_2022_STANDARD")), [
        { code: "flagValue", field: f("cross db ownership chaining") },
        { code: "flagValue", field: f("user options") },
    ]),
    // Unknown at preview
    undecided(sqlInstance(flags(unknown)), "settings.databaseFlags"),
    undecided(sqlInstance(flags([...pg.slice(1), { name: unknown, value: "on" }])), "settings.databaseFlags"),
    undecided(sqlInstance(flags([...pg.slice(1), { name: "log_connections", value: unknown }])), f("log_connections")),
    undecided(sqlInstance({ databaseVersion: unknown }), "databaseVersion"),
    violates(sqlInstance(flags("log_connections=on")), { code: "wrongType" }),
    violates(sqlInstance(flags([...pg.slice(1), { name: "log_connections", value: true }])), { code: "flagValue", field: f("log_connections") }),
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({ databaseFlags: pg.slice(1) }), { code: "flagNotSet", field: f("log_connections") }),
    garbage(sqlInstance(flags([{ name: secret("SECRET"), value: "SECRET" }, { name: "log_statement", value: secret("SECRET") }, null, "SECRET"]))),
    remediates(sqlInstance(flags(undefined)), "nothing"),
]);
