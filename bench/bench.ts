// `npm run bench`: start-up time, per-resource Analyze cost, AnalyzeStack on a 10,000-resource
// stack, and peak memory of the hipaa-guard pack against an empty pack (the SDK with one no-op
// policy), measured side by side in the same run and reported as ratios against the targets.

import * as fs from "fs";
import * as path from "path";
import { PolicyPackProcess, repoRoot, ResourceInput, toAnalyzeRequest } from "../tools/lib/analyzer-client";
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

/** CPU time (user + system) the process has used, in ms: what the pack itself spends, whatever the machine's load. */
function cpuMs(pid: number | undefined): number {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const ticksPerSecond = 100; // USER_HZ on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface RoundResult {
    startupMs: number;
    perResourceUs: number;
    perResourceCpuUs: number;
    stackMs: number;
    stackCpuMs: number;
    /** Peak resident memory after the Analyze calls, and after AnalyzeStack too. */
    peakMiB: number;
    stackPeakMiB: number;
}

async function round(dir: string, analyzeSet: ResourceInput[], stack: ResourceInput[]): Promise<RoundResult> {
    const t0 = process.hrtime.bigint();
    const pack = await PolicyPackProcess.start(dir);
    try {
        return await measure(pack, t0, analyzeSet, stack);
    } finally {
        await pack.stop();
    }
}

async function measure(pack: PolicyPackProcess, t0: bigint, analyzeSet: ResourceInput[], stack: ResourceInput[]): Promise<RoundResult> {
    const info = await pack.getAnalyzerInfo();
    const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
    await pack.configure(info);
    // Warm-up, so JIT compilation is not billed to the first resources.
    for (const r of analyzeSet.slice(0, 200)) await pack.analyze(r);
    const t1 = process.hrtime.bigint();
    const c1 = cpuMs(pack.pid);
    for (const r of analyzeSet) await pack.analyze(r);
    const perResourceUs = Number(process.hrtime.bigint() - t1) / 1e3 / analyzeSet.length;
    const perResourceCpuUs = ((cpuMs(pack.pid) - c1) * 1000) / analyzeSet.length;
    const peakMiB = peakRssMiB(pack.pid);
    const t2 = process.hrtime.bigint();
    const c2 = cpuMs(pack.pid);
    await pack.analyzeStack(stack);
    const stackMs = Number(process.hrtime.bigint() - t2) / 1e6;
    const stackCpuMs = cpuMs(pack.pid) - c2;
    const stackPeakMiB = peakRssMiB(pack.pid);
    return { startupMs, perResourceUs, perResourceCpuUs, stackMs, stackCpuMs, peakMiB, stackPeakMiB };
}

/**
 * The SDK's own Analyze handler, in this process, response serialization included: what the pack
 * spends per resource without the transport, for the pack's policies and for the empty pack's one
 * no-op. Far steadier than timings through gRPC on a shared machine.
 */
async function inProcessAnalyzeUs(policies: unknown[], resources: ResourceInput[], share: boolean): Promise<number> {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const server = require("@pulumi/policy/server");
    if (share) require("../dist/policies/lib/shared-deserialization").shareDeserializedProperties();
    const handler = server.makeAnalyzeRpcFun("bench", "0.0.0", "mandatory", policies);
    const requests = resources.map(toAnalyzeRequest);
    const call = (request: unknown) =>
        new Promise<void>((resolve, reject) =>
            handler({ request }, (err: unknown, resp: { serializeBinary(): Uint8Array }) => (err ? reject(err) : (resp.serializeBinary(), resolve()))),
        );
    for (const r of requests.slice(0, 300)) await call(r);
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
        const t = process.hrtime.bigint();
        for (const r of requests) await call(r);
        best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / requests.length);
    }
    return best;
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
        // Alternate which pack goes first, so warm caches favour neither.
        const order = i % 2 === 0 ? Object.entries(dirs) : Object.entries(dirs).reverse();
        for (const [name, dir] of order) results[name].push(await round(dir, analyzeSet, stack));
        process.stdout.write(".");
    }
    process.stdout.write("\n");
    const m = (name: string, key: keyof RoundResult) => median(results[name].map(r => r[key]));
    const rows: [string, keyof RoundResult, string, (ours: number, floor: number) => string][] = [
        ["start-up (spawn to GetAnalyzerInfo)", "startupMs", "ms", (a, b) => `${(a / b).toFixed(2)}x (target <= 1.10x)`],
        ["Analyze, per resource (wall)", "perResourceUs", "us", (a, b) => `${(a / b).toFixed(2)}x (target <= 1.10x)`],
        ["Analyze, per resource (pack CPU)", "perResourceCpuUs", "us", (a, b) => `${(a / b).toFixed(2)}x`],
        [`AnalyzeStack, ${stack.length} resources (wall)`, "stackMs", "ms", (a, b) => `${(a / b).toFixed(2)}x (target <= 1.20x)`],
        [`AnalyzeStack, ${stack.length} resources (pack CPU)`, "stackCpuMs", "ms", (a, b) => `${(a / b).toFixed(2)}x`],
        ["peak memory, Analyze (VmHWM)", "peakMiB", "MiB", (a, b) => `+${(a - b).toFixed(1)} MiB (target <= +15 MiB)`],
        ["peak memory, after AnalyzeStack", "stackPeakMiB", "MiB", (a, b) => `+${(a - b).toFixed(1)} MiB (no target)`],
    ];
    console.log(`${"measure".padEnd(44)}${"hipaa-guard".padStart(14)}${"empty pack".padStart(14)}   ratio`);
    for (const [label, key, unit, ratio] of rows) {
        const ours = m("hipaa-guard", key);
        const floor = m("empty pack", key);
        console.log(`${label.padEnd(44)}${`${ours.toFixed(1)} ${unit}`.padStart(14)}${`${floor.toFixed(1)} ${unit}`.padStart(14)}   ${ratio(ours, floor)}`);
    }
    // In-process last: sharing deserialization patches the SDK module for the rest of this process.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const compiled: { allPolicies: { sdk: { validateStack?: unknown } }[] } = require("../dist/policies/registry");
    const noOp = [{ name: "no-op", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => undefined }];
    const floorUs = await inProcessAnalyzeUs(noOp, analyzeSet, false);
    const oursUs = await inProcessAnalyzeUs(compiled.allPolicies.map(p => p.sdk), analyzeSet, true);
    console.log(`${"Analyze handler in-process, per resource".padEnd(44)}${`${oursUs.toFixed(1)} us`.padStart(14)}${`${floorUs.toFixed(1)} us`.padStart(14)}   +${(oursUs - floorUs).toFixed(1)} us`);
    console.log("(medians over rounds. Wall time includes the gRPC round trip and this client, as the engine pays them; pack CPU is");
    console.log(" the pack process's own user+system time; the in-process line is the best of 5 passes of the SDK's handler alone.");
    console.log(" On a shared 2-core machine wall and CPU times vary by 20% between rounds: raise BENCH_ROUNDS for tighter medians.)");
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
