// Sending a captured stack to the pack the way the engine does at preview: for every resource,
// Remediate first (a fix a policy at enforcement level remediate returns replaces the inputs, as
// the engine's step generator does) and then Analyze on the inputs as fixed; then AnalyzeStack
// with all of them (for a stack export, with the deployed outputs, as `pulumi policy analyze`
// does). The findings, fixes and waivers make the terminal report; everything the pack answered
// (not-applicable reasons included) is kept whole for the compliance reports (compliance.ts).

import { AnalyzeResult, encodeValue, EnforcementLevel, PolicyPackProcess, ResourceInput, SECRET_SIG, UNKNOWN_SENTINEL } from "../analyzer-client";
import { parseWaived } from "../../../policies/lib/messages";
import { Capture, ROOT_STACK_TYPE, Unseen } from "./capture";
import { propsFromWire } from "./wire";

export interface Finding {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly policyName: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly message: string;
}

/** One property a remediation changes: its value before and after, as text ("[secret]" for a secret). */
export interface Change {
    readonly property: string;
    readonly before: string;
    readonly after: string;
}

/**
 * A fix a policy at enforcement level remediate returned: the engine applies it to the inputs and
 * goes on, so it is not a violation. Only the properties it changes are listed.
 */
export interface Remediation {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly policyName: string;
    readonly changes: readonly Change[];
}

/** A policy the resource is exempt from by a waiver (config or tag/label), with its expiry. */
export interface Waived {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly policyName: string;
    readonly expires: string;
    /** "the policy config" or "the tag/label <key>". */
    readonly source: string;
    readonly reason: string;
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
    /** Fixes remediating policies returned, grouped by resource like the findings. */
    readonly remediations: readonly Remediation[];
    /** Policies waived for a resource (a stack policy waived for all it covers is filed under the stack). */
    readonly waived: readonly Waived[];
    /**
     * How many resources some policy evaluated (passed, violated or left undecided), when the
     * compliance reports were derived; 0 means the stack shows no control in place.
     */
    readonly evaluated?: number;
}

/** Everything the pack answered for one stack, URNs filled in: per resource, and for the stack. */
export interface Evaluation {
    /** Each resource's Analyze answer (on its inputs as remediated), in registration order, with the fixes that were applied first. */
    readonly resources: readonly {
        readonly urn: string;
        readonly type: string;
        readonly name: string;
        readonly answer: AnalyzeResult;
        readonly remediations: readonly Remediation[];
    }[];
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
            const { resource, remediations, diagnostics } = await remediate(pack, r);
            const answer = await pack.analyze(resource);
            const all = [...diagnostics, ...answer.diagnostics].map(d => ({ ...d, urn: d.urn || r.urn! }));
            return { urn: r.urn!, type: r.type, name: r.name, answer: { ...answer, diagnostics: all }, remediations, resource };
        }),
    );
    // At preview a new resource's state is its (remediated) inputs; a stack export has its outputs.
    const stackAnswer = await pack.analyzeStack(capture.stackResources ?? answers.map(a => a.resource));
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
    const byOrder = <T extends { urn: string }>(xs: T[]) => xs.sort((a, b) => (order.get(a.urn) ?? order.size) - (order.get(b.urn) ?? order.size));
    const remediations = byOrder(answers.flatMap(a => a.remediations));
    const waived = byOrder([
        ...answers.flatMap(a => waivedOf(a, a.answer)),
        ...waivedOf({ urn: capture.stackUrn, type: ROOT_STACK_TYPE, name: typeAndName(capture.stackUrn)[1] }, stack),
    ]);
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
        remediations,
        waived,
    };
    return { report, evaluation: { resources: answers.map(({ resource: _, ...a }) => a), stack } };
}

function waivedOf(r: { urn: string; type: string; name: string }, answer: AnalyzeResult): Waived[] {
    return answer.notApplicable.flatMap(n => {
        const w = parseWaived(n.reason);
        return w ? [{ urn: r.urn, type: r.type, name: r.name, policyName: n.policyName, ...w }] : [];
    });
}

/**
 * Remediate, as the engine calls it before Analyze: each fix's properties replace the inputs from
 * then on; a remediation's diagnostic is an advisory finding (as the engine shows it).
 */
async function remediate(
    pack: PolicyPackProcess,
    r: ResourceInput,
): Promise<{ resource: ResourceInput; remediations: Remediation[]; diagnostics: AnalyzeResult["diagnostics"] }> {
    const { remediations: results } = await pack.remediate(r);
    let resource = r;
    let wire = encodeValue(r.props) as Record<string, unknown>;
    const remediations: Remediation[] = [];
    const diagnostics: AnalyzeResult["diagnostics"] = [];
    for (const m of results) {
        if (m.diagnostic) {
            diagnostics.push({ policyName: m.policyName, message: m.diagnostic, enforcementLevel: "advisory", urn: r.urn!, severity: 0, description: "" });
        } else if (m.properties) {
            const changes = changesOf(wire, m.properties);
            if (changes.length > 0) remediations.push({ urn: r.urn!, type: r.type, name: r.name, policyName: m.policyName, changes });
            wire = m.properties;
            resource = { ...r, props: propsFromWire(m.properties) };
        }
    }
    return { resource, remediations, diagnostics };
}

/** The top-level properties whose values differ between two wire-form property maps. */
function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
        .filter(k => canonical(before[k]) !== canonical(after[k]))
        .map(k => ({ property: k, before: shown(before[k]), after: shown(after[k]) }));
}

/** JSON with object keys sorted, so that two encodings of one value compare equal. */
function canonical(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
    if (v !== null && typeof v === "object") {
        return `{${Object.keys(v).sort().map(k => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
    }
    return v === undefined ? "undefined" : JSON.stringify(v);
}

function holdsSecret(v: unknown): boolean {
    if (Array.isArray(v)) return v.some(holdsSecret);
    if (v !== null && typeof v === "object") return Object.values(v).includes(SECRET_SIG) || Object.values(v).some(holdsSecret);
    return false;
}

/** A value as a change shows it: never a secret's content, unknowns named, long values cut. */
function shown(v: unknown): string {
    if (v === undefined || v === null) return "(not set)";
    if (holdsSecret(v)) return "[secret]";
    if (v === UNKNOWN_SENTINEL) return "(unknown at preview)";
    const text = JSON.stringify(v, (_k, x) => (x === UNKNOWN_SENTINEL ? "(unknown)" : x));
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The type and name a URN names (the last segment of its qualified type is the resource's own). */
export function typeAndName(urn: string): [string, string] {
    const parts = urn.split("::");
    if (parts.length < 4) return [ROOT_STACK_TYPE, urn];
    return [parts[2].split("$").pop()!, parts.slice(3).join("::")];
}
