import { isOutcome, pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { isTrue } from "../../lib/rules";
import { backupConfiguration, binaryLogEnabled, databaseInstance, fieldAt, isEnterprisePlus, pointInTimeRecoveryEnabled, replicaOutcome, versionOf } from "./facts";

export default defineResourcePolicy({
    name: "gcp-sql-point-in-time-recovery",
    description: "Cloud SQL instances can be restored to any point in time: binary logging on MySQL, point-in-time recovery on PostgreSQL and SQL Server.",
    severity: "medium",
    types: [databaseInstance],
    hipaa: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["gcp", "sql", "backup", "disaster-recovery"],
    anchors: { gcp: ["gcp-cloud-sql-05"], checkov: ["CKV2_GCP_20"] },
    remediation:
        "On the `gcp.sql.DatabaseInstance`, with automated backups on (`settings.backupConfiguration.enabled: true`):\n" +
        "- MySQL: set `settings.backupConfiguration.binaryLogEnabled: true`.\n" +
        "- PostgreSQL and SQL Server: set `settings.backupConfiguration.pointInTimeRecoveryEnabled: true` (on by default only for Enterprise Plus; " +
        "PostgreSQL 16 and later default to Enterprise Plus).\n" +
        "Keep transaction logs with `transactionLogRetentionDays` (1 to 7 days; up to 35 on Enterprise Plus). Enabling it on an existing PostgreSQL instance restarts it.",
    check: r => {
        const replica = replicaOutcome(r.props);
        if (replica) return replica;
        const version = versionOf(r.props);
        if (isOutcome(version)) return version;
        if (version.engine === "mysql") {
            return isTrue(fieldAt(r.props, backupConfiguration, binaryLogEnabled.field, "boolean"), { path: binaryLogEnabled.path, absentMeans: false });
        }
        const read = fieldAt(r.props, backupConfiguration, pointInTimeRecoveryEnabled.field, "boolean");
        if (read.state !== "absent") return isTrue(read, { path: pointInTimeRecoveryEnabled.path, absentMeans: false });
        const plus = isEnterprisePlus(r.props, version);
        if (isOutcome(plus)) return plus;
        return plus ? pass : isTrue(read, { path: pointInTimeRecoveryEnabled.path, absentMeans: false });
    },
    noAutoRemediation: "turning point-in-time recovery on restarts a PostgreSQL instance, and binary logging needs backups on first; a person schedules it",
});
