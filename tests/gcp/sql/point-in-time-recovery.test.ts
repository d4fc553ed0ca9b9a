import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const pitr = "settings.backupConfiguration.pointInTimeRecoveryEnabled";
const binlog = "settings.backupConfiguration.binaryLogEnabled";
const backups = (backupConfiguration: unknown, more: Record<string, unknown> = {}) => ({ settings: sqlSettings({ backupConfiguration, ...more }) });

policyCases("gcp-sql-point-in-time-recovery", [
    passes(sqlInstance()),
    violates(sqlInstance(backups({ enabled: true })), { code: "absentDefault", field: pitr }),
    violates(sqlInstance(backups({ enabled: true, pointInTimeRecoveryEnabled: false })), { code: "notAllowed", field: pitr }),
    violates(sqlInstance({ databaseVersion: "SQLSERVER_2022_STANDARD", ...backups({ enabled: true }) }), { code: "absentDefault", field: pitr }),
    // Enterprise Plus turns it on by default; PostgreSQL 16 and later default to Enterprise Plus.
    passes(sqlInstance({ databaseVersion: "POSTGRES_16", ...backups({ enabled: true }) })),
    passes(sqlInstance({ databaseVersion: "SQLSERVER_2022_ENTERPRISE", ...backups({ enabled: true }, { edition: "ENTERPRISE_PLUS" }) })),
    violates(sqlInstance({ databaseVersion: "POSTGRES_17", ...backups({ enabled: true }, { edition: "ENTERPRISE" }) }), { code: "absentDefault", field: pitr }),
    violates(sqlInstance({ databaseVersion: "POSTGRES_17", ...backups({ enabled: true, pointInTimeRecoveryEnabled: false }) }), { code: "notAllowed", field: pitr }),
    undecided(sqlInstance({ databaseVersion: "POSTGRES_14", ...backups({ enabled: true }, { edition: unknown }) }), "settings.edition"),
    // MySQL: binary logging is its point-in-time recovery; pointInTimeRecoveryEnabled does not apply.
    passes(sqlInstance({ databaseVersion: "MYSQL_8_0", ...backups({ enabled: true, binaryLogEnabled: true }) })),
    violates(sqlInstance({ databaseVersion: "MYSQL_8_0" }), { code: "absentDefault", field: binlog }),
    violates(sqlInstance({ databaseVersion: "MYSQL_5_7", ...backups({ enabled: true, binaryLogEnabled: false }) }), { code: "notAllowed", field: binlog }),
    violates(sqlInstance({ databaseVersion: "MYSQL_8_0", ...backups({ binaryLogEnabled: "true" }) }), { code: "wrongType", field: binlog }),
    undecided(sqlInstance({ databaseVersion: unknown }), "databaseVersion"),
    undecided(sqlInstance(backups({ pointInTimeRecoveryEnabled: unknown })), pitr),
    violates(sqlInstance({ databaseVersion: "ORACLE_19" }), { code: "unrecognised", field: "databaseVersion" }),
    violates(sqlInstance({ databaseVersion: undefined }), { code: "notSet", field: "databaseVersion" }),
    notApplicable(sqlInstance({ masterInstanceName: "primary", ...backups(undefined) }), /read replica/),
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({ backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: false } }), { code: "notAllowed", field: pitr }),
    violates(sqlInstanceOutputs({}, { databaseVersion: "MYSQL_8_0" }), { code: "notAllowed", field: binlog }),
    garbage(sqlInstance({ databaseVersion: secret("SECRET"), ...backups({ pointInTimeRecoveryEnabled: { SECRET: true } }) })),
    remediates(sqlInstance(backups({ enabled: true })), "nothing"),
]);
