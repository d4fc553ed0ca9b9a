// docs/coverage.md and docs/facts.md are generated and up to date; every anchor rule is in the
// coverage table, and every policy's anchors name real rules.

import * as assert from "assert";
import * as fs from "fs";
import { allPolicies } from "../policies/registry";
import { coveragePath, parseCsv, readAnchors, renderCoverage } from "../tools/lib/coverage";
import { factsPath, renderFacts } from "../tools/lib/facts-table";

describe("coverage and facts docs", () => {
    it("docs/coverage.md is up to date (run npm run docs)", () => {
        assert.strictEqual(fs.readFileSync(coveragePath, "utf8"), renderCoverage());
    });

    it("docs/facts.md is up to date (run npm run docs)", () => {
        assert.strictEqual(fs.readFileSync(factsPath, "utf8"), renderFacts());
    });

    it("lists every rule of both anchor sets, all 130 AWS Config rules among them", () => {
        const aws = readAnchors("aws-config-hipaa.csv");
        const gcp = readAnchors("gcp-hipaa.csv");
        assert.strictEqual(aws.length, 130);
        const doc = renderCoverage();
        for (const r of aws) assert.ok(doc.includes(`| \`${r.rule}\` |`), `coverage lacks ${r.rule}`);
        for (const r of gcp) assert.ok(doc.includes(`| \`${r.id}\` |`), `coverage lacks ${r.id}`);
    });

    it("every policy's anchors name rules that exist", () => {
        const aws = new Set(readAnchors("aws-config-hipaa.csv").map(r => r.rule));
        const gcp = new Set(readAnchors("gcp-hipaa.csv").map(r => r.id));
        for (const { definition } of allPolicies) {
            for (const rule of definition.anchors?.awsConfig ?? []) assert.ok(aws.has(rule), `${definition.name} answers unknown AWS Config rule ${rule}`);
            for (const id of definition.anchors?.gcp ?? []) assert.ok(gcp.has(id), `${definition.name} answers unknown GCP rule ${id}`);
        }
    });

    it("parses quoted CSV fields with commas, quotes and newlines", () => {
        assert.deepStrictEqual(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n'), [{ a: "x, y", b: 'say "hi"\nthere' }]);
    });
});
