// Stack-policy tests until the shared stackCases harness lands (tests/cases.ts): each stack goes
// through AnalyzeStack, as the engine sends it, and through the policy's own evaluateStack in this
// process on the same properties (as the SDK deserializes them); what crossed the wire must be what
// the outcomes say, and the assertions are on outcome codes and fields per resource.

import * as assert from "assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { citation } from "../policies/lib/catalog";
import { resolveKnobs } from "../policies/lib/knobs";
import { Outcome } from "../policies/lib/outcome";
import { renderOutcomes } from "../policies/lib/policy";
import { evaluateStack, Stack, StackPolicyDefinition } from "../policies/lib/stack";
import { allPolicies } from "../policies/registry";
import { encodeValue, ResourceInput, urnOf } from "../tools/lib/analyzer-client";
import { assertFinding, PackFixture } from "./pack";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown> };

/** A resource; `deps` maps a property to the resources its value was computed from. */
export function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = {}): ResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(deps)) propertyDependencies[field] = list.map(r => r.urn!);
    return { type, name, props, urn: urnOf(type, name), propertyDependencies };
}

type Knobs = Record<string, unknown>;

/** What the policy concluded about each resource it reported on. */
export interface StackResult {
    readonly byUrn: Map<string, Outcome[]>;
    readonly notApplicable?: string;
}

function definitionOf(policy: string): StackPolicyDefinition {
    const found = allPolicies.find(p => p.definition.name === policy);
    assert.ok(found && "validateStack" in found.sdk, `${policy} is not a stack policy of the pack`);
    return found.definition as StackPolicyDefinition;
}

/** Runs `resources` through the pack and in process, asserts both agree, and returns the outcomes. */
export async function runStack(pack: PackFixture, policy: string, resources: ResourceInput[], knobs: Knobs = {}): Promise<StackResult> {
    const definition = definitionOf(policy);
    const stack = new Stack(
        resources.map(r => ({
            type: r.type,
            name: r.name,
            urn: r.urn ?? urnOf(r.type, r.name),
            props: deserializeProperties(Struct.fromJavaScript(encodeValue(r.props) as Record<string, never>), false),
            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, urns]) => [k, urns.map(urn => ({ urn }))])),
        })) as never,
    );
    const config = resolveKnobs(definition.knobs ?? {}, knobs);
    assert.ok(!("allowed" in config && "name" in config), `invalid knobs for ${policy}`);
    const { outcomesByUrn, threw } = evaluateStack(definition, stack, config as never);
    assert.deepStrictEqual(threw.map(t => String(t.error)), [], "the check threw");

    const result = await pack.analyzeStack(resources, { [policy]: knobs });
    for (const d of result.diagnostics) assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
    const mine = result.diagnostics.filter(d => d.policyName === policy);
    const cite = citation(definition.hipaa, definition.hitrust);
    for (const [urn, outcomes] of outcomesByUrn) {
        const r = renderOutcomes(outcomes, cite);
        const wire = mine.filter(d => d.urn === urn).map(d => ({ message: d.message, advisory: d.enforcementLevel === "advisory" }));
        assert.deepStrictEqual(wire, r.diagnostics, `what the pack said about ${urn} is not what its outcomes say`);
        for (const d of wire) if (!d.advisory) assertFinding(d.message);
    }
    assert.deepStrictEqual(mine.filter(d => !outcomesByUrn.has(d.urn)), [], "the pack reported on a resource the outcomes do not name");
    return { byUrn: outcomesByUrn, notApplicable: result.notApplicable.find(n => n.policyName === policy)?.reason };
}

export interface Expected {
    readonly code: string;
    readonly field?: string;
}

function violationsOf(r: StackResult, urn: string): Expected[] {
    return (r.byUrn.get(urn) ?? []).flatMap(o => (o.kind === "violation" ? [{ code: o.code, field: o.field }] : []));
}
function undecidedOf(r: StackResult, urn: string): string[] {
    return [...new Set((r.byUrn.get(urn) ?? []).flatMap(o => (o.kind === "undecided" ? [o.field] : [])))].sort();
}

/** No resource has a violation or an undecided field, and the policy applied. */
export function assertPasses(r: StackResult): void {
    for (const [urn] of r.byUrn) {
        assert.deepStrictEqual(violationsOf(r, urn), [], `violation on ${urn}`);
        assert.deepStrictEqual(undecidedOf(r, urn), [], `undecided on ${urn}`);
    }
    assert.strictEqual(r.notApplicable, undefined);
}

/** Exactly these violations on `urn` (fields compared when given), and nothing undecided there. */
export function assertViolates(r: StackResult, urn: string, ...expected: Expected[]): void {
    const got = violationsOf(r, urn).map((v, i) => (expected[i]?.field === undefined ? { code: v.code } : v));
    assert.deepStrictEqual(got, expected.map(e => (e.field === undefined ? { code: e.code } : e)), JSON.stringify([...r.byUrn], null, 1));
    assert.deepStrictEqual(undecidedOf(r, urn), []);
}

/** No violation on `urn`, and exactly these fields undecided. */
export function assertUndecided(r: StackResult, urn: string, ...fields: string[]): void {
    assert.deepStrictEqual(violationsOf(r, urn), [], JSON.stringify([...r.byUrn], null, 1));
    assert.deepStrictEqual(undecidedOf(r, urn), [...fields].sort());
}

/** `urn` has only not-applicable outcomes whose reason matches. */
export function assertNotApplicable(r: StackResult, urn: string, reason: RegExp): void {
    const outcomes = r.byUrn.get(urn) ?? [];
    assert.ok(outcomes.length > 0 && outcomes.every(o => o.kind === "notApplicable"), JSON.stringify(outcomes));
    for (const o of outcomes) if (o.kind === "notApplicable") assert.match(o.reason, reason);
}
