// A project the stack creates exports all its log entries with a sink (CIS GCP 2.2): a project sink
// with no filter and no active exclusion, or a folder or organization sink in the stack that
// includes its children. Stacks that only use an existing project are not checked.

import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { folderSink, organizationSink, project, projectSink, projectTarget } from "./facts";

/** 1: the sink exports every entry; 0: it does not; -1: a value it depends on is unknown at preview. */
function exportsAll(props: Props, needsChildren: boolean): number {
    const disabled = props.boolean("disabled");
    const filter = props.string("filter");
    const exclusions = props.list("exclusions");
    const children = props.boolean("includeChildren");
    if ((disabled.state === "known" && disabled.value) || disabled.state === "wrongType") return 0;
    if (filter.state === "wrongType" || exclusions.state === "wrongType") return 0;
    if (filter.state === "known" && filter.value.trim() !== "") return 0;
    if (needsChildren && !(children.state === "known" && children.value) && children.state !== "unknown") return 0;
    let unknown = disabled.state === "unknown" || filter.state === "unknown" || exclusions.state === "unknown" || (needsChildren && children.state === "unknown");
    if (exclusions.state === "known") {
        for (const e of exclusions.value) {
            if (typeof e !== "object" || e === null) continue;
            const off = new Props(e).boolean("disabled");
            if (off.state === "unknown") unknown = true;
            else if (!(off.state === "known" && off.value)) return 0; // an active exclusion drops entries
        }
    }
    return unknown ? -1 : 1;
}

function best(resources: readonly StackResource[], needsChildren: boolean): number {
    let result = 0;
    for (const r of resources) {
        const v = exportsAll(r.props, needsChildren);
        if (v === 1) return 1;
        if (v === -1) result = -1;
    }
    return result;
}

const aboveCache = new WeakMap<Stack, number>();
function coveredAbove(stack: Stack): number {
    let result = aboveCache.get(stack);
    if (result === undefined) aboveCache.set(stack, (result = best(stack.ofType([folderSink, organizationSink]), true)));
    return result;
}

const projectless = new WeakMap<Stack, boolean>();
/** Whether some project sink leaves project unset (the provider's default project, which may be this one). */
function sinkWithoutProject(stack: Stack): boolean {
    let result = projectless.get(stack);
    if (result === undefined) projectless.set(stack, (result = stack.ofType([projectSink]).some(s => s.props.string("project").state === "absent" && exportsAll(s.props, false) !== 0)));
    return result;
}

export default defineStackPolicy({
    name: "gcp-logging-project-export-sink",
    description: "A project the stack creates has a log sink exporting all its log entries (no filter, no active exclusion), or a folder or organization sink in the stack includes it.",
    severity: "medium",
    types: [project],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1207.09aa2"],
    tags: ["gcp", "logging", "audit", "retention"],
    anchors: { gcp: ["gcp-audit-logging-02"] },
    remediation:
        "Add a `gcp.logging.ProjectSink` with `project` set to the new project's `projectId`, no `filter` (or an empty one), no active " +
        "`exclusions`, and a `destination` that keeps the logs as long as your policy requires (a locked Cloud Storage bucket or a log bucket " +
        "with long retention); or a `gcp.logging.FolderSink` / `OrganizationSink` with `includeChildren: true` and no filter. Stacks that do not " +
        "create the project are not checked.",
    check: (p, stack): Outcome | Outcome[] => {
        const { found, unresolved } = stack.referrers([projectSink], "project", p, projectTarget);
        const own = best(found, false);
        const above = coveredAbove(stack);
        if (own === 1 || above === 1) return pass;
        if (own === -1 || above === -1) return undecided("filter");
        if (unresolved || sinkWithoutProject(stack)) return undecided("project");
        return violation({
            code: "noExportSink",
            problem: "the stack creates this project but no sink exports all its log entries (every sink for it has a filter, an active exclusion or is disabled, or there is none)",
            fix: "add a gcp.logging.ProjectSink for the project with no filter and no active exclusions, to a destination that keeps the logs",
        });
    },
});
