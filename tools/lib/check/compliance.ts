// Evidence for an audit: what the pack concluded for every (policy, resource) pair of one stack,
// derived from what it answered over the analyzer protocol, and which resources each policy
// covers (its types in the pack's registry: a multi-type resource policy says nothing about other
// types, so its types are the only way to know its scope).
//
//   - a mandatory (or remediate) diagnostic is a violation, as is an advisory one that is not an
//     undecided notice (a policy configured advisory still reports violations);
//   - an advisory "Undecided at preview: ..." (or the SDK's "can't run ... during preview") is undecided;
//   - a not-applicable answer is not applicable with its reason, except the SDK's own "Policy only
//     applies to resources of type ..." (the resource is outside that policy's scope, not exempt);
//   - otherwise an in-scope resource passed.
// Stack policies answer once for the stack: their findings name the resource they concern, and a
// stack-wide not-applicable reason applies to every subject without a finding.
//
// The model here is the JSON report (docs/compliance-report.schema.json); markdown.ts and sarif.ts
// render it. Nothing of a resource's properties is ever copied into it: only what the pack said.

import * as path from "path";
import { Diagnostic, EnforcementLevel, PackInfo, PolicyConfig, PolicyInfo, repoRoot } from "../analyzer-client";
import { hipaaSections, hipaaUrl, hitrustControls } from "../../../policies/lib/catalog";
import { isOutOfPhiScope, parseFinding, parseUndecided, parseWaived } from "../../../policies/lib/messages";
import type { allPolicies as AllPolicies } from "../../../policies/registry";
import { Evaluation, isViolation, typeAndName } from "./analyze";
import { Capture, ROOT_STACK_TYPE, Unseen } from "./capture";
import { plural } from "./json";

/** Bumped on any change a consumer of the JSON report could notice: major when one could break. */
export const COMPLIANCE_FORMAT_VERSION = "2.0";

export type ResultStatus = "passed" | "violated" | "undecided" | "notApplicable";
export type Severity = "low" | "medium" | "high" | "critical" | "unspecified";
export type Verdict = "violated" | "incomplete" | "passed" | "nothingEvaluated";

export interface HipaaCitation {
    readonly section: string;
    readonly title: string;
    readonly kind: string;
    readonly url: string;
}

export interface HitrustCitation {
    readonly id: string;
    readonly segment: string;
    readonly topic: string;
    readonly source: string;
}

/** One violation the pack reported: its one-line message split into what is wrong and the fix. */
export interface ViolationFinding {
    readonly enforcementLevel: EnforcementLevel;
    readonly message: string;
    readonly problem: string;
    /** The fix the message names, or the policy's remediation steps when the message names none. */
    readonly fix: string;
    readonly hipaa: readonly string[];
    readonly hitrust: readonly string[];
}

export interface NotApplicableDetail {
    /** waiver: a waiver exempts the resource; phiScope: the policy checks PHI resources only; control: the control does not apply to this resource. */
    readonly basis: "waiver" | "phiScope" | "control";
    readonly reason: string;
    /** For a waiver: its last day (inclusive), where it was given, and why. */
    readonly expires?: string;
    readonly source?: string;
    readonly detail?: string;
}

export interface SourceLocation {
    /** Relative to the directory the check ran in (forward slashes), or absolute outside it. */
    readonly file: string;
    readonly line: number;
    readonly column: number;
}

export interface ControlResult {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly status: ResultStatus;
    /** For violated: every violation reported (at least one). */
    readonly violations: readonly ViolationFinding[];
    /** For undecided (and violated ones that also had unknowns): the fields not known until apply. */
    readonly undecidedFields: readonly string[];
    readonly undecidedMessage?: string;
    readonly notApplicable?: NotApplicableDetail;
    /**
     * For a stack policy's finding on a related resource (the log group a trail writes to): the
     * resources of the policy's types it is the result for; they are not listed again as passed.
     */
    readonly concerns?: readonly { readonly urn: string; readonly type: string; readonly name: string }[];
    /** At enforcement level remediate: the properties the policy's fix changes (pulumi up applies it and goes on). */
    readonly remediation?: { readonly properties: readonly string[] };
}

export interface Control {
    readonly policy: string;
    readonly kind: "resource" | "stack";
    readonly description: string;
    readonly severity: Severity;
    /** As configured for this check; "disabled" means the pack did not evaluate it at all. */
    readonly enforcementLevel: EnforcementLevel;
    /** The resource types the policy covers (for a stack policy: its subjects). */
    readonly types: readonly string[];
    readonly hipaa: readonly HipaaCitation[];
    readonly hitrust: readonly HitrustCitation[];
    /** The policy's tags, as the pack reports them (topic, cloud, hipaa:<section>, hitrust:<id>). */
    readonly tags: readonly string[];
    /** Markdown steps. */
    readonly remediation: string;
    readonly url: string;
    readonly counts: Readonly<Record<ResultStatus, number>>;
    readonly notes: readonly string[];
    readonly results: readonly ControlResult[];
}

export interface ReportedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Some enabled policy passed it, found a violation or was undecided. */
    readonly evaluated: boolean;
    /** How many enabled policies cover it (have a result for it). */
    readonly policies: number;
    readonly source?: SourceLocation;
}

export interface ComplianceReport {
    readonly formatVersion: string;
    readonly generatedAt: string;
    readonly tool: { readonly name: string; readonly pack: { readonly name: string; readonly version: string; readonly policies: number } };
    readonly target: {
        readonly kind: "program" | "export";
        readonly source: string;
        readonly entry?: string;
        readonly project: string;
        readonly stack: string;
        /** A program runs as at pulumi preview (values the cloud computes are unknown); an export holds deployed inputs. */
        readonly preview: boolean;
        readonly policyConfig?: string;
        readonly stackTags: Readonly<Record<string, string>>;
        readonly notes: readonly string[];
        /** What the program would deploy that no policy saw (a multi-language component's children): any entry makes the verdict incomplete. */
        readonly unseen: readonly Unseen[];
    };
    readonly verdict: Verdict;
    /** The verdict as one plain sentence. */
    readonly verdictText: string;
    readonly summary: {
        readonly resources: { readonly sent: number; readonly evaluated: number; readonly notApplicableOnly: number; readonly notCovered: number; readonly unseen: number };
        readonly results: Readonly<Record<ResultStatus, number>>;
        /** Violation findings that block pulumi up (mandatory), and advisory ones. */
        readonly violations: { readonly mandatory: number; readonly advisory: number };
        readonly controls: { readonly total: number; readonly withResults: number; readonly disabled: number };
    };
    readonly controls: readonly Control[];
    readonly resources: readonly ReportedResource[];
}

export interface ComplianceInput {
    readonly capture: Capture;
    readonly evaluation: Evaluation;
    readonly info: PackInfo;
    /** The policy configuration the pack was configured with (over its defaults). */
    readonly config?: PolicyConfig;
    /** The --policy-pack-config file, as the user named it. */
    readonly policyConfigFile?: string;
    readonly stackTags?: Readonly<Record<string, string>>;
    /** The directory the check ran in: paths in the report are relative to it. */
    readonly base: string;
    readonly generatedAt?: Date;
}

type Scope = { readonly definition: (typeof AllPolicies)[number]["definition"]; readonly stack: boolean };
let registry: Map<string, Scope> | undefined;

/**
 * Each policy's definition (its types are its scope), from the compiled registry the running pack
 * was built from: the same policies the pack answered for. Loading it takes about a second (it
 * loads the policy SDK), so the check starts it while the programs run (check.ts).
 */
export function loadPolicyScopes(): Map<string, Scope> {
    if (!registry) {
        const { allPolicies } = require(path.join(repoRoot, "dist", "policies", "registry")) as { allPolicies: typeof AllPolicies };
        registry = new Map(allPolicies.map(p => [p.definition.name, { definition: p.definition, stack: "validateStack" in p.sdk }]));
    }
    return registry;
}

const severities: Record<number, Severity> = { 1: "low", 2: "medium", 3: "high", 4: "critical" };

/** The SDK's not-applicable reason for a resource of another type than a single-type policy's. */
const typeMismatch = /^Policy only applies to /;
const cantRunAtPreview = /^can't run policy '[^']*' from policy pack '[^']*' during preview: /;

function isUndecided(d: Pick<Diagnostic, "message" | "enforcementLevel">): boolean {
    return d.enforcementLevel === "advisory" && (parseUndecided(d.message) !== undefined || cantRunAtPreview.test(d.message));
}

function undecidedFields(message: string): string[] {
    return parseUndecided(message) ?? [];
}

/** A finding's problem and fix (policies/lib/messages.ts); a message in another shape is all problem. */
function splitMessage(message: string): { problem: string; fix?: string } {
    const finding = parseFinding(message);
    return finding ? { problem: finding.problem, fix: finding.fix } : { problem: message.replace(/\.$/, "") };
}

function notApplicableDetail(reason: string): NotApplicableDetail {
    const waiver = parseWaived(reason);
    if (waiver) return { basis: "waiver", reason, expires: waiver.expires, source: waiver.source, detail: waiver.reason };
    if (isOutOfPhiScope(reason)) return { basis: "phiScope", reason };
    return { basis: "control", reason };
}

/** Citations from the pack's own tags (`hipaa:<section>`, `hitrust:<id>`), titled from the catalog. */
function citations(info: PolicyInfo): { hipaa: HipaaCitation[]; hitrust: HitrustCitation[] } {
    const refs = (prefix: string) => info.tags.filter(t => t.startsWith(prefix)).map(t => t.slice(prefix.length));
    return {
        hipaa: refs("hipaa:").map(section => {
            const known = (hipaaSections as Record<string, { title: string; kind: string }>)[section];
            return {
                section,
                title: known?.title ?? "(not in the control catalog)",
                kind: known?.kind ?? "unknown",
                url: known ? hipaaUrl(section as keyof typeof hipaaSections) : "",
            };
        }),
        hitrust: refs("hitrust:").map(id => {
            const known = (hitrustControls as Record<string, { segment: string; topic: string; source: string }>)[id];
            return { id, segment: known?.segment ?? "", topic: known?.topic ?? "(not in the control catalog)", source: known?.source ?? "" };
        }),
    };
}

function emptyCounts(): Record<ResultStatus, number> {
    return { passed: 0, violated: 0, undecided: 0, notApplicable: 0 };
}

/** A path as the report shows it: relative to `base` when inside it (forward slashes), else absolute. */
export function reportPath(file: string, base: string): string {
    const rel = path.relative(base, file);
    if (rel === "") return ".";
    return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel.split(path.sep).join("/");
}

export function buildCompliance(input: ComplianceInput): ComplianceReport {
    const { capture, evaluation, info, base } = input;
    const config = input.config ?? {};
    const resources = evaluation.resources;
    const order = new Map(resources.map((r, i) => [r.urn, i]));
    const known = new Map(resources.map(r => [r.urn, r]));
    const describe = (urn: string) => {
        const r = known.get(urn);
        if (r) return { urn, type: r.type, name: r.name };
        if (urn === capture.stackUrn) return { urn, type: ROOT_STACK_TYPE, name: typeAndName(urn)[1] };
        const [type, name] = typeAndName(urn);
        return { urn, type, name };
    };

    const registry = loadPolicyScopes();
    const controls: Control[] = [];
    for (const policy of info.policies) {
        const entry = registry.get(policy.name);
        const kind = entry ? (entry.stack ? "stack" : "resource") : evaluation.stack.diagnostics.some(d => d.policyName === policy.name) || evaluation.stack.notApplicable.some(n => n.policyName === policy.name) ? "stack" : "resource";
        const types = entry?.definition.types ?? [];
        const level = config[policy.name]?.enforcementLevel ?? policy.enforcementLevel;
        const notes: string[] = [];
        if (!entry) notes.push("this policy is not in the repository's registry (is dist/ stale?): its scope is unknown, so only resources it reported on are listed");
        const inScope = resources.filter(r => types.includes(r.type));
        let results: ControlResult[] = [];

        if (level === "disabled") {
            notes.push(`disabled by the policy pack config: not evaluated${inScope.length > 0 ? `, so ${inScope.length} resource${inScope.length === 1 ? "" : "s"} of its types went unchecked` : ""}`);
        } else if (kind === "resource") {
            for (const r of resources) {
                const diagnostics = r.answer.diagnostics.filter(d => d.policyName === policy.name);
                if (!types.includes(r.type) && diagnostics.length === 0) continue;
                const reasons = r.answer.notApplicable.filter(n => n.policyName === policy.name && !typeMismatch.test(n.reason)).map(n => n.reason);
                const fixed = r.remediations.filter(m => m.policyName === policy.name).flatMap(m => m.changes.map(c => c.property));
                const result = resultOf({ urn: r.urn, type: r.type, name: r.name }, diagnostics, reasons, policy, entry?.definition.remediation);
                results.push(fixed.length > 0 ? { ...result, remediation: { properties: [...new Set(fixed)] } } : result);
            }
        } else {
            const diagnostics = evaluation.stack.diagnostics.filter(d => d.policyName === policy.name);
            const reasons = evaluation.stack.notApplicable.filter(n => n.policyName === policy.name && !typeMismatch.test(n.reason)).map(n => n.reason);
            // A finding on a related resource (the log group a trail writes to) is the result for the
            // subjects that reference it: they are not also listed as passed.
            const subjects = inScope.map(r => r.urn);
            const concerns = new Map<string, string[]>();
            for (const urn of new Set(diagnostics.map(d => d.urn))) {
                if (!subjects.includes(urn)) concerns.set(urn, subjectsOf(urn, subjects, capture));
            }
            const standFor = new Set([...concerns.values()].flat().filter(s => !diagnostics.some(d => d.urn === s)));
            const urns = [...new Set([...subjects.filter(s => !standFor.has(s)), ...diagnostics.map(d => d.urn)])];
            urns.sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER));
            results = urns.map(urn => {
                const result = resultOf(describe(urn), diagnostics.filter(d => d.urn === urn), reasons, policy, entry?.definition.remediation);
                const of = concerns.get(urn);
                return of && of.length > 0 ? { ...result, concerns: of.map(s => describe(s)) } : result;
            });
            const knobs = config[policy.name] ?? {};
            if ((Array.isArray(knobs.waivers) && knobs.waivers.length > 0) || knobs.scope === "phi") {
                // A stack policy answers not-applicable once for the whole stack; a waiver or the PHI
                // scope that exempts only some resources cannot be told apart from a pass over the protocol.
                notes.push("waivers or the PHI scope are configured for this stack policy: the pack reports them only when they exempt every resource it covers, so a resource listed as passed may have been waived or out of scope");
            }
        }

        const counts = emptyCounts();
        for (const r of results) counts[r.status]++;
        controls.push({
            policy: policy.name,
            kind,
            description: entry?.definition.description ?? policy.description,
            severity: severities[policy.severity] ?? "unspecified",
            enforcementLevel: level,
            types,
            ...citations(policy),
            tags: [...policy.tags],
            remediation: policy.remediationSteps || entry?.definition.remediation || "",
            url: policy.url,
            counts,
            notes,
            results,
        });
    }

    // Every resource sent, and the root stack when a stack policy reported on the stack itself.
    const reported: ReportedResource[] = [];
    const resultsByUrn = new Map<string, ControlResult[]>();
    for (const c of controls) for (const r of c.results) resultsByUrn.set(r.urn, [...(resultsByUrn.get(r.urn) ?? []), r]);
    const urns = [...resources.map(r => r.urn), ...[...resultsByUrn.keys()].filter(u => !known.has(u))];
    for (const urn of urns) {
        const results = resultsByUrn.get(urn) ?? [];
        const source = capture.sources?.[urn];
        reported.push({
            ...describe(urn),
            evaluated: results.some(r => r.status !== "notApplicable"),
            policies: results.length,
            ...(source ? { source: { file: reportPath(source.file, base), line: source.line, column: source.column } } : {}),
        });
    }

    const results = emptyCounts();
    for (const c of controls) for (const s of Object.keys(results) as ResultStatus[]) results[s] += c.counts[s];
    const findings = controls.flatMap(c => c.results.flatMap(r => r.violations));
    const violations = { mandatory: findings.filter(isViolation).length, advisory: findings.filter(f => !isViolation(f)).length };
    const resourceCounts = {
        sent: capture.resources.length,
        evaluated: reported.filter(r => r.evaluated).length,
        notApplicableOnly: reported.filter(r => !r.evaluated && r.policies > 0).length,
        notCovered: reported.filter(r => r.policies === 0).length,
        unseen: capture.unseen?.length ?? 0,
    };
    const controlCounts = {
        total: controls.length,
        withResults: controls.filter(c => c.results.length > 0).length,
        disabled: controls.filter(c => c.enforcementLevel === "disabled").length,
    };
    // In the exit code's order: a violation, then what was not seen, then nothing evaluated.
    const verdict: Verdict =
        violations.mandatory > 0 ? "violated" : resourceCounts.unseen > 0 ? "incomplete" : resourceCounts.evaluated === 0 ? "nothingEvaluated" : "passed";

    return {
        formatVersion: COMPLIANCE_FORMAT_VERSION,
        generatedAt: (input.generatedAt ?? new Date()).toISOString(),
        tool: { name: "hipaa-guard offline check", pack: { name: info.name, version: info.version, policies: info.policies.length } },
        target: {
            kind: capture.kind,
            source: reportPath(capture.source, base),
            ...(capture.entry ? { entry: reportPath(capture.entry, base) } : {}),
            project: capture.project,
            stack: capture.stack,
            preview: capture.kind === "program",
            ...(input.policyConfigFile ? { policyConfig: input.policyConfigFile } : {}),
            stackTags: { ...(input.stackTags ?? {}) },
            notes: [...capture.notes],
            unseen: (capture.unseen ?? []).map(u => ({ ...u })),
        },
        verdict,
        verdictText: verdictText(verdict, violations, resourceCounts, results, controls, reported, capture.unseen ?? []),
        summary: { resources: resourceCounts, results, violations, controls: controlCounts },
        controls,
        resources: reported,
    };
}

/** Identifying values a resource is named by in another's properties. */
const identifyingKeys = ["arn", "id", "name", "bucket", "selfLink"];

/**
 * The subjects of a stack policy that reference `urn`: by dependency (a program's, or an export's
 * recorded ones), or by holding one of its identifying values (an ARN, a name) in a property, as
 * an export's literal references do. When none can be told, every subject: a finding nobody can be
 * cleared of must not leave a subject listed as passed.
 */
function subjectsOf(urn: string, subjects: readonly string[], capture: Capture): string[] {
    const all = [...capture.resources, ...(capture.stackResources ?? [])];
    const target = all.filter(r => r.urn === urn);
    const ids = new Set<string>();
    for (const r of target) {
        for (const key of identifyingKeys) {
            const v = r.props[key];
            if (typeof v === "string" && v.length >= 3) ids.add(v);
        }
    }
    const strings = (v: unknown): string[] =>
        typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(strings) : v !== null && typeof v === "object" ? Object.values(v).flatMap(strings) : [];
    const linked = subjects.filter(s =>
        all
            .filter(r => r.urn === s)
            .some(
                r =>
                    (r.dependencies ?? []).includes(urn) ||
                    Object.values(r.propertyDependencies ?? {}).some(deps => deps.includes(urn)) ||
                    strings(r.props).some(text => [...ids].some(id => text === id || text.startsWith(`${id}:`) || text.startsWith(`${id}/`))),
            ),
    );
    return linked.length > 0 ? linked : [...subjects];
}

function resultOf(
    resource: { urn: string; type: string; name: string },
    diagnostics: readonly Diagnostic[],
    notApplicableReasons: readonly string[],
    policy: PolicyInfo,
    remediation: string | undefined,
): ControlResult {
    const undecided = diagnostics.filter(isUndecided);
    const fields = [...new Set(undecided.flatMap(d => undecidedFields(d.message)))];
    const refs = citations(policy);
    const violations: ViolationFinding[] = diagnostics
        .filter(d => !isUndecided(d))
        .map(d => {
            const { problem, fix } = splitMessage(d.message);
            return {
                enforcementLevel: d.enforcementLevel,
                message: d.message,
                problem,
                fix: fix ?? (policy.remediationSteps || remediation || "see the policy's remediation steps"),
                hipaa: refs.hipaa.map(h => h.section),
                hitrust: refs.hitrust.map(h => h.id),
            };
        });
    const status: ResultStatus = violations.length > 0 ? "violated" : undecided.length > 0 ? "undecided" : notApplicableReasons.length > 0 ? "notApplicable" : "passed";
    return {
        ...resource,
        status,
        violations,
        undecidedFields: fields,
        ...(status === "undecided" ? { undecidedMessage: undecided[0].message } : {}),
        ...(status === "notApplicable" ? { notApplicable: notApplicableDetail(notApplicableReasons.join("; ")) } : {}),
    };
}

function verdictText(
    verdict: Verdict,
    violations: { mandatory: number; advisory: number },
    resources: ComplianceReport["summary"]["resources"],
    results: Record<ResultStatus, number>,
    controls: readonly Control[],
    reported: readonly ReportedResource[],
    unseen: readonly Unseen[],
): string {
    if (verdict === "violated") {
        const failing = controls.filter(c => c.results.some(r => r.violations.some(isViolation))).length;
        return `${plural(violations.mandatory, "mandatory violation")} of ${plural(failing, "control")}: pulumi up would be blocked until they are fixed.`;
    }
    if (verdict === "nothingEvaluated") {
        let why: string;
        if (resources.sent === 0 && reported.length === 0) why = "the stack has no resources";
        else if (resources.notApplicableOnly === 0) {
            const types = [...new Set(reported.map(r => r.type))].sort();
            why = `no enabled policy of the pack covers ${resources.sent === 1 ? "its only resource" : `any of its ${resources.sent} resources`} (${types.join(", ")})`;
        } else why = `every resource a policy covers was not applicable (waived, out of PHI scope, or the control does not apply)`;
        return `No resource was evaluated: ${why}. This is not a pass: the report is no evidence that any control is in place.`;
    }
    const extra: string[] = [];
    if (results.undecided > 0) extra.push(`${plural(results.undecided, "result")} undecided at preview (checked again at pulumi up)`);
    if (violations.advisory > 0) extra.push(`${plural(violations.advisory, "advisory violation")} (policies configured advisory; they do not block pulumi up)`);
    const counted = extra.length > 0 ? `; ${extra.join("; ")}` : "";
    if (verdict === "incomplete") {
        const named = unseen.map(u => `${u.type} (${u.name})`).join(", ");
        return `No mandatory violation among ${plural(resources.evaluated, "resource")} evaluated${counted}, but the check could not see all the program would deploy: ${named} (see the notes). This is not a pass: the report is no evidence for what was not seen.`;
    }
    return `No mandatory violation: ${plural(resources.evaluated, "resource")} evaluated${counted}.`;
}
