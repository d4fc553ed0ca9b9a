// `npm run bench`: what hipaa-guard costs against an empty pack (the SDK with one no-op policy), in
// the same run: ready (port printed, GetAnalyzerInfo and Configure answered, with no protobuf work
// on this side, as the engine's Go code does in a millisecond or two), pack CPU and wall time per
// Analyze, pack CPU per Remediate (the engine sends every resource to Remediate before Analyze, at
// every preview and update), AnalyzeStack at several stack sizes, and peak memory. Measured for
// the real pack, for a synthetic pack of 250 policies (bench/synthetic.ts), for the empty pack sending the
// not-applicable entries a 250-policy pack and the real pack must send (the floor for each size),
// and for the real pack on the SDK's own handlers (HIPAA_GUARD_DISPATCH=sdk), in interleaved
// rounds; figures are medians. Ready is timed first, in a phase of its own: many interleaved starts
// and nothing else, since within a round it moved by 30% after another pack's heavy work.

import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { configureRequest, packInfoOf, PolicyPackProcess, repoRoot, ResourceInput } from "../tools/lib/analyzer-client";
import { allPolicies } from "../policies/registry";
import { buildPack } from "../tools/lib/build-pack";
import { benchResources, checkedShare } from "./fixtures";
import { syntheticSize, syntheticStackPolicies } from "./synthetic";

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
/** Starts per pack in the ready phase. */
const readyStarts = Number(process.env.BENCH_READY_STARTS ?? 15);
const analyzeCount = Number(process.env.BENCH_RESOURCES ?? 3000);
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 16);
/** The stack the targets are about: the process's first AnalyzeStack, as the engine sends one per run. */
const mainStack = Number(process.env.BENCH_STACK ?? 10000);
/** Then, in the same process, the sizes linearity is read from. */
const stackSizes = (process.env.BENCH_STACKS ?? "5000,10000,20000").split(",").map(Number);

/** A pack directory in .bench whose entry is index.js (`index`, or what its builder writes). */
function writePack(name: string, index?: string): string {
    const dir = path.join(repoRoot, ".bench", name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "0.0.0", main: "index.js" }));
    if (index !== undefined) fs.writeFileSync(path.join(dir, "index.js"), index);
    const link = path.join(dir, "node_modules");
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(repoRoot, "node_modules"), link, "dir");
    return dir;
}

/** A pack with one no-op policy, using this repo's installed SDK: the floor we compare against. */
function emptyPackDir(): string {
    return writePack(
        "empty-pack",
        `const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("empty-pack", { policies: [{ name: "no-op", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => {} }] });
`,
    );
}

/**
 * The empty pack whose every Analyze answer also carries the not-applicable entries of a
 * `size`-policy pack (serialized once): what sending those entries costs, which Pulumi Cloud needs
 * whatever the pack does. The floor for a pack of that size, against which the synthetic pack is read.
 */
function entriesFloorPackDir(size: number): string {
    return writePack(
        `entries-floor-${size}`,
        `const path = require("path");
const { PolicyPack } = require("@pulumi/policy");
const fromSdk = id => require(require.resolve(id, { paths: [path.dirname(require.resolve("@pulumi/policy"))] }));
const grpc = fromSdk("@grpc/grpc-js");
const pb = fromSdk("@pulumi/pulumi/proto/analyzer_pb");
const list = new pb.AnalyzeResponse();
list.setNotApplicableList(Array.from({ length: ${size - 1} }, (_, i) => {
    const na = new pb.PolicyNotApplicable();
    na.setPolicyName("synthetic-resource-" + i);
    na.setReason("Policy only applies to resources of type 'synthetic:service" + i + "/resource:Resource" + i + "'");
    return na;
}));
const entries = Buffer.from(list.serializeBinary());
// Handed to gRPC without the generated serializer's copy, as the pack's dispatch does.
const kept = Symbol("kept");
const addService = grpc.Server.prototype.addService;
grpc.Server.prototype.addService = function (service, impl) {
    const analyze = impl.analyze;
    const withEntries = (call, callback) => analyze(call, (err, resp) => {
        if (resp) resp[kept] = resp.getDiagnosticsList().length === 0 ? entries : Buffer.concat([resp.serializeBinary(), entries]);
        callback(err, resp);
    });
    const serialize = service.analyze.responseSerialize;
    const serving = { ...service, analyze: { ...service.analyze, responseSerialize: r => r[kept] ?? serialize(r) } };
    return addService.call(this, serving, { ...impl, analyze: withEntries });
};
new PolicyPack("entries-floor-${size}", { policies: [{ name: "no-op", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => {} }] });
`,
    );
}

/**
 * The synthetic pack, built as `npm run build` builds the real one: bench/synthetic.ts compiled
 * beside the compiled pack (so its imports resolve to it), then bundled with its records.
 */
function syntheticPackDir(): string {
    const source = fs.readFileSync(path.join(repoRoot, "bench", "synthetic.ts"), "utf8");
    const out = path.join(repoRoot, "dist", "bench", "synthetic.js");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } }).outputText);
    const serving = path.join(path.dirname(out), "synthetic-pack.js");
    fs.writeFileSync(serving, `require("./synthetic").serveSyntheticPack();\n`);
    const dir = writePack("synthetic-pack");
    // From the pack's own directory, whose package.json gives the SDK the pack's version.
    buildPack(serving, dir, dir);
    return dir;
}

function peakRssMiB(pid: number | undefined): number {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
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

const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

type Figures = Record<string, number>;

interface Pack {
    label: string;
    dir: string;
    env?: Record<string, string>;
    policies: number;
    stackPolicies: number;
}

async function start(pack: Pack): Promise<PolicyPackProcess> {
    const saved = process.env.HIPAA_GUARD_DISPATCH;
    if (pack.env?.HIPAA_GUARD_DISPATCH) process.env.HIPAA_GUARD_DISPATCH = pack.env.HIPAA_GUARD_DISPATCH;
    try {
        return await PolicyPackProcess.start(pack.dir);
    } finally {
        if (saved === undefined) delete process.env.HIPAA_GUARD_DISPATCH;
        else process.env.HIPAA_GUARD_DISPATCH = saved;
    }
}

/** `resources` through Analyze (or Remediate), `inFlight` at a time, as the engine sends them. */
async function sendAll(proc: PolicyPackProcess, resources: ResourceInput[], rpc: "analyze" | "remediate" = "analyze"): Promise<void> {
    let next = 0;
    await Promise.all(
        Array.from({ length: inFlight }, async () => {
            while (next < resources.length) await (rpc === "analyze" ? proc.analyze(resources[next++]) : proc.remediate(resources[next++]));
        }),
    );
}

/** Pack CPU per resource for `resources` through `rpc`, after a warm-up so JIT compilation is not billed to them. */
async function cpuPerResourceUs(proc: PolicyPackProcess, resources: ResourceInput[], rpc: "analyze" | "remediate"): Promise<number> {
    await sendAll(proc, resources.slice(0, 300), rpc);
    const c = cpuMs(proc.pid);
    await sendAll(proc, resources, rpc);
    return ((cpuMs(proc.pid) - c) * 1000) / resources.length;
}

/**
 * The Configure request the engine would send a pack, from the pack's GetAnalyzerInfo answer (the
 * bytes it answered with, and the request's bytes): learned once, before the rounds.
 */
interface Handshake {
    info: Buffer;
    configure: Uint8Array;
    /** Every policy of the pack at enforcement level remediate: what opting in to fixes costs. */
    configureRemediate: Uint8Array;
}

async function handshake(pack: Pack): Promise<Handshake> {
    const proc = await start(pack);
    try {
        const info = await proc.callBytes("getAnalyzerInfo", new Uint8Array(0));
        const pack = packInfoOf(info);
        const remediate = Object.fromEntries(pack.policies.map(p => [p.name, { enforcementLevel: "remediate" as const }]));
        return { info, configure: configureRequest(pack).serializeBinary(), configureRemediate: configureRequest(pack, remediate).serializeBinary() };
    } finally {
        await proc.stop();
    }
}

/** One start of a pack, to Configure answered: what a preview waits for. */
async function ready(pack: Pack, hello: Handshake): Promise<Figures> {
    const t0 = process.hrtime.bigint();
    const proc = await start(pack);
    try {
        // As the engine, which decodes the answer and builds Configure in Go in a millisecond or two:
        // this process's JavaScript protobuf code would add its own 100-150 ms for the real pack.
        const info = await proc.callBytes("getAnalyzerInfo", new Uint8Array(0));
        await proc.callBytes("configure", hello.configure);
        const f: Figures = { readyMs: ms(t0), readyCpuMs: cpuMs(proc.pid) };
        if (!info.equals(hello.info)) throw new Error(`${pack.label}: GetAnalyzerInfo answered otherwise than before the rounds`);
        // What this client's decoding and building take, to show what the ready figure leaves out.
        const c0 = process.cpuUsage();
        configureRequest(packInfoOf(info)).serializeBinary();
        const c = process.cpuUsage(c0);
        f.clientProtobufMs = (c.user + c.system) / 1000;
        return f;
    } finally {
        await proc.stop();
    }
}

async function round(pack: Pack, hello: Handshake, analyzeSet: ResourceInput[], stacks: Map<number, ResourceInput[]>): Promise<Figures> {
    const f: Figures = {};
    const proc = await start(pack);
    try {
        const info = await proc.callBytes("getAnalyzerInfo", new Uint8Array(0));
        if (!info.equals(hello.info)) throw new Error(`${pack.label}: GetAnalyzerInfo answered otherwise than before the rounds`);
        await proc.callBytes("configure", hello.configure);
        await sendAll(proc, analyzeSet.slice(0, 300)); // Warm-up, so JIT compilation is not billed to the resources.
        const c1 = cpuMs(proc.pid);
        const t1 = process.hrtime.bigint();
        await sendAll(proc, analyzeSet);
        f.analyzeUs = (ms(t1) * 1000) / analyzeSet.length;
        f.analyzeCpuUs = ((cpuMs(proc.pid) - c1) * 1000) / analyzeSet.length;
        f.analyzePeakMiB = peakRssMiB(proc.pid);
        f.remediateCpuUs = await cpuPerResourceUs(proc, analyzeSet, "remediate");
        const c2 = cpuMs(proc.pid);
        const t2 = process.hrtime.bigint();
        const first = await proc.analyzeStack(stacks.get(mainStack)!);
        f.stackMs = ms(t2);
        // What the answer carries: each finding costs its message and serialization, which an empty pack never pays.
        f.stackFindings = first.diagnostics.length;
        f.stackCpuMs = cpuMs(proc.pid) - c2;
        f.stackPeakMiB = peakRssMiB(proc.pid);
        for (const size of stackSizes) {
            const c = cpuMs(proc.pid);
            await proc.analyzeStack(stacks.get(size)!);
            f[`warm${size}CpuMs`] = cpuMs(proc.pid) - c;
        }
        await proc.callBytes("configure", hello.configureRemediate);
        f.remediateAllCpuUs = await cpuPerResourceUs(proc, analyzeSet, "remediate");
        return f;
    } finally {
        await proc.stop();
    }
}

async function main(): Promise<void> {
    const types = [...new Set(allPolicies.flatMap(p => p.definition.types))];
    const realStack = allPolicies.filter(p => "validateStack" in p.sdk).length;
    const realResource = allPolicies.length - realStack;
    const analyzeSet = benchResources(analyzeCount);
    const stacks = new Map([mainStack, ...stackSizes].map(n => [n, benchResources(n)]));
    const packs: Pack[] = [
        { label: "empty pack", dir: emptyPackDir(), policies: 1, stackPolicies: 0 },
        { label: "hipaa-guard", dir: repoRoot, policies: allPolicies.length, stackPolicies: realStack },
        { label: `synthetic ${syntheticSize}`, dir: syntheticPackDir(), policies: syntheticSize, stackPolicies: realStack + syntheticStackPolicies },
        { label: `empty + ${syntheticSize} entries`, dir: entriesFloorPackDir(syntheticSize), policies: 1, stackPolicies: 0 },
        // The same floor at the real pack's size: its resource policies' not-applicable entries, which alone cost that much.
        { label: `empty + ${realResource} entries`, dir: entriesFloorPackDir(realResource + 1), policies: 1, stackPolicies: 0 },
        // Another checkout of the pack, built (say main's, beside a branch's): what a change does, in one run.
        ...(process.env.BENCH_OTHER_CHECKOUT
            ? [{ label: "other checkout", dir: path.resolve(process.env.BENCH_OTHER_CHECKOUT), policies: allPolicies.length, stackPolicies: realStack }]
            : []),
        // For comparison; BENCH_SDK_PATH=0 leaves it out of a shorter run.
        ...(process.env.BENCH_SDK_PATH === "0"
            ? []
            : [{ label: "hipaa-guard, SDK path", dir: repoRoot, env: { HIPAA_GUARD_DISPATCH: "sdk" }, policies: allPolicies.length, stackPolicies: realStack }]),
    ];
    console.log(
        `hipaa-guard bench: ${readyStarts} interleaved starts per pack to Configure answered; then ${rounds} interleaved rounds; per round and pack a fresh process, ${analyzeSet.length} Analyze calls ` +
            `(${inFlight} in flight, ${Math.round(checkedShare(analyzeSet, new Set(types)) * 100)}% of a type the real pack checks), ` +
            `then as many Remediate calls, an AnalyzeStack of ${mainStack} resources (the process's first), one of each of ${stackSizes.join(", ")}, ` +
            `and the Remediate calls again with every policy configured remediate`,
    );
    console.log(packs.map(p => `${p.label}: ${p.policies} policies (${p.stackPolicies} stack)`).join("; "));
    if (rounds < 5) console.log(`only ${rounds} rounds: too few for the issue's figures (at least 5)`);
    const results = new Map<string, Figures[]>(packs.map(p => [p.label, []]));
    const starts = new Map<string, Figures[]>(packs.map(p => [p.label, []]));
    const handshakes = new Map<string, Handshake>();
    for (const pack of packs) handshakes.set(pack.label, await handshake(pack));
    // Rotate which pack goes first, so neither warm caches nor the machine's load favour one.
    const rotated = (i: number) => packs.map((_, j) => packs[(i + j) % packs.length]);
    for (let i = 0; i < readyStarts; i++) {
        for (const pack of rotated(i)) starts.get(pack.label)!.push(await ready(pack, handshakes.get(pack.label)!));
    }
    process.stdout.write("ready timed; rounds: ");
    for (let i = 0; i < rounds; i++) {
        for (const pack of rotated(i)) results.get(pack.label)!.push(await round(pack, handshakes.get(pack.label)!, analyzeSet, stacks));
        process.stdout.write(".");
    }
    process.stdout.write("\n");

    const readyKeys = new Set(["readyMs", "readyCpuMs", "clientProtobufMs"]);
    /**
     * Median value, and the median of the ratio to the empty pack in the same round (or the same
     * turn of the ready phase).
     */
    const cell = (label: string, key: string, unit: string, diff = false) => {
        const source = readyKeys.has(key) ? starts : results;
        const floor = source.get("empty pack")!;
        const mine = source.get(label)!;
        const value = median(mine.map(f => f[key]));
        if (label === "empty pack") return `${value.toFixed(1)} ${unit}`;
        const rel = median(mine.map((f, r) => (diff ? f[key] - floor[r][key] : f[key] / floor[r][key])));
        return `${value.toFixed(1)} ${unit} (${diff ? `${rel >= 0 ? "+" : ""}${rel.toFixed(1)}` : `${rel.toFixed(2)}x`})`;
    };
    const rows: [string, string, string, string, boolean?][] = [
        ["ready: spawn to Configure answered (wall)", "readyMs", "ms", "<= 1.15x"],
        ["ready (pack CPU)", "readyCpuMs", "ms", ""],
        ["  left out: this client's protobuf for ready", "clientProtobufMs", "ms", "", true],
        ["Analyze per resource (pack CPU)", "analyzeCpuUs", "us", "<= 1.25x, aim 1.10x"],
        [`Analyze per resource (wall, ${inFlight} in flight)`, "analyzeUs", "us", ""],
        ["Remediate per resource (pack CPU)", "remediateCpuUs", "us", ""],
        ["  every policy at remediate (pack CPU)", "remediateAllCpuUs", "us", ""],
        [`AnalyzeStack ${mainStack}, first (pack CPU)`, "stackCpuMs", "ms", "<= 1.25x"],
        [`AnalyzeStack ${mainStack}, first (wall)`, "stackMs", "ms", ""],
        ...stackSizes.map(n => [`AnalyzeStack ${n}, warm (pack CPU)`, `warm${n}CpuMs`, "ms", ""] as [string, string, string, string]),
        [`AnalyzeStack ${mainStack}, findings in the answer`, "stackFindings", "", "", true],
        ["peak memory after Analyze (VmHWM)", "analyzePeakMiB", "MiB", "<= +30 MiB", true],
        [`peak memory after AnalyzeStack ${mainStack}`, "stackPeakMiB", "MiB", "stated", true],
    ];
    const width = 44;
    const col = 25;
    console.log(`${"measure".padEnd(width)}${packs.map(p => p.label.padStart(col)).join("")}   target`);
    // With no rounds (BENCH_ROUNDS=0), only ready was timed.
    for (const [label, key, unit, target, diff] of rows.filter(([, key]) => rounds > 0 || readyKeys.has(key))) {
        console.log(`${label.padEnd(width)}${packs.map(p => cell(p.label, key, unit, diff).padStart(col)).join("")}   ${target}`);
    }
    if (rounds === 0) return;

    // Linearity: pack CPU per 1,000 resources at each stack size; flatness: cost per stack policy.
    const per1k = (label: string, n: number) => median(results.get(label)!.map(f => f[`warm${n}CpuMs`])) / (n / 1000);
    console.log(`\nAnalyzeStack (warm) pack CPU per 1,000 resources, at ${stackSizes.join(" / ")} resources (linear when the figures match):`);
    for (const p of packs) console.log(`  ${p.label.padEnd(28)}${stackSizes.map(n => `${per1k(p.label, n).toFixed(1)} ms`).join(" / ")}`);
    // Warm figures, paired by round: the first request of a process carries its JIT warm-up.
    const flat = stackSizes.includes(mainStack) ? `warm${mainStack}CpuMs` : "stackCpuMs";
    const real = results.get("hipaa-guard")!;
    const added = median(results.get(`synthetic ${syntheticSize}`)!.map((f, r) => f[flat] - real[r][flat]));
    console.log(
        `Stack policies: ${syntheticStackPolicies} more (synthetic against hipaa-guard, same round) add ${added.toFixed(0)} ms pack CPU to AnalyzeStack ${mainStack} ` +
            `(${(added / syntheticStackPolicies).toFixed(1)} ms each, ${((added / median(real.map(f => f[flat]))) * 100).toFixed(0)}% in all)`,
    );
    // Each pack against the empty pack that sends as many not-applicable entries, paired by round.
    const overFloor = (label: string, floorLabel: string) =>
        median(results.get(label)!.map((f, r) => f.analyzeCpuUs / results.get(floorLabel)![r].analyzeCpuUs)).toFixed(2);
    console.log(
        `Analyze pack CPU against the floor for the pack's size (the empty pack sending as many not-applicable entries): ` +
            `hipaa-guard ${overFloor("hipaa-guard", `empty + ${realResource} entries`)}x, synthetic ${syntheticSize} ${overFloor(`synthetic ${syntheticSize}`, `empty + ${syntheticSize} entries`)}x`,
    );
    console.log(`(Values are medians over rounds (ready: over ${readyStarts} starts); ratios in brackets are the median of each round's (start's) ratio to the empty pack in it.`);
    console.log(" Pack CPU is the pack process's own user+system time, in 10 ms ticks; wall times include the gRPC round trip and this");
    console.log(" client, and vary by 20% on a shared 2-core machine: raise BENCH_ROUNDS for tighter medians.)");
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
