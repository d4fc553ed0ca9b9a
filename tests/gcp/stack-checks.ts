// Stack-policy checks for the GCP stack policies, until the shared stackCases harness lands: each
// stack goes through AnalyzeStack over the protocol and through the policy's check in this process
// (evaluateStack, on the properties as the SDK deserializes them), and the two must agree on which
// resource gets which finding; the in-process outcomes give the codes.

import * as assert from "assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { resolveKnobs } from "../../policies/lib/knobs";
import { evaluateStack, Stack, StackPolicyDefinition } from "../../policies/lib/stack";
import { allPolicies } from "../../policies/registry";
import { encodeValue, ResourceInput, urnOf } from "../../tools/lib/analyzer-client";
import { assertFinding, PackFixture } from "../pack";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown> };

/** A resource with a URN; `deps` maps a property to the resources its value was computed from. */
export function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = {}): ResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(deps)) propertyDependencies[field] = list.map(r => r.urn!);
    return { type, name, props, urn: urnOf(type, name), propertyDependencies };
}

/** What a resource must get: violation codes (with fields), "undecided", or nothing ("pass"). */
export type Expect = readonly { code: string; field?: string }[] | "undecided" | "pass";

function definitionOf(policy: string): StackPolicyDefinition {
    const found = allPolicies.find(p => p.definition.name === policy);
    assert.ok(found && "validateStack" in found.sdk, `${policy} is not a stack policy of the pack`);
    return found.definition as StackPolicyDefinition;
}

/** Runs the stack both ways and asserts what each resource in `expected` gets (others get nothing but passes or not-applicable). */
export async function expectStack(pack: PackFixture, policy: string, resources: ResourceInput[], expected: Record<string, Expect>, knobs: Record<string, unknown> = {}): Promise<void> {
    const definition = definitionOf(policy);
    const stack = new Stack(
        resources.map(r => ({
            type: r.type,
            name: r.name,
            urn: r.urn ?? urnOf(r.type, r.name),
            props: deserializeProperties(Struct.fromJavaScript(encodeValue(r.props) as Record<string, never>), false),
            propertyDependencies: Object.fromEntries(Object.entries((r as { propertyDependencies?: Record<string, string[]> }).propertyDependencies ?? {}).map(([k, urns]) => [k, urns.map(urn => ({ urn }))])),
        })) as never,
    );
    const config = resolveKnobs(definition.knobs ?? {}, knobs);
    const { outcomesByUrn, threw } = evaluateStack(definition, stack, config as never);
    assert.deepStrictEqual(threw.map(t => t.subject.urn), [], "the check threw");

    const result = await pack.analyzeStack(resources, { [policy]: knobs });
    const mine = result.diagnostics.filter(d => d.policyName === policy);
    for (const d of result.diagnostics) assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
    for (const r of resources) {
        const urn = r.urn ?? urnOf(r.type, r.name);
        const outcomes = outcomesByUrn.get(urn) ?? [];
        const violations = outcomes.flatMap(o => (o.kind === "violation" ? [o] : []));
        const wire = mine.filter(d => d.urn === urn);
        const wireViolations = wire.filter(d => d.enforcementLevel !== "advisory");
        wireViolations.forEach(d => assertFinding(d.message));
        assert.strictEqual(wireViolations.length, violations.length, `${r.name}: the wire and the outcomes disagree`);
        const want = expected[r.name] ?? "pass";
        if (want === "undecided") {
            assert.deepStrictEqual(violations, [], `${r.name} has violations`);
            assert.strictEqual(wire.filter(d => d.enforcementLevel === "advisory").length, 1, `${r.name} is not undecided`);
        } else if (want === "pass") {
            assert.deepStrictEqual(wire, [], `${r.name} got findings: ${wire.map(d => d.message).join("\n")}`);
        } else {
            assert.deepStrictEqual(
                violations.map((v, i) => (want[i]?.field === undefined ? { code: v.code } : { code: v.code, field: v.field })),
                want.map(w => (w.field === undefined ? { code: w.code } : { code: w.code, field: w.field })),
                `${r.name}: codes`,
            );
        }
    }
}
