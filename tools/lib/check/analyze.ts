// Sending a captured stack to the pack the way the engine does at preview: Analyze for every
// resource, then AnalyzeStack with all of them, and collecting what the pack said per resource.
// The findings make the terminal report; everything the pack answered (not-applicable reasons
// included) is kept whole for the compliance reports (compliance.ts).

import { AnalyzeResult, EnforcementLevel, PolicyPackProcess } from "../analyzer-client";
import { Capture, ROOT_STACK_TYPE, Unseen } from "./capture";

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
    /** What the program would deploy that the check could not see (never a pass while any). */
    readonly unseen: readonly Unseen[];
    /** Findings grouped by resource, in the order the program registered them (stack-level first). */
    readonly findings: readonly Finding[];
    readonly violations: number;
    readonly advisories: number;
    /**
     * How many resources some policy evaluated (passed, violated or left undecided), when the
     * compliance reports were derived; 0 means the stack shows no control in place.
     */
    readonly evaluated?: number;
}

/** Everything the pack answered for one stack, URNs filled in: per resource, and for the stack. */
export interface Evaluation {
    /** Each resource's Analyze answer, in registration order. */
    readonly resources: readonly { readonly urn: string; readonly type: string; readonly name: string; readonly answer: AnalyzeResult }[];
    /** The AnalyzeStack answer; a diagnostic without a URN is filed under the root stack's. */
    readonly stack: AnalyzeResult;
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
    return (await evaluateCapture(pack, capture, opts)).report;
}

/** As analyzeCapture, and with the pack's whole answer for the compliance reports. */
export async function evaluateCapture(pack: PolicyPackProcess, capture: Capture, opts: AnalyzeOptions = {}): Promise<{ report: TargetReport; evaluation: Evaluation }> {
    // As the engine does first: which stack, whether this is a preview, and the stack's tags.
    await pack.configureStack({
        stack: capture.stack,
        project: capture.project,
        dryRun: capture.kind === "program",
        tags: { "pulumi:project": capture.project, ...(capture.kind === "program" ? { "pulumi:runtime": "nodejs" } : {}), ...opts.stackTags },
    });
    const answers = await Promise.all(
        capture.resources.map(async r => {
            const answer = await pack.analyze(r);
            return { urn: r.urn!, type: r.type, name: r.name, answer: { ...answer, diagnostics: answer.diagnostics.map(d => ({ ...d, urn: d.urn || r.urn! })) } };
        }),
    );
    const stackAnswer = await pack.analyzeStack(capture.resources);
    const stack = { ...stackAnswer, diagnostics: stackAnswer.diagnostics.map(d => ({ ...d, urn: d.urn || capture.stackUrn })) };
    const perResource = answers.map(a => a.answer.diagnostics);
    const stackLevel = stack.diagnostics;

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
    const report: TargetReport = {
        kind: capture.kind,
        source: capture.source,
        project: capture.project,
        stack: capture.stack,
        notes: capture.notes,
        resources: capture.resources.length,
        unseen: capture.unseen ?? [],
        findings,
        violations: findings.filter(isViolation).length,
        advisories: findings.filter(f => !isViolation(f)).length,
    };
    return { report, evaluation: { resources: answers, stack } };
}

/** The type and name a URN names (the last segment of its qualified type is the resource's own). */
export function typeAndName(urn: string): [string, string] {
    const parts = urn.split("::");
    if (parts.length < 4) return [ROOT_STACK_TYPE, urn];
    return [parts[2].split("$").pop()!, parts.slice(3).join("::")];
}
