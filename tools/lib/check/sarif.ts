// The compliance report as SARIF 2.1.0, for code-scanning UIs (GitHub code scanning shows results
// on pull requests): one rule per policy, one result per violation and per undecided result.
//
//   - level: "error" for a violation at enforcement level mandatory (or remediate), "warning" for
//     a violation of a policy configured advisory, "note" for undecided at preview (a notice, not
//     a failure: properties.status says "undecided"). Passed and not-applicable results are not
//     SARIF results (they would become alerts); the JSON and Markdown reports hold them.
//   - location: the resource as a logical location (name, URN, type), and always a physical one
//     (GitHub code scanning rejects results without): for a program, the file and line in the
//     program's own code that created it (from the Pulumi SDK's source position), or the program's
//     entry file when the SDK did not say; for a stack export, the export file at the resource's
//     line. Paths are relative to %SRCROOT%, stated in originalUriBaseIds: the root of the git work
//     tree that holds the target (where code scanning's checkout is), else the target's directory,
//     so they do not depend on the directory the check ran in.
//   - a stack where nothing was evaluated says so in a tool notification and in run.properties.

import { createHash } from "crypto";
import * as fs from "fs";
import { pathToFileURL } from "url";
import * as path from "path";
import { ComplianceReport, Control, ControlResult, Severity } from "./compliance";

const SRCROOT = "%SRCROOT%";

/** GitHub code scanning's bands: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const securitySeverity: Partial<Record<Severity, string>> = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0" };

type Json = Record<string, unknown>;

function levelOf(enforcement: string): "error" | "warning" | "none" {
    return enforcement === "advisory" ? "warning" : enforcement === "disabled" ? "none" : "error";
}

function rule(c: Control): Json {
    const cites = [...c.hipaa.map(h => `HIPAA §${h.section} ${h.title} (${h.kind})`), ...c.hitrust.map(h => `HITRUST CSF ${h.id}: ${h.topic}`)];
    const level = levelOf(c.enforcementLevel);
    return {
        id: c.policy,
        name: c.policy,
        shortDescription: { text: c.description },
        fullDescription: { text: `${c.description} ${cites.join("; ")}.` },
        ...(c.url ? { helpUri: c.url } : {}),
        help: {
            text: c.remediation || c.description,
            markdown: `${c.remediation || c.description}\n\n${cites.map(line => `- ${line}`).join("\n")}`,
        },
        defaultConfiguration: { level, enabled: c.enforcementLevel !== "disabled" },
        properties: {
            // "security" makes GitHub treat the rule as a security rule and use security-severity.
            tags: [...new Set(["security", ...c.tags])],
            ...(securitySeverity[c.severity] ? { "security-severity": securitySeverity[c.severity] } : {}),
            precision: "very-high",
            "problem.severity": level === "none" ? "recommendation" : level,
            hipaa: c.hipaa.map(h => h.section),
            hitrust: c.hitrust.map(h => h.id),
            policyKind: c.kind,
            resourceTypes: c.types,
        },
    };
}

/** The root of the git work tree holding `dir` (a `.git` directory or, in a worktree, file), else `dir`. */
export function sourceRoot(dir: string): string {
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, ".git"))) return d;
        if (path.dirname(d) === d) return path.resolve(dir);
    }
}

function artifactLocation(file: string, root: string): Json {
    const rel = path.relative(root, file);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
    return { uri: rel.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

/** The 1-based line of a stack export that names `urn` as a resource's urn, when it can be found. */
function exportLines(file: string): (urn: string) => number | undefined {
    let text: string | undefined;
    return urn => {
        try {
            text ??= fs.readFileSync(file, "utf8");
        } catch {
            return undefined;
        }
        const at = new RegExp(`"urn"\\s*:\\s*${JSON.stringify(urn).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).exec(text);
        return at ? text.slice(0, at.index).split("\n").length : undefined;
    };
}

function fingerprint(...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

export function formatSarif(report: ComplianceReport, base: string): string {
    const sources = new Map(report.resources.map(r => [r.urn, r.source]));
    const t0 = report.target;
    // The report's paths are relative to where the check ran; SARIF's to the source root.
    const target = path.resolve(base, t0.source);
    const root = sourceRoot(t0.kind === "export" ? path.dirname(target) : target);
    const lineOf = t0.kind === "export" ? exportLines(target) : undefined;
    const location = (r: ControlResult): Json => {
        const logical = { name: r.name, fullyQualifiedName: r.urn, kind: "resource", properties: { resourceType: r.type } };
        const source = sources.get(r.urn);
        let physical: Json;
        if (source) physical = { artifactLocation: artifactLocation(path.resolve(base, source.file), root), region: { startLine: source.line, startColumn: source.column } };
        else if (t0.entry) physical = { artifactLocation: artifactLocation(path.resolve(base, t0.entry), root) };
        else {
            const line = lineOf?.(r.urn);
            physical = { artifactLocation: artifactLocation(target, root), ...(line ? { region: { startLine: line } } : {}) };
        }
        return { physicalLocation: physical, logicalLocations: [logical] };
    };

    const results: Json[] = [];
    report.controls.forEach((c, ruleIndex) => {
        for (const r of c.results) {
            const common = { ruleId: c.policy, ruleIndex, locations: [location(r)] };
            const props = { resourceType: r.type, hipaa: c.hipaa.map(h => h.section), hitrust: c.hitrust.map(h => h.id) };
            if (r.status === "violated") {
                for (const v of r.violations) {
                    results.push({
                        ...common,
                        level: v.enforcementLevel === "advisory" ? "warning" : "error",
                        message: { text: `${r.name} (${r.type}): ${v.message}` },
                        partialFingerprints: { "hipaaGuardFinding/v1": fingerprint(c.policy, r.urn, v.problem) },
                        properties: { ...props, status: "violated", enforcementLevel: v.enforcementLevel, problem: v.problem, fix: v.fix },
                    });
                }
            } else if (r.status === "undecided") {
                results.push({
                    ...common,
                    level: "note",
                    message: { text: `${r.name} (${r.type}): ${r.undecidedMessage ?? "undecided at preview; checked again at pulumi up"}` },
                    partialFingerprints: { "hipaaGuardFinding/v1": fingerprint(c.policy, r.urn, "undecided") },
                    properties: { ...props, status: "undecided", undecidedFields: r.undecidedFields },
                });
            }
        }
    });

    const notifications: Json[] = [];
    if (report.verdict === "nothingEvaluated" || report.verdict === "incomplete") {
        const id = report.verdict === "incomplete" ? "incomplete" : "nothing-evaluated";
        notifications.push({ level: "warning", descriptor: { id }, message: { text: report.verdictText } });
    }
    for (const note of report.target.notes) notifications.push({ level: "note", descriptor: { id: "target-note" }, message: { text: note } });

    const t = report.target;
    const run: Json = {
        tool: {
            driver: {
                name: report.tool.pack.name,
                version: report.tool.pack.version,
                semanticVersion: report.tool.pack.version,
                rules: report.controls.map(rule),
            },
        },
        // GitHub code scanning takes the category from the part before the last slash.
        automationDetails: { id: `${report.tool.pack.name}/${t.project}/${t.stack}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt, toolExecutionNotifications: notifications }],
        results,
        properties: {
            target: t,
            verdict: report.verdict,
            verdictText: report.verdictText,
            nothingEvaluated: report.verdict === "nothingEvaluated",
            incomplete: report.verdict === "incomplete",
            summary: report.summary,
        },
    };
    run.originalUriBaseIds = { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, "/")}`, description: { text: "The root of the git work tree that holds the checked program or stack export (else its directory)." } } };
    const log = { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run] };
    return JSON.stringify(log, null, 2) + "\n";
}
