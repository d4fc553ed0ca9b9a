// Printing the check's results: as `pulumi preview` prints policy violations (per pack, grouped by
// resource, each finding as "[level]  policy" and its message), or as JSON for machines.

import { PackInfo } from "../analyzer-client";
import { Finding, Remediation, TargetReport, Waived } from "./analyze";
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
        /** Fixes remediating policies returned (the engine applies them and goes on: not violations). */
        readonly remediated: number;
        /** (Policy, resource) pairs a waiver exempts. */
        readonly waived: number;
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
        remediated: sum(targets.map(t => t.remediations.length)),
        waived: sum(targets.map(t => t.waived.length)),
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

function counts(c: { resources: number; violations: number; advisories: number; remediated: number; waived: number }): string {
    const extra = [c.remediated > 0 ? `${c.remediated} remediated` : "", c.waived > 0 ? `${c.waived} waived` : ""].filter(x => x !== "");
    return [`${plural(c.resources, "resource")} checked`, plural(c.violations, "violation"), plural(c.advisories, "advisory", "advisories"), ...extra].join(", ");
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
        // Each resource once, with its findings, then the fixes remediation applies, then its waivers.
        const entries: { urn: string; type: string; name: string; lines: string[] }[] = [
            ...t.findings.map(f => ({ ...f, lines: formatFinding(f) })),
            ...t.remediations.map(r => ({ ...r, lines: formatRemediation(r) })),
            ...t.waived.map(w => ({ ...w, lines: formatWaived(w) })),
        ];
        const groups = new Map<string, { head: string; lines: string[] }>();
        for (const e of entries) {
            const group = groups.get(e.urn) ?? { head: `        ${e.type} (${e.name}):`, lines: [] };
            groups.set(e.urn, group);
            group.lines.push(...e.lines);
        }
        for (const g of groups.values()) out.push(g.head, ...g.lines);
        out.push("", `Resources: ${counts({ ...t, remediated: t.remediations.length, waived: t.waived.length })}`);
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

/** A fix as pulumi up would apply it: which properties change, from what to what (never a secret). */
function formatRemediation(r: Remediation): string[] {
    const changes = r.changes.map(c => `${c.property} ${c.before} → ${c.after}`).join("; ");
    return [`            - [remediate]  ${r.policyName}`, `              remediated, not a violation (pulumi up applies this fix and goes on): ${changes}`];
}

function formatWaived(w: Waived): string[] {
    return [`            - [waived]  ${w.policyName}`, `              waived until ${w.expires} by ${w.source}: ${w.reason}`];
}

export function formatJson(report: Report): string {
    return JSON.stringify(report, null, 2) + "\n";
}
