// Property-based test: thousands of generated garbage and partly-unknown property bags, for every
// resource type the pack knows, through the analyzer protocol. No call may fail, no policy may hit
// the exception shield, no secret may appear in any output, and every finding is complete.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { allPolicies } from "../policies/registry";
import { AnalyzeResult, repoRoot, Secret, unknown, urnOf } from "../tools/lib/analyzer-client";
import { assertFinding, usePack } from "./pack";

const CANARY = "canary-SECRET-7f3a9c";
const runsPerType = Number(process.env.FUZZ_RUNS_PER_TYPE ?? 400);

/** Every string literal in the pack's policy sources: the property names and enum values it reads. */
function policyVocabulary(): { keys: string[]; words: string[] } {
    const keys = new Set<string>();
    const words = new Set<string>();
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith(".ts")) {
                for (const m of fs.readFileSync(full, "utf8").matchAll(/"([A-Za-z0-9_.:\/-]{1,60})"/g)) {
                    (/^[a-z][A-Za-z0-9]*$/.test(m[1]) ? keys : words).add(m[1]);
                }
            }
        }
    };
    walk(path.join(repoRoot, "policies"));
    return { keys: [...keys].sort(), words: [...words].sort() };
}

const { keys, words } = policyVocabulary();
// IAM member, binding and policy types that the same policies check (every service's IAM, read by one
// reader that goes by the class name's suffix) behave alike: each such group is fuzzed through one type.
const iamShape = /I[Aa][Mm](Member|Binding|Policy)$/;
const checkedBy = (type: string) => allPolicies.filter(p => p.definition.types.includes(type)).map(p => p.definition.name).join(",");
const types = (() => {
    const seen = new Set<string>();
    return [...new Set(allPolicies.flatMap(p => p.definition.types))].sort().filter(t => {
        const shape = iamShape.exec(t);
        if (!shape) return true;
        const key = `${checkedBy(t)}|${shape[1]}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
})();

const scalar = fc.oneof(
    fc.constant(unknown),
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom("true", "false", "TRUE", "1", "0", "", " ", CANARY),
    fc.constantFrom(...words),
    fc.constantFrom(...keys),
    fc.integer({ min: -10, max: 5000 }),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 12 }),
    fc.constant(new Secret(CANARY)),
);

const { value } = fc.letrec<{ value: unknown; bag: Record<string, unknown> }>(tie => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar,
        fc.array(tie("value"), { maxLength: 4 }),
        tie("bag"),
        tie("value").map(v => new Secret(v)),
    ),
    bag: fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 6 }),
}));
const bag = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 14 });

function assertWellFormed(result: AnalyzeResult): void {
    for (const d of result.diagnostics) {
        assert.ok(!d.message.includes(CANARY), `${d.policyName} echoed a secret: ${d.message}`);
        assert.ok(!d.message.includes("could not evaluate"), `${d.policyName} threw on its input: ${d.message}`);
        assert.ok(!d.message.includes("can't run policy"), `${d.policyName} tripped the unknown proxy: ${d.message}`);
        if (d.enforcementLevel === "advisory") assert.match(d.message, /^Undecided at preview: /);
        else assertFinding(d.message);
    }
    for (const n of result.notApplicable) assert.ok(!n.reason.includes(CANARY));
}

describe("generated garbage and partly-unknown inputs", function () {
    this.timeout(10 * 60 * 1000);
    const pack = usePack();

    it(`finds a vocabulary of property names to generate from`, () => {
        assert.ok(keys.length > 20 && types.length > 0, `keys ${keys.length}, types ${types.length}`);
    });

    for (const type of types) {
        it(`Analyze never fails on ${runsPerType} generated ${type} inputs`, async () => {
            await fc.assert(
                fc.asyncProperty(bag, async props => {
                    assertWellFormed(await pack.analyze({ type, name: "fuzzed", props }));
                }),
                { numRuns: runsPerType, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
            );
        });
    }

    it("AnalyzeStack never fails on generated stacks of known types with dangling and unknown references", async () => {
        const resource = fc.record({ type: fc.constantFrom(...types), name: fc.constantFrom("a", "b", "c", "d"), props: bag });
        await fc.assert(
            fc.asyncProperty(fc.array(resource, { maxLength: 12 }), fc.array(fc.tuple(fc.nat(11), fc.constantFrom(...keys), fc.nat(11))), async (rs, deps) => {
                const resources = rs.map((r, i) => ({ ...r, name: `${r.name}${i}`, urn: urnOf(r.type, `${r.name}${i}`), propertyDependencies: {} as Record<string, string[]> }));
                for (const [from, key, to] of deps) {
                    if (resources[from] && resources[to]) resources[from].propertyDependencies[key] = [resources[to].urn, "urn:pulumi:dev::elsewhere::x::y"];
                }
                assertWellFormed(await pack.analyzeStack(resources));
            }),
            { numRuns: Math.max(50, Math.floor(runsPerType / 2)), seed: Number(process.env.FUZZ_SEED ?? 20261123) },
        );
    });
});
