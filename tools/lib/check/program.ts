// Running one stack of a program offline: a child process per run (the SDK's mocks are global
// state), TypeScript through ts-node in transpile-only mode, config as the Pulumi CLI passes it.

import { fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Capture, isChecked, ROOT_STACK_TYPE, stackUrnOf, Unseen } from "./capture";
import { CheckError, ExitCode, oneLine, shownPath } from "./errors";
import { ProgramTarget } from "./project";
import { CapturedResource, LostResource, RunnerRequest, RunnerResponse } from "./protocol";
import { propsFromWire } from "./wire";

export interface RunOptions {
    /** How long the program may run, in milliseconds (default 120 s). */
    readonly timeoutMs?: number;
    /**
     * Hears what the program printed (stdout and stderr, as they came), once it has ended, as
     * pulumi preview shows it; unset, the program's output is not read at all.
     */
    readonly output?: (text: string) => void;
    /** The environment the check runs in (default process.env): the program's, less Pulumi's and ts-node's variables. */
    readonly env?: NodeJS.ProcessEnv;
}

const runner = path.join(__dirname, "runner.ts");

/** Runs the program for one stack and returns what it would deploy, as `pulumi preview` sees it. */
export async function captureProgram(target: ProgramTarget, opts: RunOptions = {}): Promise<Capture> {
    const response = await runProgram(target, opts.timeoutMs ?? 120_000, opts.output, opts.env ?? process.env);
    const label = `${shownPath(target.projectDir)} (stack ${target.stack})`;
    if (!response.ok) {
        throw new CheckError(response.kind === "input" ? ExitCode.inputNotFound : ExitCode.programFailed, `${label}: ${response.message}`);
    }
    const urn = (u: string) => response.urnMap[u] ?? u;
    const notes = [...target.notes];
    for (const key of response.placeholders) notes.push(`secret config ${key} is not set: a placeholder secret stands in for it`);
    const unseen = unseenOf(response.resources, response.lost);
    for (const u of unseen) notes.push(`not seen: ${u.type} (${u.name}) ${u.hides}`);
    notes.push(...invokeNotes(response.invokes));
    return {
        kind: "program",
        source: target.projectDir,
        project: target.project,
        stack: target.stack,
        stackUrn: response.resources.find(r => r.type === ROOT_STACK_TYPE)?.urn ?? stackUrnOf(target.project, target.stack),
        resources: response.resources
            .filter(r => isChecked(r.type))
            .map(r => ({
                type: r.type,
                name: r.name,
                urn: r.urn,
                parent: r.parent,
                props: propsFromWire(r.inputs, { urn }),
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
                protect: r.protect,
            })),
        notes,
        entry: response.entryFile,
        sources: Object.fromEntries(response.resources.filter(r => r.source).map(r => [r.urn, r.source!])),
        unseen,
    };
}

/** Multi-language components (whose children only the engine creates) and registrations the mocks lost. */
function unseenOf(resources: readonly CapturedResource[], lost: readonly LostResource[]): Unseen[] {
    const unseen: Unseen[] = [];
    for (const r of resources) {
        if (!r.remote) continue;
        const plugin = r.type.split(":")[0];
        const children = resources.filter(c => c.parent === r.urn).length;
        unseen.push({
            kind: "component",
            type: r.type,
            name: r.name,
            hides: `is a multi-language component: the ${plugin} provider plugin creates its child resources through the Pulumi engine, so no policy saw any of them${children > 0 ? ` (only the ${children} the program itself gave it)` : ""}; check them with pulumi preview --policy-pack or a stack export`,
        });
    }
    for (const r of lost) {
        unseen.push({ kind: "lost", type: r.type, name: r.name, hides: `was registered by the program but not accepted under the mocks (${oneLine(r.reason)}), so no policy saw it` });
    }
    return unseen;
}

/** Which data sources answered with placeholders (Promise forms) or, lacking a declared result type, with nothing. */
function invokeNotes(invokes: readonly { token: string; placeholder: boolean }[]): string[] {
    const tokens = (placeholder: boolean) => [...new Set(invokes.filter(i => i.placeholder === placeholder).map(i => i.token))];
    const notes: string[] = [];
    const filled = tokens(true);
    const empty = tokens(false);
    if (filled.length > 0) notes.push(`data sources answered offline with placeholder values of their declared result type (no cloud account): ${filled.join(", ")}`);
    if (empty.length > 0) notes.push(`data sources answered offline with an empty result (no declared result type found): ${empty.join(", ")}`);
    return notes;
}

function runProgram(target: ProgramTarget, timeoutMs: number, output: ((text: string) => void) | undefined, checkEnv: NodeJS.ProcessEnv): Promise<RunnerResponse> {
    // PULUMI_NODEJS_TRANSPILE_ONLY is the Pulumi CLI's switch for the type check: honoured the same way.
    const transpileOnlyEnv = checkEnv.PULUMI_NODEJS_TRANSPILE_ONLY;
    const request: RunnerRequest = {
        entry: target.entry,
        projectDir: target.projectDir,
        project: target.project,
        stack: target.stack,
        esm: target.esm,
        ...(transpileOnlyEnv ? { transpileOnly: transpileOnlyEnv === "true" } : {}),
    };
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(checkEnv)) {
        // Nothing from an enclosing Pulumi run or ts-node registration may leak into the program.
        if (!/^(PULUMI_NODEJS_|PULUMI_CONFIG|TS_NODE_)/.test(k)) env[k] = v;
    }
    Object.assign(env, {
        HIPAA_GUARD_RUNNER_REQUEST: JSON.stringify(request),
        PULUMI_CONFIG: JSON.stringify(target.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(target.secretKeys),
        // The runner's own files, and only those (its directory): the program's compile with its
        // own tsconfig.json (runner.ts), and a file compiled by both would be compiled twice.
        TS_NODE_SKIP_PROJECT: "true",
        TS_NODE_SCOPE: "true",
        TS_NODE_SCOPE_DIR: __dirname,
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs", moduleResolution: "node", target: "ES2020" }),
        TS_NODE_TRANSPILE_ONLY: "true",
    });

    return new Promise(resolve => {
        // The program's own console output is not the check's, and may print anything: it is read
        // only when asked for (--show-output). What failed comes from the runner, over IPC.
        const child = fork(runner, [], {
            cwd: target.projectDir,
            env,
            execArgv: ["-r", require.resolve("ts-node/register/transpile-only")],
            stdio: ["ignore", output ? "pipe" : "ignore", output ? "pipe" : "ignore", "ipc"],
        });
        const printed: Buffer[] = [];
        child.stdout?.on("data", (chunk: Buffer) => printed.push(chunk));
        child.stderr?.on("data", (chunk: Buffer) => printed.push(chunk));
        let settled: RunnerResponse | undefined;
        let done = false;
        const finish = (fallback: RunnerResponse) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            if (output) output(programOutput(target, Buffer.concat(printed).toString("utf8")));
            resolve(settled ?? fallback);
        };
        const timer = setTimeout(() => {
            settled ??= { ok: false, kind: "program", message: `did not finish within ${Math.round(timeoutMs / 1000)} s` };
            child.kill("SIGKILL");
        }, timeoutMs);
        child.on("message", message => {
            settled ??= message as RunnerResponse;
        });
        // Node may emit "error" without "exit" (the process never started): settle on either.
        child.on("error", err => finish({ ok: false, kind: "program", message: `could not start: ${err.message}` }));
        child.on("exit", (code, signal) =>
            finish({
                ok: false,
                kind: "program",
                message: `${signal ? `was killed by ${signal}` : `exited with code ${code}`} before finishing${output ? " (its output is above)" : "; rerun with --show-output to see what it printed"}`,
            }),
        );
    });
}

/** What a program printed, as the check shows it: a heading naming the stack, then each line indented. */
function programOutput(target: ProgramTarget, text: string): string {
    const heading = `Output of program ${shownPath(target.projectDir)} (stack ${target.stack}):`;
    const lines = text.replace(/\r\n/g, "\n").replace(/\n+$/, "").split("\n");
    return text.trim() === "" ? `${heading} (nothing printed)\n` : `${heading}\n${lines.map(l => `    ${l}`).join("\n")}\n`;
}
