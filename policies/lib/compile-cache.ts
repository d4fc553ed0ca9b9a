// The pack's code starts from V8's code cache.
//
// A preview waits for the pack to print its port, and before that Node must parse the pack's own
// JavaScript (1.1 MB): measured, 150-250 ms as 290 separate modules, most of what the pack adds to
// the SDK's own start-up. So `npm run build` bundles those modules into one file (pack.js, by
// tools/build-pack.ts) and records V8's code cache for it after loading it (`node compile-cache.js`),
// so the functions compiled while loading are in it too. At start the published entry (entry.ts)
// calls `useCompileCache` before it loads the bundle, and each file under the pack's directory then
// compiles from its cache entry, but only when the file's contents and the cache's bytes hash to the
// digests recorded with them and the Node and V8 versions are the ones it was recorded with (V8
// itself checks only the source's length, and can crash on damaged cache bytes). Anything else
// (another file, no record, a record that does not parse) is compiled by Node as before; a cache V8
// refuses (other V8 flags), by V8 from the source. Node 22's module.enableCompileCache does this for
// every module; the pack declares Node 22 but must run on Node 20.

import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { setFlagsFromString } from "v8";
import * as vm from "vm";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Module = require("module") as {
    prototype: { _compile?: (this: NodeModule, content: string, filename: string) => unknown; require(id: string): unknown };
    wrap?: (source: string) => string;
    createRequire(filename: string): NodeRequire;
};

/** The record's name in the pack's directory (where the published entry looks for it). */
export const cacheFileName = "compile-cache.bin";

/** What `compileCacheStats()` reports: modules compiled from the cache, by Node, and by V8 from their source when it refused the cache. */
export interface CompileCacheStats {
    fromCache: number;
    byNode: number;
    rejected: number;
}
const statsKey = Symbol.for("hipaa-guard.compile-cache");

interface Header {
    node: string;
    v8: string;
    /** Per file: its contents' digest, and where its cache is, with the cache's own digest. */
    files: Record<string, { digest: string; offset: number; length: number; data: string }>;
}

const digestOf = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

function readRecord(file: string): { header: Header; blobs: Buffer } | undefined {
    try {
        const bytes = fs.readFileSync(file);
        const headerLength = bytes.readUInt32LE(0);
        const header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as Header;
        if (header.node !== process.version || header.v8 !== process.versions.v8 || typeof header.files !== "object") return undefined;
        return { header, blobs: bytes.subarray(4 + headerLength) };
    } catch {
        return undefined;
    }
}

/** The pack-relative name of a file in the pack's directory, else undefined. */
function packName(filename: string, root: string): string | undefined {
    const relative = path.relative(root, filename);
    return relative.startsWith("..") || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join("/");
}

/**
 * Replaces Node's compile step for the pack's own files with `compile` (which gets Node's own as
 * the fallback); undefined, and nothing replaced, when Node's module system is not shaped as expected.
 */
function hookCompile(compile: (module: NodeModule, content: string, filename: string, byNode: () => unknown) => unknown, root: string): (() => void) | undefined {
    const nodeCompile = Module.prototype._compile;
    if (typeof nodeCompile !== "function" || typeof Module.wrap !== "function" || typeof Module.createRequire !== "function") return undefined;
    const hooked = function (this: NodeModule, content: string, filename: string) {
        const byNode = () => nodeCompile.call(this, content, filename);
        return packName(filename, root) === undefined ? byNode() : compile(this, content, filename, byNode);
    };
    Module.prototype._compile = hooked;
    return () => {
        if (Module.prototype._compile === hooked) Module.prototype._compile = nodeCompile;
    };
}

/** Runs a compiled module wrapper as Node's own compile step runs it. */
function run(script: vm.Script, module: NodeModule, filename: string): unknown {
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...a: unknown[]) => unknown;
    const created = Module.createRequire(filename);
    const require = Object.assign((id: string) => module.require(id), created);
    return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
}

/** Has the files under `root` compiled from the cache recorded in `file` where it matches them (see above). */
export function useCompileCache(file: string, root: string): CompileCacheStats {
    const installed = compileCacheStats();
    if (installed) return installed; // once per process, whichever pack entry comes first
    const stats: CompileCacheStats = { fromCache: 0, byNode: 0, rejected: 0 };
    (globalThis as Record<symbol, unknown>)[statsKey] = stats;
    const record = readRecord(file);
    if (!record) return stats;
    hookCompile((module, content, filename, byNode) => {
        const entry = record.header.files[packName(filename, root)!];
        let script: vm.Script | undefined;
        try {
            const cachedData = entry && record.blobs.subarray(entry.offset, entry.offset + entry.length);
            // V8 trusts cache bytes it is given (damaged ones can crash it): only whole, unchanged ones are.
            if (cachedData && digestOf(content) === entry.digest && digestOf(cachedData) === entry.data) {
                script = new vm.Script(Module.wrap!(content), { filename, cachedData });
            }
        } catch {
            script = undefined;
        }
        if (!script) {
            stats.byNode++;
            return byNode();
        }
        if (script.cachedDataRejected) stats.rejected++;
        else stats.fromCache++;
        return run(script, module, filename);
    }, root);
    return stats;
}

/** What useCompileCache did in this process, if it ran. */
export function compileCacheStats(): CompileCacheStats | undefined {
    return (globalThis as Record<symbol, unknown>)[statsKey] as CompileCacheStats | undefined;
}

/**
 * Records the cache: loads `entry` with the SDK's serve() replaced by nothing, each file under
 * `root` compiled here, then writes each such file's code cache with its digest to `out`. Run by
 * `npm run build` (tools/build-pack.ts) for the bundled pack.
 */
export function recordCompileCache(entry: string, out: string, root: string): number {
    const scripts = new Map<string, { script: vm.Script; digest: string }>();
    const restore = hookCompile((module, content, filename) => {
        const script = new vm.Script(Module.wrap!(content), { filename });
        scripts.set(packName(filename, root)!, { script, digest: digestOf(content) });
        return run(script, module, filename);
    }, root);
    if (!restore) throw new Error("hipaa-guard: Node's module system is not shaped as expected; no compile cache recorded");
    // V8 refuses a cache made under other flags, and the engine's runner for policy packs sets this
    // one (@pulumi/pulumi's runtime/closure/v8Hooks.js) before it loads the pack.
    setFlagsFromString("--allow-natives-syntax");
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const server = require("@pulumi/policy/server") as { serve: (...a: unknown[]) => void };
    const serve = server.serve;
    server.serve = () => undefined;
    try {
        fs.rmSync(out, { force: true });
        require(entry);
    } finally {
        server.serve = serve;
        restore();
    }
    const files: Header["files"] = {};
    const blobs: Buffer[] = [];
    let offset = 0;
    for (const [name, { script, digest }] of scripts) {
        const data = script.createCachedData();
        files[name] = { digest, offset, length: data.length, data: digestOf(data) };
        blobs.push(data);
        offset += data.length;
    }
    const header = Buffer.from(JSON.stringify({ node: process.version, v8: process.versions.v8, files } satisfies Header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    fs.writeFileSync(out, Buffer.concat([length, header, ...blobs]));
    return scripts.size;
}

// `node compile-cache.js entry out root`: what `npm run build` runs, in a process of its own.
if (require.main === module) {
    const [entry, out, root] = process.argv.slice(2).map(a => path.resolve(a));
    if (!entry || !out || !root) throw new Error("usage: node compile-cache.js <entry> <out> <root>");
    recordCompileCache(entry, out, root);
}
