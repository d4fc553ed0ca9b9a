import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { folderAuditConfig, organizationAuditConfig, projectAuditConfig, projectAuditConfigOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const logs = (...types: string[]) => types.map(logType => ({ logType }));

policyCases("gcp-logging-data-access-audit", [
    passes(projectAuditConfig()),
    passes(folderAuditConfig()),
    passes(organizationAuditConfig()),
    passes(projectAuditConfigOutputs()),
    violates(projectAuditConfig({ auditLogConfigs: logs("ADMIN_READ") }), { code: "missingLogTypes", field: "auditLogConfigs" }),
    violates(organizationAuditConfig({ auditLogConfigs: [] }), { code: "missingLogTypes", field: "auditLogConfigs" }),
    violates(projectAuditConfig({ auditLogConfigs: [...logs("ADMIN_READ", "DATA_READ"), { logType: "DATA_WRITE", exemptedMembers: ["user:batch@example.com"] }] }), { code: "exemptedMembers", field: "auditLogConfigs[2].exemptedMembers" }),
    violates(projectAuditConfigOutputs({ auditLogConfigs: [{ logType: "DATA_READ", exemptedMembers: ["group:etl@example.com"] }, { logType: "DATA_WRITE", exemptedMembers: [] }, { logType: "ADMIN_READ", exemptedMembers: [] }] }), { code: "exemptedMembers", field: "auditLogConfigs[0].exemptedMembers" }),
    // A config for one service adds to allServices: fewer log types are fine, exemptions are not.
    passes(projectAuditConfig({ service: "storage.googleapis.com", auditLogConfigs: logs("DATA_READ") })),
    violates(projectAuditConfig({ service: "storage.googleapis.com", auditLogConfigs: [{ logType: "DATA_READ", exemptedMembers: ["user:a@example.com"] }] }), { code: "exemptedMembers", field: "auditLogConfigs[0].exemptedMembers" }),
    undecided(projectAuditConfig({ service: unknown, auditLogConfigs: logs("ADMIN_READ") }), "service"),
    undecided(projectAuditConfig({ auditLogConfigs: unknown }), "auditLogConfigs"),
    undecided(projectAuditConfig({ auditLogConfigs: [...logs("ADMIN_READ", "DATA_READ"), { logType: unknown }] }), "auditLogConfigs[2].logType"),
    undecided(projectAuditConfig({ auditLogConfigs: [...logs("ADMIN_READ", "DATA_READ", "DATA_WRITE"), { logType: "DATA_READ", exemptedMembers: unknown }] }), "auditLogConfigs[3].exemptedMembers"),
    violates(projectAuditConfig({ auditLogConfigs: "all" }), { code: "wrongType", field: "auditLogConfigs" }),
    garbage(projectAuditConfig({ auditLogConfigs: [{ logType: secret("DATA_READ"), exemptedMembers: [secret("user:SECRET@example.com")] }] })),
    remediates(projectAuditConfig({ auditLogConfigs: logs("ADMIN_READ") }), { auditLogConfigs: logs("ADMIN_READ", "DATA_READ", "DATA_WRITE") }),
    remediates(projectAuditConfig({ auditLogConfigs: [{ logType: "DATA_READ", exemptedMembers: ["user:a@example.com"] }] }), { auditLogConfigs: [{ logType: "DATA_READ", exemptedMembers: ["user:a@example.com"] }, ...logs("ADMIN_READ", "DATA_WRITE")] }),
    remediates(projectAuditConfig({ auditLogConfigs: [{ logType: "DATA_READ", exemptedMembers: ["user:a@example.com"] }, ...logs("ADMIN_READ", "DATA_WRITE")] }), "nothing"),
    remediates(projectAuditConfig({ service: unknown, auditLogConfigs: logs("ADMIN_READ") }), "nothing"),
]);
