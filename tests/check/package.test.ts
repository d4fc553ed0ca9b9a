// Publishability: what `npm pack` puts in the tarball is the compiled pack and what it needs, and
// the unpacked tarball, installed with production dependencies only (no @pulumi/aws, no
// @pulumi/gcp), starts through run-policy-pack and lists every policy.

import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { PolicyPackProcess, repoRoot } from "../../tools/lib/analyzer-client";
import { allPolicies } from "../../policies/registry";

const run = promisify(execFile);

describe("the npm package", function () {
    // Installing production dependencies takes about ten seconds from npm's cache; allow for a cold one.
    this.timeout(300_000);
    let work: string;
    let files: string[] = [];
    let unpacked: string;
    let pack: PolicyPackProcess | undefined;

    before(async () => {
        // Outside the repository, so nothing can resolve from the repository's node_modules.
        work = fs.mkdtempSync(path.join(os.tmpdir(), "hipaa-guard-package-"));
        const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: repoRoot });
        const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
        files = packed.files.map(f => f.path).sort();
        await run("tar", ["-xzf", path.join(work, packed.filename), "-C", work]);
        unpacked = path.join(work, "package");
        await run("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: unpacked });
    });

    after(async () => {
        await pack?.stop();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("holds the compiled pack, PulumiPolicy.yaml and package.json, and no sources, samples or tools", () => {
        const compiled = fs
            .readdirSync(path.join(repoRoot, "dist", "policies"), { recursive: true, encoding: "utf8" })
            .filter(f => f.endsWith(".js"))
            .map(f => path.posix.join("dist/policies", f.split(path.sep).join("/")));
        for (const f of ["package.json", "PulumiPolicy.yaml", "dist/policies/index.js", "dist/policies/registry.js", ...compiled]) {
            assert.ok(files.includes(f), `the tarball lacks ${f}`);
        }
        const stray = files.filter(f => !/^(package\.json|PulumiPolicy\.yaml|README\.md|LICENSE|dist\/policies\/.+\.js)$/.test(f));
        assert.deepStrictEqual(stray, [], "the tarball holds files the pack does not need");
    });

    it("installs with production dependencies only: no cloud SDKs", () => {
        const modules = path.join(unpacked, "node_modules", "@pulumi");
        assert.ok(fs.existsSync(path.join(modules, "policy")), "@pulumi/policy is not installed");
        assert.ok(fs.existsSync(path.join(modules, "pulumi")), "@pulumi/pulumi is not installed");
        for (const sdk of ["aws", "gcp"]) assert.ok(!fs.existsSync(path.join(modules, sdk)), `@pulumi/${sdk} was installed`);
    });

    it("starts through run-policy-pack and answers GetAnalyzerInfo with every policy", async () => {
        pack = await PolicyPackProcess.start(unpacked);
        const info = await pack.getAnalyzerInfo();
        const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8"));
        assert.strictEqual(info.name, "hipaa-guard");
        assert.strictEqual(info.version, manifest.version);
        assert.deepStrictEqual(info.policies.map(p => p.name).sort(), allPolicies.map(p => p.definition.name).sort());

        // And it judges: a key without rotation is a violation.
        await pack.configure(info);
        const result = await pack.analyze({ type: "aws:kms/key:Key", name: "key", props: { enableKeyRotation: false } });
        assert.ok(result.diagnostics.some(d => d.policyName === "aws-kms-key-rotation" && d.enforcementLevel === "mandatory"));
    });
});
