import { integerKnob } from "../../lib/knobs";
import { defineResourcePolicy } from "../../lib/policy";
import { mustBeAtLeast } from "../../lib/rules";
import { backupRetentionPeriod, clusterInstance, inherited, instance } from "./facts";

const retention = mustBeAtLeast(backupRetentionPeriod, (config: { minimumRetentionDays: number }) => config.minimumRetentionDays, {
    fix: minimum => `set backupRetentionPeriod: ${minimum} or more (0 turns automated backups off)`,
});

export default defineResourcePolicy({
    name: "aws-rds-backup-retention",
    description: "RDS DB instances take automated backups and keep them for the configured number of days.",
    severity: "high",
    types: [instance, clusterInstance],
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["aws", "rds", "backup"],
    anchors: { awsConfig: ["db-instance-backup-enabled"], checkov: ["CKV_AWS_133"] },
    remediation:
        "Set `backupRetentionPeriod` on the `aws.rds.Instance` to at least `minimumRetentionDays` (default 7; RDS allows up to 35). When it is omitted the RDS API " +
        "keeps backups for 1 day (the provider's documentation says 0). Changing it between 0 and a non-zero value restarts the instance.\n" +
        "Aurora DB instances and read replicas are not applicable: the cluster's backups (always on, 1 day or more) and the source's cover them.",
    knobs: {
        minimumRetentionDays: integerKnob({ default: 7, minimum: 1, maximum: 35, description: "Fewest days automated backups must be kept (RDS allows 0 to 35; 0 turns them off)." }),
    },
    check: (r, config) => inherited(r, { replicas: true }) ?? retention.check(r.props, config),
    noAutoRemediation: "turning automated backups on restarts the instance and backup storage is billed, so when to change it is a person's decision",
});
