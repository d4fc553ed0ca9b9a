import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const enabled = "settings.backupConfiguration.enabled";
const retained = "settings.backupConfiguration.backupRetentionSettings.retainedBackups";
const backups = (backupConfiguration: unknown) => ({ settings: sqlSettings({ backupConfiguration }) });
const withSettings = (changes: Record<string, unknown>) => sqlSettings(changes);

policyCases("gcp-sql-backups", [
    passes(sqlInstance()),
    // Cloud SQL keeps 7 backups when retainedBackups is omitted: enough for the default minimum.
    passes(sqlInstance(backups({ enabled: true }))),
    violates(sqlInstance(backups(undefined)), { code: "absentDefault", field: enabled }),
    violates(sqlInstance(backups({ enabled: false })), { code: "notAllowed", field: enabled }),
    violates(sqlInstance(backups({ enabled: true, backupRetentionSettings: { retainedBackups: 3 } })), { code: "belowMinimum", field: retained }),
    violates(sqlInstance(backups({ enabled: "yes" })), { code: "wrongType", field: enabled }),
    undecided(sqlInstance(backups({ enabled: unknown, backupRetentionSettings: { retainedBackups: unknown } })), [enabled, retained]),
    // minimumRetainedBackups
    violates(sqlInstance(backups({ enabled: true })), { code: "absentDefault", field: retained }, { minimumRetainedBackups: 14 }),
    passes(sqlInstance(), { minimumRetainedBackups: 30 }),
    violates(sqlInstance(), { code: "belowMinimum", field: retained }, { minimumRetainedBackups: 31 }),
    // Read replicas take no backups of their own.
    notApplicable(sqlInstance({ masterInstanceName: "primary", settings: withSettings({ backupConfiguration: undefined }) }), /read replica/),
    notApplicable(sqlInstance({ instanceType: "READ_REPLICA_INSTANCE", settings: withSettings({ backupConfiguration: undefined }) }), /read replica/),
    undecided(sqlInstance({ masterInstanceName: unknown }), "masterInstanceName"),
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({ backupConfiguration: { enabled: false, pointInTimeRecoveryEnabled: false, backupRetentionSettings: { retainedBackups: 7, retentionUnit: "COUNT" } } }), { code: "notAllowed", field: enabled }),
    garbage(sqlInstance(backups([{ enabled: secret("SECRET"), backupRetentionSettings: "SECRET" }]))),
    // Turning backups on is safe; the retention count is a person's choice.
    remediates(sqlInstance(backups(undefined)), { settings: withSettings({ backupConfiguration: { enabled: true } }) }),
    remediates(sqlInstance(backups({ enabled: false, startTime: "03:00" })), { settings: withSettings({ backupConfiguration: { enabled: true, startTime: "03:00" } }) }),
    remediates(sqlInstance(backups({ enabled: unknown })), "nothing"),
    remediates(sqlInstance({ masterInstanceName: "primary", settings: withSettings({ backupConfiguration: undefined }) }), "nothing"),
    remediates(sqlInstance({ settings: undefined }), "nothing"),
    remediates(sqlInstance(), "nothing"),
]);
