// The generated docs match the policies' metadata, and every control the seeds and policies name
// is in the catalog and the traceability table.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { hipaaSections, hitrustControls } from "../policies/lib/catalog";
import { allPolicies } from "../policies/registry";
import { readmePath, readmeWithTable, renderTraceability, traceabilityPath } from "../tools/lib/docs";

/** The HITRUST control IDs the ElastiCache HITRUST guide (research seed 003) cites, kept in the repository with where they came from. */
const guide = path.resolve(__dirname, "..", "docs", "sources", "elasticache-hitrust-guide.json");

describe("generated docs and control traceability", () => {
    it("the README's generated parts (coverage statement, policy table) are up to date (run npm run docs)", () => {
        const readme = fs.readFileSync(readmePath, "utf8");
        assert.strictEqual(readme, readmeWithTable(readme));
    });

    it("docs/traceability.md is up to date (run npm run docs)", () => {
        assert.strictEqual(fs.readFileSync(traceabilityPath, "utf8"), renderTraceability());
    });

    it("every policy cites only controls the catalog knows", () => {
        for (const { definition } of allPolicies) {
            for (const ref of definition.hipaa) assert.ok(ref in hipaaSections, `${definition.name} cites unknown HIPAA §${ref}`);
            for (const id of definition.hitrust) assert.ok(id in hitrustControls, `${definition.name} cites unknown HITRUST ${id}`);
        }
    });

    it("every HITRUST control ID in the ElastiCache guide (seed 003, docs/sources/) is in the catalog and the traceability table", () => {
        const data = JSON.parse(fs.readFileSync(guide, "utf8")) as { source: { title: string; published: string }; steps: { step: string; controls: { id: string; segment: string; topic: string }[] }[] };
        assert.match(data.source.title, /ElastiCache for Redis HITRUST CSF Configuration Guide/);
        const controls = data.steps.flatMap(s => s.controls);
        const ids = new Set(controls.map(c => c.id));
        assert.strictEqual(ids.size, 16, `the guide cites 16 distinct HITRUST controls, the file lists ${ids.size}`);
        const table = renderTraceability();
        for (const { id, segment } of controls) {
            assert.match(id, /^\d{4,5}\.\d{2}[a-z]{1,2}\d$/);
            assert.ok(id in hitrustControls, `seed 003 names HITRUST ${id}, the catalog does not`);
            assert.strictEqual(hitrustControls[id as keyof typeof hitrustControls].segment, segment, `the catalog's segment for ${id} differs from the guide's`);
            assert.ok(table.includes(`| ${id} `), `traceability table lacks ${id}`);
        }
    });

    it("every control in the catalog is enforced by a policy or says why it cannot be checked", () => {
        for (const line of renderTraceability().split("\n").filter(l => l.startsWith("| §") || /^\| \d/.test(l))) {
            assert.ok(!line.includes("no policy yet"), `a control with neither a policy nor a reason: ${line}`);
        }
    });
});
