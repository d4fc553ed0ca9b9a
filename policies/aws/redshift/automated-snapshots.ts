import { attributeRule } from "../../lib/attribute-rule";
import { integerKnob } from "../../lib/knobs";
import { mustBeAtLeast } from "../../lib/rules";
import { automatedSnapshotRetentionPeriod, cluster } from "./facts";

export default attributeRule({
    name: "aws-redshift-automated-snapshots",
    description: "Redshift clusters take automated snapshots and keep them for the configured number of days.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["aws", "redshift", "backup"],
    anchors: { awsConfig: ["redshift-backup-enabled", "redshift-cluster-maintenancesettings-check"], checkov: ["CKV_AWS_343"] },
    remediation:
        "Set `automatedSnapshotRetentionPeriod` on the `aws.redshift.Cluster` to at least `minimumRetentionDays` (default 7; Redshift allows up to 35, " +
        "and keeps 1 day when it is omitted; 0 turns automated snapshots off).",
    knobs: {
        minimumRetentionDays: integerKnob({ default: 7, minimum: 1, maximum: 35, description: "Fewest days automated snapshots must be kept (Redshift allows 0 to 35; 1 when omitted)." }),
    },
    requires: [
        mustBeAtLeast(automatedSnapshotRetentionPeriod, (config: { minimumRetentionDays: number }) => config.minimumRetentionDays, {
            fix: minimum => `set automatedSnapshotRetentionPeriod: ${minimum} or more`,
        }),
    ],
    noAutoRemediation: "snapshot storage beyond the cluster's size is billed, so how long to keep snapshots is a person's decision",
});
