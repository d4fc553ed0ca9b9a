import { integerKnob } from "../../lib/knobs";
import { defineResourcePolicy } from "../../lib/policy";
import { atLeast, isTrue } from "../../lib/rules";
import { backupConfiguration, backupsEnabled, databaseInstance, fieldAt, patchAt, replicaOutcome, retainedBackups } from "./facts";

const retention = [...backupConfiguration, "backupRetentionSettings"];

export default defineResourcePolicy({
    name: "gcp-sql-backups",
    description: "Cloud SQL instances take automated daily backups and keep at least the configured number of them.",
    severity: "high",
    types: [databaseInstance],
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["gcp", "sql", "backup"],
    anchors: { gcp: ["gcp-cloud-sql-04"], checkov: ["CKV_GCP_14"] },
    remediation:
        "Set `settings.backupConfiguration: { enabled: true, backupRetentionSettings: { retainedBackups: 7 } }` on the `gcp.sql.DatabaseInstance` " +
        "(automated backups are off unless enabled; Cloud SQL keeps 7 when `retainedBackups` is omitted). Raise `retainedBackups` (up to 365) or export " +
        "backups to Cloud Storage to meet your retention schedule. Read replicas are not checked: their primary's backups protect them.",
    knobs: {
        minimumRetainedBackups: integerKnob({ default: 7, minimum: 1, maximum: 365, description: "Fewest automated backups an instance must keep (settings.backupConfiguration.backupRetentionSettings.retainedBackups)." }),
    },
    check: (r, config) => {
        const replica = replicaOutcome(r.props);
        if (replica) return replica;
        return [
            isTrue(fieldAt(r.props, backupConfiguration, backupsEnabled.field, "boolean"), { path: backupsEnabled.path, absentMeans: backupsEnabled.absent ?? false }),
            atLeast(fieldAt(r.props, retention, retainedBackups.field, "number"), {
                path: retainedBackups.path,
                minimum: config.minimumRetainedBackups,
                absentMeans: retainedBackups.absent ?? 0,
            }),
        ];
    },
    // Turning automated backups on is safe and reversible: no restart, no client change. The retention
    // count is left to a person (it costs storage), so only `enabled` is set.
    remediate: r => {
        if (replicaOutcome(r.props)) return undefined;
        const read = fieldAt(r.props, backupConfiguration, backupsEnabled.field, "boolean");
        const wrong = read.state === "absent" || (read.state === "known" && !read.value);
        return wrong ? patchAt(r.props, backupConfiguration, { enabled: true }) : undefined;
    },
});
