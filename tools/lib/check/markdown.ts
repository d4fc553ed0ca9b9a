// The compliance report for a person (an auditor, a reviewer): per control, its HIPAA sections and
// HITRUST controls with their titles, what it requires and how to fix it, then every resource it
// covers with its status and the detail behind it. Rendered from the JSON report's model.

import { ComplianceReport, Control, ControlResult, ResultStatus } from "./compliance";

const statusLabel: Record<ResultStatus, string> = {
    passed: "✅ passed",
    violated: "❌ violated",
    undecided: "⏳ undecided at preview",
    notApplicable: "➖ not applicable",
};

const verdictLabel: Record<ComplianceReport["verdict"], string> = {
    violated: "❌ Violated",
    incomplete: "⚠️ Incomplete: not a pass",
    passed: "✅ Passed",
    nothingEvaluated: "⚠️ Nothing evaluated",
};

/** Text for a table cell: one line, pipes escaped. */
function cell(text: string): string {
    return text.replace(/\r?\n+/g, " ").replace(/\|/g, "\\|");
}

/** Inline code that survives backticks inside it. */
function code(text: string): string {
    const fence = text.includes("`") ? "``" : "`";
    return `${fence}${text.includes("`") ? ` ${text} ` : text}${fence}`;
}

/** The anchor Markdown renderers (GitHub's included) give a heading that is just the policy name. */
function anchor(policy: string): string {
    return policy.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
}

function detail(r: ControlResult): string {
    switch (r.status) {
        case "violated": {
            const parts = r.violations.map(v => `${v.enforcementLevel === "advisory" ? "(advisory) " : ""}${v.problem}. **Fix:** ${v.fix}`);
            if (r.undecidedFields.length > 0) parts.push(`Also not known until apply: ${r.undecidedFields.map(code).join(", ")}`);
            return parts.join("<br>");
        }
        case "undecided":
            return r.undecidedFields.length > 0
                ? `Not known until apply: ${r.undecidedFields.map(code).join(", ")}; checked again at \`pulumi up\``
                : `${r.undecidedMessage ?? "not decidable at preview"}`;
        case "notApplicable": {
            const na = r.notApplicable!;
            if (na.basis === "waiver") return `Waived until **${na.expires}** (${na.source}): ${na.detail}`;
            return na.reason;
        }
        default:
            return r.remediation ? `Passes once remediated: \`pulumi up\` sets ${r.remediation.properties.map(code).join(", ")} (the fix the policy returns at enforcement level remediate)` : "";
    }
}

/**
 * Remediation steps keep their lines: the policies write one step per line, which Markdown would
 * otherwise run together into one paragraph (list items already stand on their own).
 */
function keepLines(markdown: string): string {
    const lines = markdown.trim().split(/\r?\n/);
    return lines.map((line, i) => (i + 1 < lines.length && line.trim() !== "" && lines[i + 1].trim() !== "" && !/^\s*([-*+]|\d+[.)])\s/.test(lines[i + 1]) ? `${line}<br>` : line)).join("\n");
}

function renderControl(c: Control): string[] {
    const out: string[] = [];
    out.push(`### ${code(c.policy)}`, "", c.description, "");
    out.push(
        `- **Kind:** ${c.kind === "stack" ? "stack policy (checks resources together)" : "resource policy"}; **severity:** ${c.severity}; **enforcement:** ${c.enforcementLevel}`,
        `- **Applies to:** ${c.types.length > 0 ? c.types.map(code).join(", ") : "unknown"}`,
    );
    for (const h of c.hipaa) out.push(`- **HIPAA** [§${h.section}](${h.url}) ${h.title} (${h.kind})`);
    for (const h of c.hitrust) out.push(`- **HITRUST CSF** ${h.id}${h.segment ? ` (${h.segment})` : ""}: ${h.topic}`);
    out.push("");
    for (const note of c.notes) out.push(`> **Note:** ${note}`, "");
    if (c.results.length === 0) {
        out.push(c.enforcementLevel === "disabled" ? "_Not evaluated: the policy is disabled._" : "_No resource in this stack is of a type this control covers._", "");
    } else {
        const counts = (Object.keys(c.counts) as ResultStatus[]).filter(s => c.counts[s] > 0).map(s => `${c.counts[s]} ${statusLabel[s].split(" ").slice(1).join(" ")}`);
        out.push(`Results: ${counts.join(", ")}.`, "");
        out.push("| Resource | Type | Status | Detail |", "|---|---|---|---|");
        for (const r of c.results) {
            const concerns = r.concerns ? ` (the result for ${r.concerns.map(x => `${code(x.type)} ${code(x.name)}`).join(", ")})` : "";
            out.push(`| ${code(r.name)} | ${code(r.type)} | ${statusLabel[r.status]} | ${cell(detail(r) + concerns)} |`);
        }
        out.push("");
    }
    out.push("**Remediation**", "", keepLines(c.remediation) || "_none given_", "");
    return out;
}

export function formatMarkdown(report: ComplianceReport): string {
    const t = report.target;
    const s = report.summary;
    const out: string[] = [];
    out.push(`# HIPAA compliance report: stack ${code(t.stack)} of project ${code(t.project)}`, "");
    out.push("| | |", "|---|---|");
    out.push(`| Target | ${t.kind === "program" ? `Pulumi program ${code(t.source)}${t.entry ? ` (entry ${code(t.entry)})` : ""}, checked offline as at \`pulumi preview\`` : `stack export ${code(t.source)} (deployed inputs)`} |`);
    out.push(`| Policy pack | ${report.tool.pack.name} ${report.tool.pack.version} (${report.tool.pack.policies} policies) |`);
    out.push(`| Policy config | ${t.policyConfig ? code(t.policyConfig) : "the pack's defaults"} |`);
    const tags = Object.entries(t.stackTags);
    if (tags.length > 0) out.push(`| Stack tags | ${tags.map(([k, v]) => code(`${k}=${v}`)).join(", ")} |`);
    out.push(`| Generated | ${report.generatedAt} by ${report.tool.name} |`, "");
    out.push(`## Verdict: ${verdictLabel[report.verdict]}`, "", cell(report.verdictText), "");
    for (const note of t.notes) out.push(`- Note: ${note}`);
    if (t.notes.length > 0) out.push("");

    out.push("## Summary", "");
    out.push("| Status | Results (policy × resource) |", "|---|---|");
    for (const status of Object.keys(s.results) as ResultStatus[]) out.push(`| ${statusLabel[status]} | ${s.results[status]} |`);
    out.push("");
    out.push(
        `Resources: ${s.resources.sent} checked; ${s.resources.evaluated} evaluated by at least one policy; ` +
            `${s.resources.notApplicableOnly} only not applicable; ${s.resources.notCovered} covered by no policy` +
            `${s.resources.unseen > 0 ? `; ${s.resources.unseen} not seen by any policy (see the notes)` : ""}. ` +
            `Violations: ${s.violations.mandatory} mandatory, ${s.violations.advisory} advisory. ` +
            `Controls: ${s.controls.total} in the pack, ${s.controls.withResults} with results here${s.controls.disabled > 0 ? `, ${s.controls.disabled} disabled` : ""}.`,
        "",
    );
    out.push(
        "Statuses: **passed** — the resource meets the control; **violated** — it does not (the finding and its fix are given); " +
            "**undecided at preview** — a value the control needs is not known until `pulumi up`, where it is checked again; " +
            "**not applicable** — the control does not apply to this resource, with the reason (a waiver with its expiry, the PHI scope, or the resource's nature).",
        "",
    );

    const applicable = report.controls.filter(c => c.results.length > 0 || c.enforcementLevel === "disabled");
    const idle = report.controls.filter(c => c.results.length === 0 && c.enforcementLevel !== "disabled");
    if (applicable.length > 0) {
        out.push("| Control | HIPAA | HITRUST CSF | Passed | Violated | Undecided | Not applicable |", "|---|---|---|---|---|---|---|");
        for (const c of applicable) {
            const n = c.counts;
            out.push(
                `| [${code(c.policy)}](#${anchor(c.policy)})${c.enforcementLevel === "disabled" ? " (disabled)" : ""} | ${c.hipaa.map(h => `§${h.section}`).join("<br>")} | ${c.hitrust.map(h => h.id).join("<br>")} | ${n.passed} | ${n.violated} | ${n.undecided} | ${n.notApplicable} |`,
            );
        }
        out.push("");
    }

    out.push("## Controls", "");
    if (applicable.length === 0) out.push("_No control covers any resource of this stack._", "");
    for (const c of applicable) out.push(...renderControl(c));

    if (idle.length > 0) {
        out.push("## Controls with no resource in this stack", "");
        out.push("| Control | Applies to | HIPAA | HITRUST CSF |", "|---|---|---|---|");
        for (const c of idle) out.push(`| ${code(c.policy)} | ${c.types.map(code).join("<br>")} | ${c.hipaa.map(h => `§${h.section}`).join("<br>")} | ${c.hitrust.map(h => h.id).join("<br>")} |`);
        out.push("");
    }

    const uncovered = report.resources.filter(r => r.policies === 0);
    if (uncovered.length > 0) {
        out.push("## Resources no policy covers", "", "No enabled policy covers these resources (the pack has no control for their types, or it is disabled): they are neither passed nor failed.", "");
        const byType = new Map<string, number>();
        for (const r of uncovered) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
        out.push("| Type | Resources |", "|---|---|");
        for (const [type, n] of [...byType].sort()) out.push(`| ${code(type)} | ${n} |`);
        out.push("");
    }
    return out.join("\n").replace(/\n+$/, "") + "\n";
}
