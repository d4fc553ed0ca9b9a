// Cloud Logging and Cloud Audit Logs facts the logging policies share: the audit-config and sink
// types at each level of the resource hierarchy, the Data Access log types, and how a sink or an
// audit config names the project it belongs to.

import { cloudFact, gcpTypes, serviceFact } from "../../lib/facts";
import { ReferenceTarget } from "../../lib/stack";

export const projectAuditConfig = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
export const folderAuditConfig = "gcp:folder/iamAuditConfig:IamAuditConfig";
export const organizationAuditConfig = "gcp:organizations/iamAuditConfig:IamAuditConfig";
export const auditConfigTypes = [projectAuditConfig, folderAuditConfig, organizationAuditConfig];

export const projectSink = "gcp:logging/projectSink:ProjectSink";
export const folderSink = "gcp:logging/folderSink:FolderSink";
export const organizationSink = "gcp:logging/organizationSink:OrganizationSink";

export const project = "gcp:organizations/project:Project";

export const allServices = cloudFact(
    { about: "gcp.projects.IAMAuditConfig service", says: "allServices configures audit logging for every service; a config for one service adds to it", source: gcpTypes("projects/iAMAuditConfig") },
    "allServices",
);

export const dataAccessLogTypes: readonly string[] = cloudFact(
    {
        about: "Cloud Audit Logs Data Access log types",
        says: "ADMIN_READ, DATA_READ and DATA_WRITE; off by default for every service but BigQuery; exemptedMembers are not logged",
        source: `${gcpTypes("types/input")} (projects.IAMAuditConfigAuditLogConfig); cloud.google.com/logging/docs/audit/configure-data-access`,
    },
    ["ADMIN_READ", "DATA_READ", "DATA_WRITE"],
);

serviceFact({
    about: "gcp.logging.ProjectSink filter",
    says: "omitted or empty exports every log entry; exclusions drop entries even then; a disabled sink exports nothing",
    source: `${gcpTypes("logging/projectSink")}; cloud.google.com/logging/docs/export/configure_export_v2`,
});
serviceFact({
    about: "gcp.logging.FolderSink / OrganizationSink includeChildren",
    says: "defaults to false: only the folder's or organization's own logs, not its projects'",
    source: gcpTypes("logging/folderSink"),
});

const resourcePrefix = /^projects\//;

/** How sinks and audit configs name a project created in the stack: its id, with or without "projects/". */
export const projectTarget: ReferenceTarget = { types: [project], keys: ["projectId"], normalize: v => v.replace(resourcePrefix, "") };

// --- CIS log-based metric alerts (CIS GCP 2.4–2.11) ---------------------------------------------

export const logMetric = "gcp:logging/metric:Metric";
export const alertPolicy = "gcp:monitoring/alertPolicy:AlertPolicy";

/** The changes CIS GCP 2.4–2.11 want a log-based metric and an alert for, by knob name. */
export const cisChanges = ["ownership", "auditConfig", "customRole", "firewall", "route", "network", "storageIam", "sqlConfig"] as const;
export type CisChange = (typeof cisChanges)[number];

export interface CisMetric {
    readonly section: string;
    readonly what: string;
    /** CIS's filter, as the benchmark prints it (the fix quotes it). */
    readonly filter: string;
}

export const cisMetricFilters: Readonly<Record<CisChange, CisMetric>> = cloudFact(
    {
        about: "CIS GCP Foundations 2.4–2.11 log metric filters",
        says: "one log-based metric per change (project ownership, audit config, custom roles, firewall rules, routes, networks, Cloud Storage IAM, Cloud SQL instance configuration), with these filters, and an alert policy on each; the filters as v2.0.0 prints them, which current checks for v3.0.0 still use",
        source:
            "CIS Google Cloud Platform Foundation Benchmark v2.0.0 and v3.0.0 §2.4–2.11, as checked by prowler-cloud/prowler (gcp logging_log_metric_filter_and_alert_for_*), " +
            "turbot/steampipe-mod-gcp-compliance (query/logging/logging_metric_alert_*) and elastic/cloudbeat (cis_gcp rules cis_2_4–cis_2_11)",
    },
    {
        ownership: {
            section: "2.4",
            what: "project ownership assignments and changes",
            filter:
                '(protoPayload.serviceName="cloudresourcemanager.googleapis.com") AND (ProjectOwnership OR projectOwnerInvitee) OR ' +
                '(protoPayload.serviceData.policyDelta.bindingDeltas.action="REMOVE" AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner") OR ' +
                '(protoPayload.serviceData.policyDelta.bindingDeltas.action="ADD" AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner")',
        },
        auditConfig: { section: "2.5", what: "audit configuration changes", filter: 'protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*' },
        customRole: {
            section: "2.6",
            what: "custom role changes",
            filter:
                'resource.type="iam_role" AND (protoPayload.methodName="google.iam.admin.v1.CreateRole" OR protoPayload.methodName="google.iam.admin.v1.DeleteRole" OR ' +
                'protoPayload.methodName="google.iam.admin.v1.UpdateRole")',
        },
        firewall: {
            section: "2.7",
            what: "VPC firewall rule changes",
            filter:
                'resource.type="gce_firewall_rule" AND (protoPayload.methodName:"compute.firewalls.patch" OR protoPayload.methodName:"compute.firewalls.insert" OR ' +
                'protoPayload.methodName:"compute.firewalls.delete")',
        },
        route: { section: "2.8", what: "VPC route changes", filter: 'resource.type="gce_route" AND (protoPayload.methodName:"compute.routes.delete" OR protoPayload.methodName:"compute.routes.insert")' },
        network: {
            section: "2.9",
            what: "VPC network changes",
            filter:
                'resource.type="gce_network" AND (protoPayload.methodName:"compute.networks.insert" OR protoPayload.methodName:"compute.networks.patch" OR ' +
                'protoPayload.methodName:"compute.networks.delete" OR protoPayload.methodName:"compute.networks.removePeering" OR protoPayload.methodName:"compute.networks.addPeering")',
        },
        storageIam: { section: "2.10", what: "Cloud Storage IAM permission changes", filter: 'resource.type="gcs_bucket" AND protoPayload.methodName="storage.setIamPermissions"' },
        sqlConfig: { section: "2.11", what: "Cloud SQL instance configuration changes", filter: 'protoPayload.methodName="cloudsql.instances.update"' },
    },
);

serviceFact({
    about: "Logging query language",
    says:
        "OR binds tighter than AND, and terms side by side are ANDed; only upper-case AND, OR and NOT are operators (a lower-case one is a search term); " +
        "NOT or a leading - negates; -- starts a comment; string comparisons are not case sensitive; a bare value is a global restriction (any field has it); " +
        "= is equality and : is has (substring), so : selects at least what = selects",
    source: "cloud.google.com/logging/docs/view/logging-query-language; google.aip.dev/160 (the filter grammar it follows)",
});
serviceFact({
    about: "gcp.logging.Metric",
    says:
        "project defaults to the provider's project; a disabled metric generates no points; bucketName makes it a bucket-scoped metric that counts only that log bucket's entries " +
        "(how central monitoring counts other projects' logs sent by an aggregated sink); its time series is metric.type \"logging.googleapis.com/user/<name>\"",
    source: `${gcpTypes("logging/metric")}; cloud.google.com/logging/docs/logs-based-metrics`,
});
serviceFact({
    about: "gcp.monitoring.AlertPolicy",
    says:
        "enabled defaults to true; conditionThreshold.filter names a time series by metric.type; MQL queries name it as is and PromQL queries as logging_googleapis_com:user_<name> " +
        "with every other special character as _; conditionAbsent fires when the series stops reporting, not on a change",
    source: `${gcpTypes("monitoring/alertPolicy")}; cloud.google.com/monitoring/promql/promql-mapping`,
});

const userMetricPrefix = "logging.googleapis.com/user/";

/** The Monitoring metric type of a user-defined log-based metric. */
export function userMetricType(name: string): string {
    return `${userMetricPrefix}${name}`;
}

/** The same metric as PromQL names it: the first / becomes :, every other special character _. */
export function promqlMetricName(name: string): string {
    return userMetricType(name).replace("/", ":").replace(/[^A-Za-z0-9_:]/g, "_");
}
