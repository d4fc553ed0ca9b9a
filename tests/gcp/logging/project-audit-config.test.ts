// A project the stack creates needs its Data Access audit config (AnalyzeStack).

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { folderAuditConfig, organizationAuditConfig, projectAuditConfig, projectAuditConfigOutputs, projectResource, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-logging-project-audit-config";

stackCases(policy, [
    stackPasses([projectResource(), projectAuditConfig()]),
    stackPasses([projectResource(), projectAuditConfigOutputs()]),
    stackPasses([projectResource(), projectAuditConfig({ project: "projects/phi-prod" })]),
    stackPasses([projectResource(), folderAuditConfig()]),
    stackPasses([projectResource(), organizationAuditConfig()]),
    // By property dependency, when the project id is computed.
    (() => {
        const p = res(projectResource().type, "phi-project", { projectId: unknown });
        return stackPasses([p, res(projectAuditConfig().type, "data-access", { ...projectAuditConfig().props, project: unknown }, { project: [p] })]);
    })(),
    stackViolates([projectResource()], [{ on: "phi-project", code: "noAuditConfig" }]),
    // A config for another project, or for one service only, does not cover this one.
    stackViolates([projectResource(), projectAuditConfig({ project: "other-project" })], [{ on: "phi-project", code: "noAuditConfig" }]),
    stackViolates([projectResource(), projectAuditConfig({ service: "storage.googleapis.com" })], [{ on: "phi-project", code: "noAuditConfig" }]),
    stackUndecided([projectResource(), projectAuditConfig({ project: unknown })], [{ on: "phi-project", fields: "project" }]),
    stackUndecided([projectResource(), projectAuditConfig({ service: unknown })], [{ on: "phi-project", fields: "service" }]),
    // Stacks that use an existing project are not checked.
    stackNotApplicable([projectAuditConfig()], /only applies to resources of type .gcp:organizations\/project:Project/),
    stackGarbage([projectResource({ projectId: secret("SECRET") }), projectAuditConfig({ project: 7, service: { SECRET: 1 } })]),
]);
