// The generated docs match the policies' metadata, and every control the seeds and policies name
// is in the catalog and the traceability table.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { hipaaSections, hitrustControls } from "../policies/lib/catalog";
import { allPolicies } from "../policies/registry";
import { readmePath, readmeWithTable, renderTraceability, traceabilityPath } from "../tools/lib/docs";

const seed003 = path.resolve(__dirname, "..", "..", "shared", "seeds", "003_77a022c2c19be0fb.txt");

describe("generated docs and control traceability", () => {
    it("the README's policy table is up to date (run npm run docs)", () => {
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

    it("every HITRUST control ID in the ElastiCache guide (seed 003) is in the catalog and the traceability table", function () {
        if (!fs.existsSync(seed003)) this.skip();
        const ids = [...fs.readFileSync(seed003, "utf8").matchAll(/HITRUST (\d{4,5}\.\d{2}[a-z]{1,2}\d)/g)].map(m => m[1]);
        assert.ok(ids.length >= 15, `found ${ids.length} IDs`);
        const table = renderTraceability();
        for (const id of new Set(ids)) {
            assert.ok(id in hitrustControls, `seed 003 names HITRUST ${id}, the catalog does not`);
            assert.ok(table.includes(`| ${id} `), `traceability table lacks ${id}`);
        }
    });

    it("every control in the catalog is enforced by a policy or says why it cannot be checked", () => {
        for (const line of renderTraceability().split("\n").filter(l => l.startsWith("| §") || /^\| \d/.test(l))) {
            assert.ok(!line.includes("no policy yet"), `a control with neither a policy nor a reason: ${line}`);
        }
    });
});
