// The bundled pack (dist/pack/pack.js, tools/lib/build-pack.ts) loads from the code cache `npm run
// build` records (policies/lib/compile-cache.ts) exactly when it matches it, and from its file
// otherwise: each case loads a copy of the built pack through its entry, in its own Node process.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../../tools/lib/analyzer-client";
import { allPolicies } from "../../policies/registry";

const built = path.join(repoRoot, "dist", "pack");

const copies: string[] = [];

/** A copy of the built pack in a fresh directory (resolving the repo's node_modules), after `change`. */
function copyOfPack(change: (dir: string) => void = () => undefined): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hipaa-guard-cache-"));
    copies.push(root);
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"), "dir");
    const dir = path.join(root, "pack");
    fs.cpSync(built, dir, { recursive: true });
    change(dir);
    return dir;
}

/** Loads the pack at `dir` as the engine's runner would (the SDK's serve() capturing its policies), in a new process. */
function load(dir: string, nodeFlags: string[] = []): { stats: { fromCache: number; byNode: number; rejected: number }; policies: number } {
    const script = `
        require("v8").setFlagsFromString("--allow-natives-syntax"); // as the engine's runner sets it
        const server = require("@pulumi/policy/server");
        let policies = -1;
        server.serve = (name, version, level, args) => { policies = args.policies.length; };
        require(${JSON.stringify(path.join(dir, "index.js"))});
        process.stdout.write(JSON.stringify({ stats: globalThis[Symbol.for("hipaa-guard.compile-cache")], policies }));
    `;
    // From the repo root: the SDK reads the pack's version from the working directory's package.json.
    const run = spawnSync(process.execPath, [...nodeFlags, "-e", script], { cwd: repoRoot, encoding: "utf8" });
    assert.strictEqual(run.status, 0, run.stderr);
    return JSON.parse(run.stdout);
}

function headerOf(dir: string): { files: Record<string, { offset: number; length: number }> } {
    const bytes = fs.readFileSync(path.join(dir, "compile-cache.bin"));
    return JSON.parse(bytes.toString("utf8", 4, 4 + bytes.readUInt32LE(0)));
}

describe("the bundled pack's code cache", function () {
    this.timeout(60000);
    after(() => copies.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

    it("is what the bundled pack compiles from after npm run build, and the bundle holds every module of the pack", () => {
        const { stats, policies } = load(built);
        assert.strictEqual(policies, allPolicies.length);
        assert.deepStrictEqual(stats, { fromCache: 1, byNode: 0, rejected: 0 });
        assert.deepStrictEqual(Object.keys(headerOf(built).files), ["pack.js"]);
        // Whatever the bundle still requires is a package or one of Node's modules, never a file of the pack.
        const required = [...fs.readFileSync(path.join(built, "pack.js"), "utf8").matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]);
        assert.ok(required.includes("@pulumi/policy"), "the SDK stays outside the bundle");
        assert.deepStrictEqual(required.filter(id => id.startsWith(".") || path.isAbsolute(id)), []);
        assert.deepStrictEqual(required.filter(id => /^@pulumi\/(aws|gcp)\b/.test(id)), [], "the pack loads no cloud SDK");
    });

    it("is not used for a file whose contents differ from what was recorded", () => {
        const dir = copyOfPack(d => fs.appendFileSync(path.join(d, "pack.js"), "\n// changed after the build\n"));
        const { stats, policies } = load(dir);
        assert.strictEqual(policies, allPolicies.length);
        assert.deepStrictEqual(stats, { fromCache: 0, byNode: 1, rejected: 0 });
    });

    it("is not used at all when recorded by another Node, unreadable or missing, and the pack loads the same", () => {
        const header = (d: string, edit: (h: { node: string }) => void) => {
            const file = path.join(d, "compile-cache.bin");
            const bytes = fs.readFileSync(file);
            const length = bytes.readUInt32LE(0);
            const h = JSON.parse(bytes.toString("utf8", 4, 4 + length));
            edit(h);
            const text = Buffer.from(JSON.stringify(h));
            const size = Buffer.alloc(4);
            size.writeUInt32LE(text.length);
            fs.writeFileSync(file, Buffer.concat([size, text, bytes.subarray(4 + length)]));
        };
        for (const change of [
            (d: string) => header(d, h => (h.node = "v0.0.0")),
            (d: string) => fs.writeFileSync(path.join(d, "compile-cache.bin"), fs.readFileSync(path.join(d, "compile-cache.bin")).subarray(0, 100)),
            (d: string) => fs.rmSync(path.join(d, "compile-cache.bin")),
        ]) {
            const { stats, policies } = load(copyOfPack(change));
            assert.strictEqual(policies, allPolicies.length);
            assert.deepStrictEqual(stats, { fromCache: 0, byNode: 0, rejected: 0 });
        }
    });

    it("is not handed to V8 when its bytes are damaged, and the file compiles by Node", () => {
        const dir = copyOfPack(d => {
            const file = path.join(d, "compile-cache.bin");
            const bytes = fs.readFileSync(file);
            const pack = headerOf(d).files["pack.js"];
            bytes[4 + bytes.readUInt32LE(0) + pack.offset + pack.length - 8] ^= 0xff;
            fs.writeFileSync(file, bytes);
        });
        const { stats, policies } = load(dir);
        assert.strictEqual(policies, allPolicies.length);
        assert.deepStrictEqual(stats, { fromCache: 0, byNode: 1, rejected: 0 });
    });

    it("is used under the engine's own runner for policy packs", () => {
        // The runner sets V8 flags and attaches an inspector before it loads the pack: the cache must still hold.
        const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hipaa-guard-cache-"));
        copies.push(scratch);
        const preload = path.join(scratch, "stats.js");
        fs.writeFileSync(preload, `process.stdout.write = () => { process.stderr.write("STATS " + JSON.stringify(globalThis[Symbol.for("hipaa-guard.compile-cache")]) + "\\n"); process.exit(0); };`);
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [repoRoot] });
        const run = spawnSync(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: `-r ${preload}` }, timeout: 30000 });
        const line = /^STATS (.*)$/m.exec(run.stderr);
        assert.ok(line, run.stderr);
        const stats = JSON.parse(line[1]);
        assert.deepStrictEqual(stats, { fromCache: 1, byNode: 0, rejected: 0 });
    });

    it("leaves a cache V8 refuses (other V8 flags) to V8, which compiles the file itself", () => {
        const { stats, policies } = load(built, ["--no-opt"]);
        assert.strictEqual(policies, allPolicies.length);
        assert.deepStrictEqual(stats, { fromCache: 0, byNode: 0, rejected: 1 });
    });
});
