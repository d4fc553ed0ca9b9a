// The last step of `npm run build`: the compiled pack (dist/policies, tsc's output) made into what
// the engine starts, in dist/pack:
//
//   index.js            the entry (package.json "main"), policies/entry.ts bundled
//   pack.js             policies/index.ts and every module of the pack it imports, bundled into one file
//   analyzer-info.json  its GetAnalyzerInfo answer, recorded (policies/lib/analyzer-info.ts)
//   compile-cache.bin   V8's code cache for pack.js (policies/lib/compile-cache.ts)
//
// One file, because a preview waits for the pack's start-up, and resolving and compiling 290
// separate modules was most of what the pack added to it. esbuild bundles the CommonJS that tsc
// emitted, so every module runs as tsc compiled it and when Node would have run it (on its first
// require); packages and Node's own modules stay outside the bundle, loaded from node_modules as before.
// The bench builds its synthetic pack the same way.

import { spawnSync } from "child_process";
import * as esbuild from "esbuild";
import * as path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");
const compiled = path.join(repoRoot, "dist", "policies");

/**
 * Builds into `outDir` the entry, the bundle of `packModule` (a compiled module that serves a
 * pack), and the bundle's two records, made from `cwd` (the pack's root: the SDK reads the pack's
 * version from the working directory's package.json).
 */
export function buildPack(packModule: string, outDir: string, cwd: string = repoRoot): void {
    const bundle = (entry: string, outfile: string) => {
        const result = esbuild.buildSync({
            entryPoints: [entry],
            outfile,
            bundle: true,
            platform: "node",
            format: "cjs",
            // The oldest Node the pack runs on (it declares 22, and runs on 20), whichever Node builds it.
            target: "node20",
            packages: "external",
            logLevel: "silent",
        });
        // A warning here is a require the bundle would resolve differently from Node: a build error.
        const problems = [...result.errors, ...result.warnings];
        if (problems.length > 0) throw new Error(`bundling ${entry}:\n${esbuild.formatMessagesSync(problems, { kind: "error" }).join("\n")}`);
    };
    bundle(path.join(compiled, "entry.js"), path.join(outDir, "index.js"));
    const pack = path.join(outDir, "pack.js");
    bundle(packModule, pack);
    // Each record loads the bundle in a process of its own, as the engine's runner would.
    const recorders: [string, string[]][] = [
        ["analyzer-info.js", [pack, path.join(outDir, "analyzer-info.json")]],
        ["compile-cache.js", [pack, path.join(outDir, "compile-cache.bin"), outDir]],
    ];
    for (const [recorder, args] of recorders) {
        const run = spawnSync(process.execPath, [path.join(compiled, "lib", recorder), ...args], { cwd, encoding: "utf8" });
        if (run.status !== 0) throw new Error(`${recorder} ${args.join(" ")} failed:\n${run.stderr}`);
    }
}

// `npm run build`, after tsc.
if (require.main === module) buildPack(path.join(compiled, "index.js"), path.join(repoRoot, "dist", "pack"));
