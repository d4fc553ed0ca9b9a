// A project the stack creates exports all its log entries (AnalyzeStack).

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { folderSink, projectResource, projectSink, projectSinkOutputs, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-logging-project-export-sink";
const orgSink = res("gcp:logging/organizationSink:OrganizationSink", "org-logs", { orgId: "123", destination: "storage.googleapis.com/archive", includeChildren: true });

stackCases(policy, [
    stackPasses([projectResource(), projectSink()]),
    stackPasses([projectResource(), projectSinkOutputs()]),
    stackPasses([projectResource(), projectSink({ filter: "  " })]),
    stackPasses([projectResource(), projectSink({ exclusions: [{ name: "old", filter: "severity<ERROR", disabled: true }] })]),
    stackPasses([projectResource(), folderSink()]),
    stackPasses([projectResource(), orgSink]),
    (() => {
        const p = res(projectResource().type, "phi-project", { projectId: unknown });
        return stackPasses([p, res(projectSink().type, "all-logs", { ...projectSink().props, project: unknown }, { project: [p] })]);
    })(),
    stackViolates([projectResource()], [{ on: "phi-project", code: "noExportSink" }]),
    stackViolates([projectResource(), projectSink({ filter: 'logName:"cloudaudit.googleapis.com"' })], [{ on: "phi-project", code: "noExportSink" }]),
    stackViolates([projectResource(), projectSinkOutputs({ filter: "severity>=ERROR" })], [{ on: "phi-project", code: "noExportSink" }]),
    stackViolates([projectResource(), projectSink({ disabled: true })], [{ on: "phi-project", code: "noExportSink" }]),
    stackViolates([projectResource(), projectSink({ exclusions: [{ name: "debug", filter: "severity=DEBUG" }] })], [{ on: "phi-project", code: "noExportSink" }]),
    stackViolates([projectResource(), projectSink({ project: "other-project" })], [{ on: "phi-project", code: "noExportSink" }]),
    // A folder sink must include its children to export the project's entries.
    stackViolates([projectResource(), folderSink({ includeChildren: undefined })], [{ on: "phi-project", code: "noExportSink" }]),
    stackUndecided([projectResource(), projectSink({ filter: unknown })], [{ on: "phi-project", fields: "filter" }]),
    stackUndecided([projectResource(), projectSink({ project: unknown })], [{ on: "phi-project", fields: "project" }]),
    // No project: the provider's default project, which may be this one.
    stackUndecided([projectResource(), projectSink({ project: undefined })], [{ on: "phi-project", fields: "project" }]),
    stackNotApplicable([projectSink()], /only applies to resources of type .gcp:organizations\/project:Project/),
    stackGarbage([projectResource(), projectSink({ filter: secret("SECRET"), exclusions: "SECRET", disabled: "yes" })]),
]);
