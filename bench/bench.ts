// `npm run bench`: start-up time, per-resource Analyze cost, AnalyzeStack on a 10,000-resource
// stack, and peak memory of the hipaa-guard pack against an empty pack (the SDK with one no-op
// policy), measured side by side in the same run and reported as ratios against the targets.

import * as fs from "fs";
import * as path from "path";
import { PolicyPackProcess, repoRoot, ResourceInput } from "../tools/lib/analyzer-client";
import { allPolicies } from "../policies/registry";
import { benchResources, checkedShare } from "./fixtures";

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const analyzeCount = Number(process.env.BENCH_RESOURCES ?? 3000);
const stackSize = Number(process.env.BENCH_STACK ?? 10000);

/** A pack with one no-op policy, using this repo's installed SDK: the floor we compare against. */
function emptyPackDir(): string {
    const dir = path.join(repoRoot, ".bench", "empty-pack");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "empty-pack", version: "0.0.0", main: "index.js" }));
    fs.writeFileSync(
        path.join(dir, "index.js"),
        `const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("empty-pack", { policies: [{ name: "no-op", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => {} }] });
`,
    );
    const link = path.join(dir, "node_modules");
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(repoRoot, "node_modules"), link, "dir");
    return dir;
}

function peakRssMiB(pid: number | undefined): number {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]);
    return kb / 1024;
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface RoundResult {
    startupMs: number;
    perResourceUs: number;
    stackMs: number;
    /** Peak resident memory after the Analyze calls, and after AnalyzeStack too. */
    peakMiB: number;
    stackPeakMiB: number;
}

async function round(dir: string, analyzeSet: ResourceInput[], stack: ResourceInput[]): Promise<RoundResult> {
    const t0 = process.hrtime.bigint();
    const pack = await PolicyPackProcess.start(dir);
    const info = await pack.getAnalyzerInfo();
    const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
    await pack.configure(info);
    // Warm-up, so JIT compilation is not billed to the first resources.
    for (const r of analyzeSet.slice(0, 200)) await pack.analyze(r);
    const t1 = process.hrtime.bigint();
    for (const r of analyzeSet) await pack.analyze(r);
    const perResourceUs = Number(process.hrtime.bigint() - t1) / 1e3 / analyzeSet.length;
    const peakMiB = peakRssMiB(pack.pid);
    const t2 = process.hrtime.bigint();
    await pack.analyzeStack(stack);
    const stackMs = Number(process.hrtime.bigint() - t2) / 1e6;
    const stackPeakMiB = peakRssMiB(pack.pid);
    await pack.stop();
    return { startupMs, perResourceUs, stackMs, peakMiB, stackPeakMiB };
}

async function main(): Promise<void> {
    const types = [...new Set(allPolicies.flatMap(p => p.definition.types))];
    const analyzeSet = benchResources(analyzeCount);
    const stack = benchResources(stackSize);
    const dirs = { "hipaa-guard": repoRoot, "empty pack": emptyPackDir() };
    const results: Record<string, RoundResult[]> = { "hipaa-guard": [], "empty pack": [] };
    console.log(`hipaa-guard bench: ${allPolicies.length} policies over ${types.length} types; ${rounds} alternating rounds; ` +
        `${analyzeSet.length} Analyze calls (${Math.round(checkedShare(analyzeSet, new Set(types)) * 100)}% of a checked type) and one ${stack.length}-resource AnalyzeStack per round`);
    for (let i = 0; i < rounds; i++) {
        for (const [name, dir] of Object.entries(dirs)) results[name].push(await round(dir, analyzeSet, stack));
        process.stdout.write(".");
    }
    process.stdout.write("\n");
    const m = (name: string, key: keyof RoundResult) => median(results[name].map(r => r[key]));
    const rows: [string, keyof RoundResult, string, (ours: number, floor: number) => string][] = [
        ["start-up (spawn to GetAnalyzerInfo)", "startupMs", "ms", (a, b) => `${(a / b).toFixed(2)}x (target <= 1.10x)`],
        ["Analyze, per resource", "perResourceUs", "us", (a, b) => `${(a / b).toFixed(2)}x (target <= 1.10x)`],
        [`AnalyzeStack, ${stack.length} resources`, "stackMs", "ms", (a, b) => `${(a / b).toFixed(2)}x (target <= 1.20x)`],
        ["peak memory, Analyze (VmHWM)", "peakMiB", "MiB", (a, b) => `+${(a - b).toFixed(1)} MiB (target <= +15 MiB)`],
        ["peak memory, after AnalyzeStack", "stackPeakMiB", "MiB", (a, b) => `+${(a - b).toFixed(1)} MiB (no target)`],
    ];
    console.log(`${"measure".padEnd(38)}${"hipaa-guard".padStart(14)}${"empty pack".padStart(14)}   ratio`);
    for (const [label, key, unit, ratio] of rows) {
        const ours = m("hipaa-guard", key);
        const floor = m("empty pack", key);
        console.log(`${label.padEnd(38)}${`${ours.toFixed(1)} ${unit}`.padStart(14)}${`${floor.toFixed(1)} ${unit}`.padStart(14)}   ${ratio(ours, floor)}`);
    }
    console.log("(medians over rounds; per-resource cost includes the gRPC round trip the engine pays too)");
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
