// Stack-policy tests: resources with URNs and property dependencies, run through AnalyzeStack and
// through the policy's own evaluation in this process, so a test asserts which resource each
// finding is about and its code, and that what crossed the wire is what the outcomes say.

import * as assert from "assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { resolveKnobs } from "../policies/lib/knobs";
import { allPolicies } from "../policies/registry";
import { evaluateStack, HipaaStackPolicy, Stack } from "../policies/lib/stack";
import { encodeValue, ResourceInput, urnOf } from "../tools/lib/analyzer-client";
import { assertFinding, PackFixture } from "./pack";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown> };

export function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = {}): ResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(deps)) propertyDependencies[field] = list.map(r => r.urn!);
    return { type, name, props, urn: urnOf(type, name), propertyDependencies };
}

/** What a stack policy concluded, per resource: violation codes, and whether something was undecided. */
export interface StackVerdict {
    readonly violations: readonly { readonly urn: string; readonly code: string }[];
    readonly undecided: readonly string[];
}

function inProcess(policy: string, resources: readonly ResourceInput[], knobs: Record<string, unknown>): StackVerdict {
    const found = allPolicies.find(p => p.definition.name === policy) as HipaaStackPolicy | undefined;
    assert.ok(found && "validateStack" in found.sdk, `the pack has no stack policy named ${policy}`);
    const byUrn = new Map(resources.map(r => [r.urn!, r]));
    const sdkResources = resources.map(r => ({
        type: r.type,
        name: r.name,
        urn: r.urn!,
        props: deserializeProperties(Struct.fromJavaScript(encodeValue(r.props) as Record<string, never>), false),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([f, urns]) => [f, urns.map(u => ({ urn: u, type: byUrn.get(u)?.type }))])),
    }));
    const config = resolveKnobs(found.definition.knobs ?? {}, knobs);
    const { outcomesByUrn, threw } = evaluateStack(found.definition, new Stack(sdkResources as never), config as never);
    assert.deepStrictEqual(threw, [], "the check threw");
    const violations: { urn: string; code: string }[] = [];
    const undecided: string[] = [];
    for (const [urn, outcomes] of outcomesByUrn) {
        for (const o of outcomes) if (o.kind === "violation") violations.push({ urn, code: o.code });
        if (outcomes.some(o => o.kind === "undecided")) undecided.push(urn);
    }
    return { violations, undecided };
}

/**
 * The policy's verdict on a stack; asserts that the wire carried one mandatory finding per
 * violation and one advisory per undecided resource, each on the resource it is about.
 */
export async function verdict(pack: PackFixture, policy: string, resources: ResourceInput[], knobs: Record<string, unknown> = {}): Promise<StackVerdict> {
    const expected = inProcess(policy, resources, knobs);
    const result = await pack.analyzeStack(resources, { [policy]: knobs });
    const mine = result.diagnostics.filter(d => d.policyName === policy);
    for (const d of mine) {
        assert.ok(!d.message.includes("SECRET"), `secret echoed: ${d.message}`);
        if (d.enforcementLevel !== "advisory") assertFinding(d.message);
    }
    assert.deepStrictEqual(mine.filter(d => d.enforcementLevel !== "advisory").map(d => d.urn).sort(), expected.violations.map(v => v.urn).sort(), "mandatory findings on the wire");
    assert.deepStrictEqual(mine.filter(d => d.enforcementLevel === "advisory").map(d => d.urn).sort(), [...expected.undecided].sort(), "advisories on the wire");
    return expected;
}
