// Cloud Logging retention: log buckets keep what they store for as long as HIPAA documentation is
// kept (six years by default), the GCP counterpart of CloudWatch log group retention.
//
// Every bucket config type is checked the same way. Cloud Logging cannot raise retention on buckets
// outside projects (the provider's FolderBucketConfig / OrganizationBucketConfig /
// BillingAccountBucketConfig docs), so for those the fix is to route their logs with a sink to a
// project bucket that keeps them long enough.

import { retentionRationale } from "../../lib/catalog";
import { cloudFact, gcpTypes, serviceFact } from "../../lib/facts";
import { booleanKnob, integerKnob } from "../../lib/knobs";
import { notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { atLeast, isTrue, patchAtLeast } from "../../lib/rules";

export const projectBucket = "gcp:logging/projectBucketConfig:ProjectBucketConfig";
export const folderBucket = "gcp:logging/folderBucketConfig:FolderBucketConfig";
export const organizationBucket = "gcp:logging/organizationBucketConfig:OrganizationBucketConfig";
export const billingAccountBucket = "gcp:logging/billingAccountBucketConfig:BillingAccountBucketConfig";

serviceFact({ about: "Cloud Logging _Required bucket", says: "retention fixed at 400 days; cannot be configured", source: "Google Cloud Logging documentation: routing and storage overview (_Required bucket)" });
serviceFact({
    about: "gcp.logging.FolderBucketConfig, OrganizationBucketConfig, BillingAccountBucketConfig retentionDays",
    says: "Cloud Logging cannot raise retention on buckets outside projects; route the logs to a project bucket",
    source: gcpTypes("logging/folderBucketConfig"),
});
const defaultRetentionDays = cloudFact(
    { about: "gcp.logging.ProjectBucketConfig retentionDays", says: "omitted, or 0 at creation, means Cloud Logging's default of 30 days", source: gcpTypes("logging/projectBucketConfig") },
    30,
);

export default defineResourcePolicy({
    name: "gcp-logging-bucket-retention",
    description: "Cloud Logging buckets keep log entries for at least the configured number of days (six years by default).",
    severity: "medium",
    types: [projectBucket, folderBucket, organizationBucket, billingAccountBucket],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1207.09aa2"],
    tags: ["gcp", "logging", "audit", "retention"],
    anchors: { gcp: ["gcp-logging-01"] },
    remediation:
        "Set `retentionDays` to at least `minimumRetentionDays` (default 2192, six years; Cloud Logging allows 1 to 3650) on the " +
        "`gcp.logging.ProjectBucketConfig`; omitted or 0 means 30 days. Consider `locked: true` so the retention cannot be shortened " +
        "(required when this policy's `requireLocked` is set).\n" +
        "Cloud Logging does not raise retention on folder, organization or billing-account buckets: route their logs with a " +
        "`gcp.logging.FolderSink` / `OrganizationSink` / `BillingAccountSink` to a project log bucket that keeps them long enough.\n" +
        "The `_Required` bucket's 400-day retention is fixed and is not checked.\n" +
        retentionRationale,
    knobs: {
        minimumRetentionDays: integerKnob({
            default: 2192, minimum: 1, maximum: 3650,
            description: "Fewest days a log bucket must keep log entries (Cloud Logging allows 1 to 3650; 2192 is six years).",
        }),
        requireLocked: booleanKnob({
            default: false,
            description: "Also require project log buckets to be locked (locked: true), so their retention cannot be shortened or the bucket deleted while it holds logs.",
        }),
    },
    check: (r, config) => {
        const minimum = config.minimumRetentionDays;
        const inProject = r.type === projectBucket;
        const fix = inProject
            ? `set retentionDays: ${minimum} or more`
            : `route these logs with a sink to a gcp.logging.ProjectBucketConfig with retentionDays: ${minimum} or more (Cloud Logging cannot raise retention outside projects)`;

        const bucketId = r.props.string("bucketId");
        if (bucketId.state === "known" && bucketId.value === "_Required") {
            return notApplicable("Cloud Logging fixes the _Required bucket's retention at 400 days; it cannot be configured");
        }

        const days = r.props.number("retentionDays");
        let retention: Outcome;
        if (days.state === "known" && days.value === 0) {
            retention = defaultRetentionDays >= minimum
                ? pass
                : violation({ code: "absentDefault", field: "retentionDays", problem: `retentionDays is 0, which Cloud Logging replaces with its ${defaultRetentionDays}-day default, below ${minimum}`, fix });
        } else {
            retention = atLeast(days, { path: "retentionDays", minimum, absentMeans: defaultRetentionDays, fix });
        }
        // An unknown bucketId might be _Required, which is not checked: do not report it yet.
        if (retention.kind === "violation" && bucketId.state === "unknown") retention = undecided("bucketId");

        if (!config.requireLocked || !inProject) return retention;
        return [retention, isTrue(r.props.boolean("locked"), { path: "locked", absentMeans: false })];
    },
    // Raises a project bucket's retention; never locks a bucket (irreversible), never touches a
    // locked one (its retention cannot change) or one whose id is not known to be a custom bucket.
    remediate: (r, config) => {
        const bucketId = r.props.string("bucketId");
        const locked = r.props.boolean("locked");
        if (r.type !== projectBucket || bucketId.state !== "known" || bucketId.value === "_Required") return undefined;
        if (locked.state !== "absent" && !(locked.state === "known" && !locked.value)) return undefined;
        const days = r.props.number("retentionDays");
        if (days.state === "known" && days.value === 0 && defaultRetentionDays >= config.minimumRetentionDays) return undefined;
        return patchAtLeast(r.props, { field: "retentionDays", minimum: config.minimumRetentionDays, absentMeans: defaultRetentionDays });
    },
});

