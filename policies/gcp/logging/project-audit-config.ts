// A project the stack creates gets a Data Access audit config for allServices (CIS GCP 2.1): the
// stack that creates a project owns its baseline, so a preview can tell whether it is missing.
// Stacks that only use an existing project are not checked (its audit config lives elsewhere);
// what the config logs is gcp-logging-data-access-audit's to check.

import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { allServices, folderAuditConfig, organizationAuditConfig, project, projectAuditConfig, projectTarget } from "./facts";

/** 1: some config in `found` is for allServices; 0: none is; -1: one is unknown at preview. */
function forAllServices(found: readonly StackResource[]): number {
    let unknown = false;
    for (const c of found) {
        const service = c.props.string("service");
        if (service.state === "known" && service.value.trim() === allServices) return 1;
        if (service.state === "unknown") unknown = true;
    }
    return unknown ? -1 : 0;
}

/** Whether a folder or organization audit config in the stack covers allServices (the pack does not follow the folder chain). */
const hierarchyCovers = new WeakMap<Stack, number>();
function coveredAbove(stack: Stack): number {
    let result = hierarchyCovers.get(stack);
    if (result === undefined) hierarchyCovers.set(stack, (result = forAllServices(stack.ofType([folderAuditConfig, organizationAuditConfig]))));
    return result;
}

export default defineStackPolicy({
    name: "gcp-logging-project-audit-config",
    description: "A project the stack creates has a Data Access audit config for allServices (or the stack configures one on a folder or the organization).",
    severity: "high",
    types: [project],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["gcp", "logging", "audit"],
    anchors: { gcp: ["gcp-audit-logging-01"], checkov: ["CKV2_GCP_5"] },
    remediation:
        "Add a `gcp.projects.IAMAuditConfig` with `project` set to the new project's `projectId`, `service: \"allServices\"` and " +
        "`auditLogConfigs` for ADMIN_READ, DATA_READ and DATA_WRITE (or configure them on the folder or organization with " +
        "`gcp.folder.IamAuditConfig` / `gcp.organizations.IamAuditConfig`). Without it Cloud Audit Logs record no Data Access for the project " +
        "(BigQuery aside). Stacks that do not create the project are not checked.",
    check: (p, stack) => {
        const { found, unresolved } = stack.referrers([projectAuditConfig], "project", p, projectTarget);
        const own = forAllServices(found);
        if (own === 1 || coveredAbove(stack) === 1) return pass;
        const outcomes: Outcome[] = [];
        if (own === -1 || coveredAbove(stack) === -1) outcomes.push(undecided("service"));
        else if (unresolved) outcomes.push(undecided("project"));
        else {
            outcomes.push(violation({
                code: "noAuditConfig",
                problem: "the stack creates this project but no audit config for allServices, so Data Access to it is not recorded",
                fix: 'add a gcp.projects.IAMAuditConfig for the project with service: "allServices" and ADMIN_READ, DATA_READ and DATA_WRITE log configs',
            }));
        }
        return outcomes;
    },
});
