// Data Access audit logs (CIS GCP 2.1): an audit config for allServices turns on ADMIN_READ,
// DATA_READ and DATA_WRITE, and no audit config, for any service, exempts members from logging.
// Cloud Audit Logs record Data Access only when configured (BigQuery aside), so reads of PHI go
// unrecorded without it.

import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { elementsOf, valueOf } from "../../lib/rules";
import { allServices, auditConfigTypes, dataAccessLogTypes } from "./facts";

const fix = `set auditLogConfigs to one entry per log type (${dataAccessLogTypes.join(", ")}) with no exemptedMembers`;

export default defineResourcePolicy({
    name: "gcp-logging-data-access-audit",
    description: "Audit configs for allServices log ADMIN_READ, DATA_READ and DATA_WRITE, and no audit config exempts any member.",
    severity: "high",
    types: auditConfigTypes,
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["gcp", "logging", "audit"],
    anchors: { gcp: ["gcp-audit-logging-01"], checkov: ["CKV2_GCP_5"] },
    remediation:
        "On the `gcp.projects.IAMAuditConfig` (or `gcp.folder.IamAuditConfig` / `gcp.organizations.IamAuditConfig`) with `service: \"allServices\"`, " +
        "list `auditLogConfigs: [{ logType: \"ADMIN_READ\" }, { logType: \"DATA_READ\" }, { logType: \"DATA_WRITE\" }]`, and remove every " +
        "`exemptedMembers` entry from all audit configs: an exempted member's reads of PHI are not recorded.",
    check: r => {
        const outcomes: Outcome[] = [];
        const service = valueOf(r.props.string("service"), { path: "service", expected: "a service name", fix: 'set service: "allServices"', absent: "" });
        const { elements, outcomes: listProblems } = elementsOf(r.props, { field: "auditLogConfigs", fix });
        outcomes.push(...listProblems);
        const logged = new Set<string>();
        let logTypesKnown = listProblems.length === 0;
        for (const e of elements) {
            const logType = valueOf(e.props.string("logType"), { path: `${e.path}.logType`, expected: "a log type", fix, absent: "" });
            if (isOutcome(logType)) {
                outcomes.push(logType);
                logTypesKnown = false;
            } else logged.add(logType.trim().toUpperCase());
            const exempted = valueOf(e.props.list("exemptedMembers"), { path: `${e.path}.exemptedMembers`, expected: "a list of principals", fix: `remove ${e.path}.exemptedMembers`, absent: [] as unknown[] });
            if (isOutcome(exempted)) outcomes.push(exempted);
            else if (exempted.some(m => m !== null && m !== undefined)) {
                outcomes.push(violation({ code: "exemptedMembers", field: `${e.path}.exemptedMembers`, problem: `${e.path}.exemptedMembers exempts ${exempted.length === 1 ? "a member" : `${exempted.length} members`} from audit logging, so their access is not recorded`, fix: `remove ${e.path}.exemptedMembers` }));
            }
        }
        if (isOutcome(service)) outcomes.push(service);
        else if (service.trim() === allServices && logTypesKnown) {
            const missing = dataAccessLogTypes.filter(t => !logged.has(t));
            if (missing.length > 0) {
                outcomes.push(violation({ code: "missingLogTypes", field: "auditLogConfigs", problem: `the allServices audit config does not log ${missing.join(", ")}`, fix }));
            }
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
    remediate: r => {
        // Adds the missing log types to an allServices config; never touches exemptions (who is exempted is a person's choice).
        const service = r.props.string("service");
        const list = r.props.list("auditLogConfigs");
        if (service.state !== "known" || service.value.trim() !== allServices || !(list.state === "known" || list.state === "absent")) return undefined;
        const entries = list.state === "known" ? list.value : [];
        const logged = new Set<string>();
        for (const entry of entries) {
            const t = typeof entry === "object" && entry !== null ? (entry as { logType?: unknown }).logType : undefined;
            if (typeof t !== "string") return undefined;
            logged.add(t.trim().toUpperCase());
        }
        const missing = dataAccessLogTypes.filter(t => !logged.has(t));
        return missing.length > 0 ? { auditLogConfigs: [...entries, ...missing.map(logType => ({ logType }))] } : undefined;
    },
});
