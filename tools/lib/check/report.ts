// Printing the check's results: as `pulumi preview` prints policy violations (per pack, grouped by
// resource, each finding as "[level]  policy" and its message), or as JSON for machines.

import { PackInfo } from "../analyzer-client";
import { Finding, TargetReport } from "./analyze";
import { ExitCode, shownPath as shown } from "./errors";
import { plural } from "./json";

export interface Report {
    readonly pack: { readonly name: string; readonly version: string; readonly dir: string; readonly policies: number };
    readonly targets: readonly TargetReport[];
    readonly summary: {
        readonly stacks: number;
        readonly resources: number;
        readonly violations: number;
        readonly advisories: number;
        /** Stacks where no policy evaluated any resource (known only when the compliance reports were derived). */
        readonly nothingEvaluated: number;
        /** Resources and components the check could not see into, over all stacks. */
        readonly unseen: number;
    };
    readonly exitCode: number;
    /** The compliance report files written (--report-dir). */
    readonly reportFiles?: readonly string[];
}

export function buildReport(info: PackInfo, packDir: string, targets: readonly TargetReport[]): Report {
    const summary = {
        stacks: targets.length,
        resources: sum(targets.map(t => t.resources)),
        violations: sum(targets.map(t => t.violations)),
        advisories: sum(targets.map(t => t.advisories)),
        nothingEvaluated: targets.filter(nothingEvaluated).length,
        unseen: sum(targets.map(t => t.unseen.length)),
    };
    return {
        pack: { name: info.name, version: info.version, dir: packDir, policies: info.policies.length },
        targets,
        summary,
        // A violation matters most; what the check could not see, and a stack that showed no
        // control in place, are not a pass either (the former says why the latter may be so).
        exitCode:
            summary.violations > 0 ? ExitCode.violations : summary.unseen > 0 ? ExitCode.incomplete : summary.nothingEvaluated > 0 ? ExitCode.nothingEvaluated : ExitCode.ok,
    };
}

function nothingEvaluated(t: TargetReport): boolean {
    return t.evaluated === 0;
}

function sum(xs: number[]): number {
    return xs.reduce((a, b) => a + b, 0);
}

function counts(c: { resources: number; violations: number; advisories: number }): string {
    return `${plural(c.resources, "resource")} checked, ${plural(c.violations, "violation")}, ${plural(c.advisories, "advisory", "advisories")}`;
}

export function formatText(report: Report): string {
    const out: string[] = [];
    const pack = `${report.pack.name}@v${report.pack.version} (local: ${shown(report.pack.dir)})`;
    for (const t of report.targets) {
        const what = t.kind === "program" ? `program ${shown(t.source)}` : `stack export ${shown(t.source)}`;
        out.push(`Checking stack ${t.stack} of project ${t.project} (${what})${t.kind === "program" ? ", offline preview" : ""}`);
        for (const note of t.notes) out.push(`    note: ${note}`);
        out.push("", "Policies:");
        const icon = t.violations > 0 ? "❌" : t.advisories > 0 || nothingEvaluated(t) || t.unseen.length > 0 ? "⚠️ " : "✅";
        out.push(`    ${icon} ${pack}`);
        let current: string | undefined;
        for (const f of t.findings) {
            if (f.urn !== current) {
                current = f.urn;
                out.push(`        ${f.type} (${f.name}):`);
            }
            out.push(...formatFinding(f));
        }
        out.push("", `Resources: ${counts(t)}`);
        if (t.unseen.length > 0) {
            // Each is a note above, by name; the count says the result is partial.
            out.push(`Not seen: ${t.unseen.map(u => `${u.type} (${u.name})`).join(", ")}: the check could not look into ${t.unseen.length === 1 ? "it" : "them"} (see the notes). This is not a pass.`);
        }
        if (nothingEvaluated(t)) {
            const what =
                t.resources === 0
                    ? "the stack has no resources to check"
                    : `no policy evaluated ${t.resources === 1 ? "its one resource" : `any of its ${t.resources} resources`} (none is of a type the pack covers, or each was not applicable)`;
            out.push(`Nothing evaluated: ${what}. This is not a pass.`);
        }
        out.push("");
    }
    const s = report.summary;
    if (report.targets.length > 1) {
        out.push(`Total: ${plural(s.stacks, "stack")}, ${counts(s)}`);
    }
    if (s.unseen > 0 && s.violations === 0) {
        out.push(`${plural(s.unseen, "resource")} not seen: exit code ${ExitCode.incomplete}.`);
    } else if (s.nothingEvaluated > 0 && s.violations === 0) {
        out.push(`${plural(s.nothingEvaluated, "stack")} had nothing evaluated: exit code ${ExitCode.nothingEvaluated}.`);
    }
    if (report.reportFiles && report.reportFiles.length > 0) {
        out.push("", "Reports:", ...report.reportFiles.map(f => `    ${shown(f)}`));
    }
    return out.join("\n").replace(/\n+$/, "") + "\n";
}

function formatFinding(f: Finding): string[] {
    return [`            - [${f.enforcementLevel}]  ${f.policyName}`, `              ${f.message}`];
}

export function formatJson(report: Report): string {
    return JSON.stringify(report, null, 2) + "\n";
}
