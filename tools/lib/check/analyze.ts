// Sending a captured stack to the pack the way the engine does at preview: Analyze for every
// resource, then AnalyzeStack with all of them, and collecting what the pack said per resource.

import { EnforcementLevel, PolicyPackProcess } from "../analyzer-client";
import { Capture, ROOT_STACK_TYPE } from "./capture";

export interface Finding {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly policyName: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly message: string;
}

export interface TargetReport {
    readonly kind: Capture["kind"];
    readonly source: string;
    readonly project: string;
    readonly stack: string;
    readonly notes: readonly string[];
    /** How many resources were sent to the pack. */
    readonly resources: number;
    /** Findings grouped by resource, in the order the program registered them (stack-level first). */
    readonly findings: readonly Finding[];
    readonly violations: number;
    readonly advisories: number;
}

/** Anything but an advisory blocks `pulumi up`, so it counts as a violation. */
export function isViolation(f: { enforcementLevel: EnforcementLevel }): boolean {
    return f.enforcementLevel !== "advisory";
}

export interface AnalyzeOptions {
    /** The stack's tags (the engine sends the backend's; offline there are only the ones given). */
    readonly stackTags?: Record<string, string>;
}

export async function analyzeCapture(pack: PolicyPackProcess, capture: Capture, opts: AnalyzeOptions = {}): Promise<TargetReport> {
    // As the engine does first: which stack, whether this is a preview, and the stack's tags.
    await pack.configureStack({
        stack: capture.stack,
        project: capture.project,
        dryRun: capture.kind === "program",
        tags: { "pulumi:project": capture.project, ...(capture.kind === "program" ? { "pulumi:runtime": "nodejs" } : {}), ...opts.stackTags },
    });
    const perResource = await Promise.all(
        capture.resources.map(async r => (await pack.analyze(r)).diagnostics.map(d => ({ ...d, urn: d.urn || r.urn! }))),
    );
    const stackLevel = (await pack.analyzeStack(capture.resources)).diagnostics.map(d => ({ ...d, urn: d.urn || capture.stackUrn }));

    // Resources in registration order, the stack first; a URN the stack does not hold goes last.
    const order = new Map<string, number>([[capture.stackUrn, -1]]);
    capture.resources.forEach((r, i) => order.set(r.urn!, i));
    const all = [...perResource.flat(), ...stackLevel];
    for (const d of all) if (!order.has(d.urn)) order.set(d.urn, order.size);
    const byUrn = new Map(capture.resources.map(r => [r.urn!, r]));
    const findings = all
        .map((d, seq) => ({ d, seq }))
        .sort((a, b) => order.get(a.d.urn)! - order.get(b.d.urn)! || a.seq - b.seq)
        .map(({ d }): Finding => {
            const r = byUrn.get(d.urn);
            const [type, name] = r ? [r.type, r.name] : typeAndName(d.urn);
            return { urn: d.urn, type, name, policyName: d.policyName, enforcementLevel: d.enforcementLevel, message: d.message };
        });
    return {
        kind: capture.kind,
        source: capture.source,
        project: capture.project,
        stack: capture.stack,
        notes: capture.notes,
        resources: capture.resources.length,
        findings,
        violations: findings.filter(isViolation).length,
        advisories: findings.filter(f => !isViolation(f)).length,
    };
}

/** The type and name a URN names (the last segment of its qualified type is the resource's own). */
function typeAndName(urn: string): [string, string] {
    const parts = urn.split("::");
    if (parts.length < 4) return [ROOT_STACK_TYPE, urn];
    return [parts[2].split("$").pop()!, parts.slice(3).join("::")];
}
