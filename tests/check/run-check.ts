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
    return runCheckWith({}, ...args);
}

/** As runCheck, with environment variables set (a value undefined removes the variable). */
export function runCheckWith(vars: Record<string, string | undefined>, ...args: string[]): Promise<Run> {
    const env = { ...process.env, ...vars };
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete env[k];
    delete env.INIT_CWD; // set when mocha runs under npm; the check would resolve paths against it
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
