// Publishability: `npm pack` (what `pulumi policy publish` runs for a Node.js pack) on a fresh
// clone, with no dist/ yet, builds the pack (prepack) and puts in the tarball the bundled pack and
// what it needs; the unpacked tarball, installed with production dependencies only (no
// @pulumi/aws, no @pulumi/gcp), starts through run-policy-pack and lists every policy.

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
    let clone: string;
    let files: string[] = [];
    let unpacked: string;
    let pack: PolicyPackProcess | undefined;

    before(async () => {
        // Outside the repository, so nothing can resolve from the repository's node_modules.
        work = fs.mkdtempSync(path.join(os.tmpdir(), "hipaa-guard-package-"));
        // A fresh clone: the repository's files (committed or not, as git sees them), no dist/;
        // node_modules is linked rather than installed again.
        clone = path.join(work, "clone");
        const { stdout: listed } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot });
        for (const f of listed.split("\0").filter(f => f !== "" && fs.existsSync(path.join(repoRoot, f)))) {
            fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
            fs.copyFileSync(path.join(repoRoot, f), path.join(clone, f));
        }
        assert.ok(!fs.existsSync(path.join(clone, "dist")), "git tracks dist/");
        fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(clone, "node_modules"), "dir");
        const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: clone });
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

    it("builds dist/ first (prepack), and holds the bundled pack, its entry, recorded GetAnalyzerInfo and code cache, PulumiPolicy.yaml, package.json and LICENSE, and no sources, samples or tools", () => {
        const shipped = ["package.json", "PulumiPolicy.yaml", "README.md", "LICENSE", ...["index.js", "pack.js", "analyzer-info.json", "compile-cache.bin"].map(f => `dist/pack/${f}`)];
        assert.deepStrictEqual(files, shipped.sort());
        const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8"));
        assert.strictEqual(manifest.main, "dist/pack/index.js");
    });

    it("says Apache-2.0 in package.json and ships the license's full text, and states the Node.js version @pulumi/pulumi needs", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8"));
        assert.strictEqual(manifest.license, "Apache-2.0");
        const license = fs.readFileSync(path.join(unpacked, "LICENSE"), "utf8");
        assert.match(license, /^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
        for (let section = 1; section <= 9; section++) assert.match(license, new RegExp(`^\\s+${section}\\. [A-Z]`, "m"), `section ${section} missing`);
        assert.match(license, /END OF TERMS AND CONDITIONS/);
        const sdk = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8"));
        assert.strictEqual(manifest.engines?.node, sdk.engines.node, "engines.node should be what @pulumi/pulumi declares");
        const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
        assert.match(readme, /Node\.js 22 or later/);
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
