// The compliance report as SARIF 2.1.0, for code-scanning UIs (GitHub code scanning shows results
// on pull requests): one rule per policy, one result per violation and per undecided result.
//
//   - level: "error" for a violation at enforcement level mandatory (or remediate), "warning" for
//     a violation of a policy configured advisory, "note" for undecided at preview (a notice, not
//     a failure: properties.status says "undecided"). Passed and not-applicable results are not
//     SARIF results (they would become alerts); the JSON and Markdown reports hold them.
//   - location: the resource as a logical location (name, URN, type); for a program, also the file
//     and line in the program's own code that created it (from the Pulumi SDK's source position),
//     or the program's entry file when the SDK did not say. A stack export has no source file.
//   - a stack where nothing was evaluated says so in a tool notification and in run.properties.

import { createHash } from "crypto";
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

function artifactLocation(file: string): Json {
    if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
    return { uri: encodeURI(file), uriBaseId: SRCROOT };
}

function fingerprint(...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

export function formatSarif(report: ComplianceReport, base: string): string {
    const sources = new Map(report.resources.map(r => [r.urn, r.source]));
    let relative = false;
    const location = (r: ControlResult): Json => {
        const logical = { name: r.name, fullyQualifiedName: r.urn, kind: "resource", properties: { resourceType: r.type } };
        const source = sources.get(r.urn);
        let physical: Json | undefined;
        if (source) physical = { artifactLocation: artifactLocation(source.file), region: { startLine: source.line, startColumn: source.column } };
        else if (report.target.entry) physical = { artifactLocation: artifactLocation(report.target.entry) };
        if (physical && !path.isAbsolute(source?.file ?? report.target.entry!)) relative = true;
        return { ...(physical ? { physicalLocation: physical } : {}), logicalLocations: [logical] };
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
    if (report.verdict === "nothingEvaluated") {
        notifications.push({ level: "warning", descriptor: { id: "nothing-evaluated" }, message: { text: report.verdictText } });
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
            summary: report.summary,
        },
    };
    if (relative) run.originalUriBaseIds = { [SRCROOT]: { uri: `${pathToFileURL(base).href.replace(/\/?$/, "/")}` } };
    const log = { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run] };
    return JSON.stringify(log, null, 2) + "\n";
}
