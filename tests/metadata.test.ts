// Every policy the pack ships publishes, through GetAnalyzerInfo, what Pulumi Cloud shows: its
// severity, framework, tags, remediation steps, link and config schema, all from the control catalog.

import * as assert from "assert";
import { allPolicies } from "../policies/registry";
import { usePack } from "./pack";

describe("policy metadata", () => {
    const pack = usePack();

    it("GetAnalyzerInfo lists every registered policy, and nothing else", () => {
        assert.deepStrictEqual(pack.info.policies.map(p => p.name).sort(), allPolicies.map(p => p.definition.name).sort());
        assert.strictEqual(pack.info.name, "hipaa-guard");
    });

    for (const { definition } of allPolicies) {
        it(`${definition.name} publishes its catalog metadata`, () => {
            const p = pack.info.policies.find(x => x.name === definition.name)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.ok(p.severity > 0, "severity");
            assert.deepStrictEqual(p.framework, {
                name: "HIPAA Security Rule",
                version: "45 CFR Part 164 Subpart C",
                reference: `§${definition.hipaa[0]}`,
                specification: p.framework!.specification,
            });
            assert.ok(p.framework!.specification.length > 3);
            const cloud = definition.types[0].split(":")[0];
            for (const tag of ["hipaa", "hitrust", cloud, ...definition.hipaa.map(h => `hipaa:${h}`), ...definition.hitrust.map(h => `hitrust:${h}`)]) {
                assert.ok(p.tags.includes(tag), `tag ${tag}`);
            }
            assert.ok(p.remediationSteps.length > 40, "remediation steps");
            assert.match(p.url, /^https:\/\/www\.ecfr\.gov\/current\/title-45\/section-164\.\d+$/);
            assert.match(p.description, /\[HIPAA §164\.[^\]]+; HITRUST [^\]]+\]$/);
            const knobs = p.configSchema!.properties;
            assert.ok(knobs.waivers && knobs.scope, "the common knobs");
            for (const [name, schema] of Object.entries(knobs)) {
                assert.ok(typeof schema.description === "string" && schema.description.length > 10, `knob ${name} is described`);
                assert.ok(schema.default !== undefined, `knob ${name} has a default`);
            }
        });
    }

    it("every resource policy either remediates or says which decision needs a person", () => {
        for (const { definition } of allPolicies) {
            if (!("remediate" in definition) && !("noAutoRemediation" in definition)) {
                // Stack policies are never asked to remediate by the engine.
                assert.ok(!("validateResource" in allPolicies.find(p => p.definition === definition)!.sdk), `${definition.name} says nothing about remediation`);
            }
        }
    });
});
