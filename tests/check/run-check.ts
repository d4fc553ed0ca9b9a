// Running the offline check's command line from tests, in a fresh process from the repository
// root, the way a user (or `npm run check`) runs it.

import { spawn } from "child_process";
import * as path from "path";
import { repoRoot } from "../../tools/lib/analyzer-client";

export interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

export const fixtures = path.join(__dirname, "fixtures");

export function runCheck(...args: string[]): Promise<Run> {
    return runCheckFrom(undefined, ...args);
}

/** As runCheck, with environment variables set (a value undefined removes the variable). */
export function runCheckWith(vars: Record<string, string | undefined>, ...args: string[]): Promise<Run> {
    return runIn(undefined, vars, args);
}

/**
 * As runCheck, as if `npm run check` were typed in `dir` (npm starts the script in the package
 * directory and says where the user was in INIT_CWD); undefined: the repository root.
 */
export function runCheckFrom(dir: string | undefined, ...args: string[]): Promise<Run> {
    return runIn(dir, {}, args);
}

function runIn(dir: string | undefined, vars: Record<string, string | undefined>, args: string[]): Promise<Run> {
    const env = { ...process.env, ...vars };
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete env[k];
    delete env.INIT_CWD; // set when mocha runs under npm; the check would resolve paths against it
    if (dir !== undefined) env.INIT_CWD = dir;
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(repoRoot, "tools", "check.ts"), ...args], {
            cwd: repoRoot,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", chunk => (stdout += chunk));
        child.stderr.on("data", chunk => (stderr += chunk));
        child.on("error", reject);
        child.on("close", code => resolve({ code, stdout, stderr }));
    });
}

/**
 * Runs the check once per case, `concurrency` at a time (each run loads TypeScript and most start
 * a pack: all at once, on a small shared machine, they starve each other past the pack's start
 * timeout). Results by case name.
 */
export async function runAll(cases: Record<string, { dir?: string; args: string[] }>, concurrency = 3): Promise<Record<string, Run>> {
    const queue = Object.entries(cases);
    const runs: Record<string, Run> = {};
    const worker = async (): Promise<void> => {
        for (let job = queue.shift(); job; job = queue.shift()) runs[job[0]] = await runCheckFrom(job[1].dir, ...job[1].args);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return runs;
}
