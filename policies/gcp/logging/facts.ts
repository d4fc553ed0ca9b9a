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
