// Table-style policy tests. Each case runs the resource through the analyzer protocol, as the
// engine does, and through the policy's own check in this process on the same properties (as the
// SDK deserializes them), then asserts:
// - what crossed the wire is exactly what the outcomes say (rendered by the pack's own reporter);
// - the outcomes carry the expected codes and property paths (never matched on wording).

import * as assert from "assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { citation } from "../policies/lib/catalog";
import { resolveKnobs } from "../policies/lib/knobs";
import { Outcome } from "../policies/lib/outcome";
import { PolicyDefinition, renderOutcomes } from "../policies/lib/policy";
import { Props } from "../policies/lib/props";
import { allPolicies } from "../policies/registry";
import { encodeValue, ResourceInput, urnOf } from "../tools/lib/analyzer-client";
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
    /** Garbage (wrong types, nested unknowns, secrets marked SECRET): the call answers, echoes no secret, and says what the outcomes say. */
    | { readonly kind: "garbage"; readonly resource: ResourceInput; readonly knobs?: Knobs }
    /** Under enforcement level remediate: the properties after the fix (the patch over the input), or no fix at all. */
    | { readonly kind: "remediates"; readonly resource: ResourceInput; readonly patch: Record<string, unknown> | "nothing"; readonly knobs?: Knobs };

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
export const garbage = (resource: ResourceInput): Case => ({ kind: "garbage", resource });
export const remediates = (resource: ResourceInput, patch: Record<string, unknown> | "nothing", knobs?: Knobs): Case => ({ kind: "remediates", resource, patch, knobs });

function definitionOf(policy: string): PolicyDefinition {
    const found = allPolicies.find(p => p.definition.name === policy);
    assert.ok(found, `the pack has no policy named ${policy}`);
    assert.ok(!("validateStack" in found.sdk), `${policy} is a stack policy`);
    return found.definition as PolicyDefinition;
}

/** The policy's outcomes for `resource`, computed in this process on the properties as the SDK deserializes them. */
export function outcomesOf(policy: string, resource: ResourceInput, knobs: Knobs = {}): readonly Outcome[] {
    const definition = definitionOf(policy);
    const props = deserializeProperties(Struct.fromJavaScript(encodeValue(resource.props) as Record<string, never>), false);
    const config = resolveKnobs(definition.knobs ?? {}, knobs);
    assert.ok(!("allowed" in config && "name" in config), `invalid knobs for ${policy}: ${JSON.stringify(knobs)}`);
    const urn = resource.urn ?? urnOf(resource.type, resource.name);
    const result = definition.check({ type: resource.type, name: resource.name, urn, props: new Props(props) }, config as never);
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

function title(c: Case): string {
    // A factory-made resource carries what the case changed; anything else is shown whole.
    const shown = (c.resource as { changes?: Record<string, unknown> }).changes ?? c.resource.props;
    const marked = Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v === undefined ? "(omitted)" : v]));
    const props = JSON.stringify(encodeValue(marked)).replace(/04da6b54-80e4-46f7-96ec-b56ff0331ba9/g, "?").slice(0, 140);
    const what =
        c.kind === "violates" ? `violates ${c.expected.map(e => e.code + (e.field ? ` ${e.field}` : "")).join(", ")}`
        : c.kind === "undecided" ? `is undecided on ${c.fields.join(", ")}`
        : c.kind === "remediates" ? (c.patch === "nothing" ? "changes nothing" : `remediates ${Object.keys(c.patch).join(", ")}`)
        : c.kind === "notApplicable" ? "does not apply"
        : c.kind === "garbage" ? "survives garbage"
        : "passes";
    const knobs = c.knobs ? ` with ${JSON.stringify(c.knobs)}` : "";
    return `${what}${knobs}: ${c.resource.type.split(":").pop()} ${props}`;
}

async function run(pack: PackFixture, policy: string, c: Case): Promise<void> {
    const config = { [policy]: { ...(c.kind === "remediates" ? { enforcementLevel: "remediate" as const } : {}), ...(c.knobs ?? {}) } };
    if (c.kind === "remediates") {
        const result = await pack.remediate(c.resource, config);
        const mine = result.remediations.filter(r => r.policyName === policy);
        if (c.patch === "nothing") return assert.deepStrictEqual(mine, []);
        assert.strictEqual(mine.length, 1, `expected one remediation, got ${JSON.stringify(result)}`);
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
            for (const d of all.diagnostics) assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
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
        for (const c of cases) it(title(c), () => run(pack, policy, c));
    });
}
