// Table-style policy tests. Each case runs the resource through the analyzer protocol, as the
// engine does, and through the policy's own check in this process on the same properties (as the
// SDK deserializes them), then asserts:
// - what crossed the wire is exactly what the outcomes say (rendered by the pack's own reporter);
// - the outcomes carry the expected codes and property paths (never matched on wording).

import * as assert from "assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { citation } from "../policies/lib/catalog";
import { InvalidKnob, resolveKnobs } from "../policies/lib/knobs";
import { Outcome } from "../policies/lib/outcome";
import { commonKnobs, PolicyDefinition, renderOutcomes, resolveKnobConfig } from "../policies/lib/policy";
import { Props } from "../policies/lib/props";
import { evaluateStack, Stack, StackPolicyDefinition } from "../policies/lib/stack";
import { allPolicies } from "../policies/registry";
import { AnalyzeResult, encodeValue, ResourceInput, Secret, unknown, urnOf } from "../tools/lib/analyzer-client";
import { assertFinding, PackFixture, PolicyAnswer, usePack } from "./pack";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown> };

/** An expected violation: its code, and the property path it is about when that matters. */
export interface Expected {
    readonly code: string;
    readonly field?: string;
}

type Knobs = Record<string, unknown>;

export type Case =
    | { readonly kind: "passes"; readonly resource: ResourceInput; readonly knobs?: Knobs }
    | { readonly kind: "violates"; readonly resource: ResourceInput; readonly expected: readonly Expected[]; readonly knobs?: Knobs }
    | { readonly kind: "undecided"; readonly resource: ResourceInput; readonly fields: readonly string[]; readonly knobs?: Knobs }
    | { readonly kind: "notApplicable"; readonly resource: ResourceInput; readonly reason: RegExp; readonly knobs?: Knobs }
    /**
     * Garbage (wrong types, nested unknowns, secrets marked SECRET): the call answers, echoes no secret
     * (nor any of `secrets`, for markers that cannot say SECRET, such as numbers), and says what the outcomes say.
     */
    | { readonly kind: "garbage"; readonly resource: ResourceInput; readonly knobs?: Knobs; readonly secrets?: readonly string[] }
    /** Under enforcement level remediate: the properties after the fix (the patch over the input), or no fix at all. */
    | { readonly kind: "remediates"; readonly resource: ResourceInput; readonly patch: Record<string, unknown> | "nothing"; readonly knobs?: Knobs }
    /** Under enforcement level remediate: no fix, and the policy says (as its definition words it) which decision needs a person. */
    | { readonly kind: "noAutoRemediation"; readonly resource: ResourceInput; readonly knobs?: Knobs }
    /** An invalid value of `knob`: the policy checks nothing and reports exactly the misconfiguration finding. */
    | { readonly kind: "misconfigured"; readonly resource: ResourceInput; readonly knobs: Knobs; readonly knob: string };

export const passes = (resource: ResourceInput, knobs?: Knobs): Case => ({ kind: "passes", resource, knobs });
export const violates = (resource: ResourceInput, expected: Expected | readonly Expected[], knobs?: Knobs): Case => ({
    kind: "violates",
    resource,
    expected: Array.isArray(expected) ? expected : [expected as Expected],
    knobs,
});
export const undecided = (resource: ResourceInput, fields: string | readonly string[], knobs?: Knobs): Case => ({
    kind: "undecided",
    resource,
    fields: typeof fields === "string" ? [fields] : fields,
    knobs,
});
export const notApplicable = (resource: ResourceInput, reason: RegExp, knobs?: Knobs): Case => ({ kind: "notApplicable", resource, reason, knobs });
export const garbage = (resource: ResourceInput, knobs?: Knobs, secrets?: readonly string[]): Case => ({ kind: "garbage", resource, knobs, secrets });
export const remediates = (resource: ResourceInput, patch: Record<string, unknown> | "nothing", knobs?: Knobs): Case => ({ kind: "remediates", resource, patch, knobs });
export const noAutoRemediation = (resource: ResourceInput, knobs?: Knobs): Case => ({ kind: "noAutoRemediation", resource, knobs });
export const misconfigured = (resource: ResourceInput, knobs: Knobs, knob: string): Case => ({ kind: "misconfigured", resource, knobs, knob });

function definitionOf(policy: string): PolicyDefinition {
    const found = allPolicies.find(p => p.definition.name === policy);
    assert.ok(found, `the pack has no policy named ${policy}`);
    assert.ok(!("validateStack" in found.sdk), `${policy} is a stack policy`);
    return found.definition as PolicyDefinition;
}

function isInvalidKnob(resolved: object): resolved is InvalidKnob {
    return typeof (resolved as InvalidKnob).allowed === "string" && typeof (resolved as InvalidKnob).name === "string";
}

/**
 * What the pack must say about invalid `knobs`: the one finding its config resolver words, and the
 * knob it names (read from the resolver, not from the wording).
 */
function misconfiguration(definition: { name: string; knobs?: PolicyDefinition["knobs"]; hipaa: PolicyDefinition["hipaa"]; hitrust: PolicyDefinition["hitrust"] }, knobs: Knobs): { message: string; knob: string } {
    const resolved = resolveKnobConfig(definition.name, definition.knobs ?? {}, { getConfig: <T>() => knobs as T }, citation(definition.hipaa, definition.hitrust));
    assert.ok("invalid" in resolved, `knobs ${JSON.stringify(knobs)} are valid for ${definition.name}`);
    const common = resolveKnobs(commonKnobs, knobs);
    const invalid = isInvalidKnob(common) ? common : resolveKnobs(definition.knobs ?? {}, knobs);
    assert.ok(isInvalidKnob(invalid));
    return { message: resolved.invalid, knob: invalid.name };
}

/** The policy's outcomes for `resource`, computed in this process on the properties as the SDK deserializes them. */
export function outcomesOf(policy: string, resource: ResourceInput, knobs: Knobs = {}): readonly Outcome[] {
    const definition = definitionOf(policy);
    const props = deserializeProperties(Struct.fromJavaScript(encodeValue(resource.props) as Record<string, never>), false);
    const config = resolveKnobs(definition.knobs ?? {}, knobs);
    assert.ok(!("allowed" in config && "name" in config), `invalid knobs for ${policy}: ${JSON.stringify(knobs)}`);
    const urn = resource.urn ?? urnOf(resource.type, resource.name);
    // The SDK reads the protect option from the request (false when the request leaves it out).
    const result = definition.check({ type: resource.type, name: resource.name, urn, props: new Props(props), protect: resource.protect ?? false }, config as never);
    return Array.isArray(result) ? result : [result as Outcome];
}

/** What the outcomes must look like on the wire: the pack's own rendering of them. */
export function rendered(policy: string, outcomes: readonly Outcome[]): PolicyAnswer {
    const definition = definitionOf(policy);
    const r = renderOutcomes(outcomes, citation(definition.hipaa, definition.hitrust));
    return {
        violations: r.diagnostics.filter(d => !d.advisory).map(d => d.message),
        advisories: r.diagnostics.filter(d => d.advisory).map(d => d.message),
        notApplicable: r.notApplicable,
    };
}

function codesOf(outcomes: readonly Outcome[], expected: readonly Expected[]): Expected[] {
    return outcomes.flatMap(o => (o.kind === "violation" ? [{ code: o.code, field: o.field }] : [])).map((got, i) => (expected[i]?.field === undefined ? { code: got.code } : got));
}

/**
 * A value as a test title shows it: what the wire would carry, except that an unknown shows as "?"
 * and a secret as "[secret]", never its value (titles are printed and kept in CI logs and reports).
 */
function titleValue(value: unknown): unknown {
    if (value === unknown) return "?";
    if (value instanceof Secret) return "[secret]";
    if (Array.isArray(value)) return value.map(v => titleValue(v) ?? null);
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = titleValue(v);
        return out;
    }
    return value;
}

/** The title of a case's test. */
export function caseTitle(c: Case): string {
    // A factory-made resource carries what the case changed; anything else is shown whole.
    const shown = (c.resource as { changes?: Record<string, unknown> }).changes ?? c.resource.props;
    const marked = Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v === undefined ? "(omitted)" : titleValue(v)]));
    const props = JSON.stringify(marked).slice(0, 140);
    const what =
        c.kind === "violates" ? `violates ${c.expected.map(e => e.code + (e.field ? ` ${e.field}` : "")).join(", ")}`
        : c.kind === "undecided" ? `is undecided on ${c.fields.join(", ")}`
        : c.kind === "remediates" ? (c.patch === "nothing" ? "changes nothing" : `remediates ${Object.keys(c.patch).join(", ")}`)
        : c.kind === "notApplicable" ? "does not apply"
        : c.kind === "garbage" ? "survives garbage"
        : c.kind === "noAutoRemediation" ? "leaves the fix to a person"
        : c.kind === "misconfigured" ? `reports ${c.knob} misconfigured`
        : "passes";
    const knobs = c.knobs ? ` with ${JSON.stringify(titleValue(c.knobs))}` : "";
    const shape = (c.resource as { shape?: string }).shape === "outputs" ? " (outputs)" : "";
    return `${what}${knobs}: ${c.resource.type.split(":").pop()}${shape} ${props}`;
}

async function run(pack: PackFixture, policy: string, c: Case): Promise<void> {
    const remediating = c.kind === "remediates" || c.kind === "noAutoRemediation";
    const config = { [policy]: { ...(remediating ? { enforcementLevel: "remediate" as const } : {}), ...(c.knobs ?? {}) } };
    if (c.kind === "misconfigured") {
        const expected = misconfiguration(definitionOf(policy), c.knobs);
        assert.strictEqual(expected.knob, c.knob);
        const wire = await pack.check(policy, c.resource, config);
        assert.deepStrictEqual(wire, { violations: [expected.message], advisories: [], notApplicable: undefined });
        assertFinding(expected.message);
        return;
    }
    if (c.kind === "noAutoRemediation") {
        const definition = definitionOf(policy);
        assert.ok(!definition.remediate && definition.noAutoRemediation, `${policy} has an automatic remediation`);
        const result = await pack.remediate(c.resource, config);
        assert.deepStrictEqual(result.remediations.filter(r => r.policyName === policy), []);
        assert.deepStrictEqual(
            result.notApplicable.filter(n => n.policyName === policy).map(n => n.reason),
            [`no automatic remediation: ${definition.noAutoRemediation}`],
        );
        return;
    }
    if (c.kind === "remediates") {
        const result = await pack.remediate(c.resource, config);
        const mine = result.remediations.filter(r => r.policyName === policy);
        if (c.patch === "nothing") return assert.deepStrictEqual(mine, []);
        assert.strictEqual(mine.length, 1, `expected one remediation, got ${JSON.stringify(result)}`);
        assert.ok(!mine[0].diagnostic.includes("SECRET"), `secret echoed in the remediation's diagnostic: ${mine[0].diagnostic}`);
        assert.deepStrictEqual(mine[0].properties, encodeValue({ ...c.resource.props, ...c.patch }));
        // A fix must leave nothing for the check to find.
        const after = outcomesOf(policy, { ...c.resource, props: { ...c.resource.props, ...c.patch } }, c.knobs);
        assert.ok(!after.some(o => o.kind === "violation" && Object.keys(c.patch as object).some(k => o.field === k)), "the fix leaves a violation on the field it changed");
        return;
    }
    const outcomes = outcomesOf(policy, c.resource, c.knobs);
    const wire = await pack.check(policy, c.resource, config);
    assert.deepStrictEqual(wire, rendered(policy, outcomes), "what the pack said over the protocol is not what its outcomes say");
    for (const message of wire.violations) assertFinding(message);
    switch (c.kind) {
        case "garbage": {
            const all = await pack.analyze(c.resource, config);
            for (const d of all.diagnostics) {
                for (const s of ["SECRET", ...(c.secrets ?? [])]) assert.ok(!d.message.includes(s), `secret echoed by ${d.policyName}: ${d.message}`);
                assert.ok(!d.message.includes("could not evaluate"), `${d.policyName} threw: ${d.message}`);
                if (d.enforcementLevel === "mandatory") assertFinding(d.message);
            }
            for (const n of all.notApplicable) assert.ok(!n.reason.includes("SECRET"), `secret echoed by ${n.policyName}: ${n.reason}`);
            break;
        }
        case "passes":
            assert.deepStrictEqual(wire, { violations: [], advisories: [], notApplicable: undefined });
            break;
        case "violates":
            assert.deepStrictEqual(codesOf(outcomes, c.expected), c.expected.map(e => (e.field === undefined ? { code: e.code } : { code: e.code, field: e.field })));
            assert.deepStrictEqual(wire.advisories, []);
            break;
        case "undecided": {
            assert.deepStrictEqual(wire.violations, []);
            const fields = outcomes.flatMap(o => (o.kind === "undecided" ? [o.field] : []));
            assert.deepStrictEqual([...new Set(fields)].sort(), [...c.fields].sort());
            break;
        }
        case "notApplicable":
            assert.deepStrictEqual([...wire.violations, ...wire.advisories], []);
            assert.ok(wire.notApplicable !== undefined, "expected the policy to say it does not apply");
            assert.match(wire.notApplicable, c.reason);
            break;
    }
}

/** One `it` per case, against the shared pack process. */
export function policyCases(policy: string, cases: readonly Case[]): void {
    describe(policy, () => {
        const pack = usePack();
        for (const c of cases) it(caseTitle(c), () => run(pack, policy, c));
    });
}

// --- Stack policies ------------------------------------------------------------------------------------
// The same idea for AnalyzeStack: each case runs the whole stack through the protocol and through
// the policy's pure part (evaluateStack) in this process, on resources shaped as the SDK hands
// them to a stack policy, then asserts the wire says exactly what the outcomes say, resource by
// resource, and that the outcomes carry the expected codes and paths on the expected resources.

/** An expected violation on the resource named `on` ("" for the stack as a whole). */
export interface StackExpected {
    readonly on: string;
    readonly code: string;
    readonly field?: string;
}

export type StackCase =
    | { readonly kind: "stackPasses"; readonly resources: readonly ResourceInput[]; readonly knobs?: Knobs }
    | { readonly kind: "stackViolates"; readonly resources: readonly ResourceInput[]; readonly expected: readonly StackExpected[]; readonly knobs?: Knobs }
    | { readonly kind: "stackUndecided"; readonly resources: readonly ResourceInput[]; readonly expected: readonly { readonly on: string; readonly fields: readonly string[] }[]; readonly knobs?: Knobs }
    /**
     * The policy does not apply to the stack; or, with `on`, to that one resource (its outcomes are all
     * not-applicable, with the reason), while the rest of the stack passes.
     */
    | { readonly kind: "stackNotApplicable"; readonly resources: readonly ResourceInput[]; readonly reason: RegExp; readonly knobs?: Knobs; readonly on?: string }
    /** Garbage anywhere in the stack: the call answers, no check throws, no policy echoes a secret, the wire says what the outcomes say. */
    | { readonly kind: "stackGarbage"; readonly resources: readonly ResourceInput[]; readonly knobs?: Knobs }
    | { readonly kind: "stackMisconfigured"; readonly resources: readonly ResourceInput[]; readonly knobs: Knobs; readonly knob: string };

type Resources = readonly ResourceInput[];
export const stackPasses = (resources: Resources, knobs?: Knobs): StackCase => ({ kind: "stackPasses", resources, knobs });
export const stackViolates = (resources: Resources, expected: readonly StackExpected[], knobs?: Knobs): StackCase => ({ kind: "stackViolates", resources, expected, knobs });
export const stackUndecided = (resources: Resources, expected: readonly { on: string; fields: string | readonly string[] }[], knobs?: Knobs): StackCase => ({
    kind: "stackUndecided",
    resources,
    expected: expected.map(e => ({ on: e.on, fields: typeof e.fields === "string" ? [e.fields] : e.fields })),
    knobs,
});
export const stackNotApplicable = (resources: Resources, reason: RegExp, knobs?: Knobs, on?: string): StackCase => ({ kind: "stackNotApplicable", resources, reason, knobs, on });
export const stackGarbage = (resources: Resources, knobs?: Knobs): StackCase => ({ kind: "stackGarbage", resources, knobs });
export const stackMisconfigured = (resources: Resources, knobs: Knobs, knob: string): StackCase => ({ kind: "stackMisconfigured", resources, knobs, knob });

function stackDefinitionOf(policy: string): StackPolicyDefinition {
    const found = allPolicies.find(p => p.definition.name === policy);
    assert.ok(found, `the pack has no policy named ${policy}`);
    assert.ok("validateStack" in found.sdk, `${policy} is not a stack policy`);
    return found.definition as StackPolicyDefinition;
}

/**
 * The resources as the SDK hands them to a stack policy (server.js makeAnalyzeStackRpcFun): properties
 * deserialized from the wire, property dependencies resolved to the in-stack resource objects.
 */
export function policyResources(resources: Resources): Record<string, unknown>[] {
    const objects = resources.map(r => ({
        type: r.type,
        name: r.name,
        urn: r.urn ?? urnOf(r.type, r.name),
        props: deserializeProperties(Struct.fromJavaScript(encodeValue(r.props) as Record<string, never>), false),
        propertyDependencies: {} as Record<string, unknown[]>,
    }));
    const byUrn = new Map(objects.map(o => [o.urn, o]));
    resources.forEach((r, i) => {
        for (const [field, urns] of Object.entries(r.propertyDependencies ?? {})) {
            objects[i].propertyDependencies[field] = urns.map(u => byUrn.get(u)).filter(o => o !== undefined);
        }
    });
    return objects;
}

/** One diagnostic as the pack must send it for a stack policy. */
interface StackDiagnostic {
    readonly urn: string;
    readonly message: string;
    readonly advisory: boolean;
}

/**
 * The policy's outcomes for the stack, computed in this process (keyed by URN, in reporting order),
 * with the diagnostics and not-applicable reason they must render as.
 */
export function stackOutcomesOf(policy: string, resources: Resources, knobs: Knobs = {}): { outcomesByUrn: Map<string, Outcome[]>; diagnostics: StackDiagnostic[]; notApplicable?: string } {
    const definition = stackDefinitionOf(policy);
    const config = resolveKnobs(definition.knobs ?? {}, knobs);
    assert.ok(!isInvalidKnob(config), `invalid knobs for ${policy}: ${JSON.stringify(knobs)}`);
    const { outcomesByUrn, threw } = evaluateStack(definition, new Stack(policyResources(resources) as never), config as never);
    assert.deepStrictEqual(threw.map(t => `${t.subject.urn}: ${String(t.error)}`), [], "a check threw");
    const cite = citation(definition.hipaa, definition.hitrust);
    const diagnostics: StackDiagnostic[] = [];
    const reasons = new Set<string>();
    let applied = false;
    for (const [urn, outcomes] of outcomesByUrn) {
        const r = renderOutcomes(outcomes, cite);
        for (const d of r.diagnostics) diagnostics.push({ urn, message: d.message, advisory: d.advisory });
        if (r.notApplicable === undefined) applied = true;
        else reasons.add(r.notApplicable);
    }
    return { outcomesByUrn, diagnostics, notApplicable: !applied && reasons.size > 0 ? [...reasons].join("; ") : undefined };
}

function wireOf(result: AnalyzeResult, policy: string): { diagnostics: StackDiagnostic[]; notApplicable?: string } {
    return {
        diagnostics: result.diagnostics.filter(d => d.policyName === policy).map(d => ({ urn: d.urn, message: d.message, advisory: d.enforcementLevel === "advisory" })),
        notApplicable: result.notApplicable.find(n => n.policyName === policy)?.reason,
    };
}

function nameOf(resources: Resources, urn: string): string {
    if (urn === "") return "";
    const found = resources.filter(r => (r.urn ?? urnOf(r.type, r.name)) === urn);
    assert.strictEqual(found.length, 1, `no one resource has URN ${urn}`);
    return found[0].name;
}

function stackTitle(c: StackCase): string {
    const what =
        c.kind === "stackViolates" ? `violates ${c.expected.map(e => `${e.code}${e.field ? ` ${e.field}` : ""} on ${e.on || "the stack"}`).join(", ")}`
        : c.kind === "stackUndecided" ? `is undecided on ${c.expected.map(e => `${e.fields.join(", ")} of ${e.on}`).join("; ")}`
        : c.kind === "stackNotApplicable" ? `does not apply${c.on === undefined ? "" : ` to ${c.on}`} (${c.reason.source.slice(0, 60)})`
        : c.kind === "stackGarbage" ? "survives garbage"
        : c.kind === "stackMisconfigured" ? `reports ${c.knob} misconfigured`
        : "passes";
    const knobs = c.knobs ? ` with ${JSON.stringify(titleValue(c.knobs))}` : "";
    const shown = c.resources.map(r => `${r.type.split(":").pop()}${(r as { shape?: string }).shape === "outputs" ? " (outputs)" : ""} ${r.name}`).join(", ");
    return `${what}${knobs}: ${c.resources.length === 0 ? "an empty stack" : shown.length > 120 ? `${shown.slice(0, 117)}...` : shown}`;
}

async function runStack(pack: PackFixture, policy: string, c: StackCase): Promise<void> {
    const config = { [policy]: { ...(c.knobs ?? {}) } };
    const result = await pack.analyzeStack([...c.resources], config);
    const wire = wireOf(result, policy);
    // Whatever the case, no policy in the pack echoes a secret about this stack.
    for (const d of result.diagnostics) assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
    for (const n of result.notApplicable) assert.ok(!n.reason.includes("SECRET"), `secret echoed by ${n.policyName}: ${n.reason}`);
    if (c.kind === "stackMisconfigured") {
        const expected = misconfiguration(stackDefinitionOf(policy), c.knobs);
        assert.strictEqual(expected.knob, c.knob);
        assert.deepStrictEqual(wire, { diagnostics: [{ urn: "", message: expected.message, advisory: false }], notApplicable: undefined });
        return;
    }
    const computed = stackOutcomesOf(policy, c.resources, c.knobs);
    assert.deepStrictEqual(wire.diagnostics, computed.diagnostics, "what the pack said over the protocol is not what its outcomes say");
    if (computed.notApplicable !== undefined) assert.strictEqual(wire.notApplicable, computed.notApplicable);
    for (const d of wire.diagnostics) if (!d.advisory) assertFinding(d.message);
    const violations = [...computed.outcomesByUrn].flatMap(([urn, outcomes]) =>
        outcomes.flatMap(o => (o.kind === "violation" ? [{ on: nameOf(c.resources, urn), code: o.code, field: o.field }] : [])),
    );
    const undecidedOn = [...computed.outcomesByUrn].flatMap(([urn, outcomes]) => {
        const fields = [...new Set(outcomes.flatMap(o => (o.kind === "undecided" ? [o.field] : [])))].sort();
        return fields.length > 0 ? [{ on: nameOf(c.resources, urn), fields }] : [];
    });
    switch (c.kind) {
        case "stackPasses":
            assert.deepStrictEqual(wire, { diagnostics: [], notApplicable: undefined });
            break;
        case "stackViolates":
            assert.deepStrictEqual(
                violations.map((v, i) => (c.expected[i]?.field === undefined ? { on: v.on, code: v.code } : v)),
                c.expected.map(e => (e.field === undefined ? { on: e.on, code: e.code } : { on: e.on, code: e.code, field: e.field })),
            );
            assert.deepStrictEqual(undecidedOn, []);
            break;
        case "stackUndecided":
            assert.deepStrictEqual(violations, []);
            assert.deepStrictEqual(undecidedOn, c.expected.map(e => ({ on: e.on, fields: [...e.fields].sort() })));
            break;
        case "stackNotApplicable":
            assert.deepStrictEqual(wire.diagnostics, []);
            if (c.on === undefined) {
                assert.ok(wire.notApplicable !== undefined, "expected the policy to say it does not apply");
                assert.match(wire.notApplicable, c.reason);
                break;
            }
            {
                const exempt = [...computed.outcomesByUrn].filter(([urn]) => nameOf(c.resources, urn) === c.on).flatMap(([, outcomes]) => outcomes);
                assert.ok(exempt.length > 0 && exempt.every(o => o.kind === "notApplicable"), `expected only not-applicable outcomes on ${c.on}: ${JSON.stringify(exempt)}`);
                for (const o of exempt) if (o.kind === "notApplicable") assert.match(o.reason, c.reason);
            }
            break;
        case "stackGarbage":
            for (const d of result.diagnostics) {
                assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
                assert.ok(!d.message.includes("could not evaluate"), `${d.policyName} threw: ${d.message}`);
            }
            break;
    }
}

/** One `it` per case, against the shared pack process. */
export function stackCases(policy: string, cases: readonly StackCase[]): void {
    describe(policy, () => {
        const pack = usePack();
        for (const c of cases) it(stackTitle(c), () => runStack(pack, policy, c));
    });
}
