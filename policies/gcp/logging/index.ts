// Cloud Logging and Cloud Audit Logs: log buckets keep what they store; Data Access audit logs are on
// for every service with no exemptions; a project the stack creates has its audit config and a sink
// exporting all its entries, and the CIS log-based metric alerts.

import bucketRetention from "./bucket-retention";
import cisMetricAlerts from "./cis-metric-alerts";
import dataAccessAudit from "./data-access-audit";
import projectAuditConfig from "./project-audit-config";
import projectExportSink from "./project-export-sink";

export const policies = [bucketRetention, dataAccessAudit];
export const stackPolicies = [projectAuditConfig, projectExportSink, cisMetricAlerts];
