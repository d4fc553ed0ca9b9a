// Running one stack of a program offline: a child process per run (the SDK's mocks are global
// state), TypeScript through ts-node in transpile-only mode, config as the Pulumi CLI passes it.

import { fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Capture, isChecked, ROOT_STACK_TYPE, stackUrnOf } from "./capture";
import { CheckError, ExitCode, shownPath } from "./errors";
import { ProgramTarget } from "./project";
import { RunnerRequest, RunnerResponse } from "./protocol";
import { propsFromWire } from "./wire";

export interface RunOptions {
    /** How long the program may run, in milliseconds (default 120 s). */
    readonly timeoutMs?: number;
}

const runner = path.join(__dirname, "runner.ts");

/** Runs the program for one stack and returns what it would deploy, as `pulumi preview` sees it. */
export async function captureProgram(target: ProgramTarget, opts: RunOptions = {}): Promise<Capture> {
    const response = await runProgram(target, opts.timeoutMs ?? 120_000);
    const label = `${shownPath(target.projectDir)} (stack ${target.stack})`;
    if (!response.ok) {
        throw new CheckError(response.kind === "input" ? ExitCode.inputNotFound : ExitCode.programFailed, `${label}: ${response.message}`);
    }
    const urn = (u: string) => response.urnMap[u] ?? u;
    const notes = [...target.notes];
    for (const key of response.placeholders) notes.push(`secret config ${key} is not set: a placeholder secret stands in for it`);
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
            })),
        notes,
        entry: response.entryFile,
        sources: Object.fromEntries(response.resources.filter(r => r.source).map(r => [r.urn, r.source!])),
    };
}

function runProgram(target: ProgramTarget, timeoutMs: number): Promise<RunnerResponse> {
    const request: RunnerRequest = { entry: target.entry, projectDir: target.projectDir, project: target.project, stack: target.stack };
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
        // Nothing from an enclosing Pulumi run or ts-node registration may leak into the program.
        if (!/^(PULUMI_NODEJS_|PULUMI_CONFIG|TS_NODE_)/.test(k)) env[k] = v;
    }
    const tsconfig = path.join(target.projectDir, "tsconfig.json");
    Object.assign(env, {
        HIPAA_GUARD_RUNNER_REQUEST: JSON.stringify(request),
        PULUMI_CONFIG: JSON.stringify(target.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(target.secretKeys),
        // As the Pulumi CLI does: the project's tsconfig.json when it has one, CommonJS output.
        ...(fs.existsSync(tsconfig) ? { TS_NODE_PROJECT: tsconfig } : { TS_NODE_SKIP_PROJECT: "true" }),
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs", moduleResolution: "node", ...(fs.existsSync(tsconfig) ? {} : { target: "ES2020" }) }),
        TS_NODE_TRANSPILE_ONLY: "true",
    });

    return new Promise(resolve => {
        // The program's own console output is not the check's, and may print anything (config,
        // secrets): it is never read. What failed comes from the runner, over IPC.
        const child = fork(runner, [], {
            cwd: target.projectDir,
            env,
            execArgv: ["-r", require.resolve("ts-node/register/transpile-only")],
            stdio: ["ignore", "ignore", "ignore", "ipc"],
        });
        let settled: RunnerResponse | undefined;
        let done = false;
        const finish = (fallback: RunnerResponse) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
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
                message: `${signal ? `was killed by ${signal}` : `exited with code ${code}`} before finishing; see the program's output (pulumi preview shows it; the offline check does not print it)`,
            }),
        );
    });
}
