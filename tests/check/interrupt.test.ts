// Interrupting the offline check (Ctrl-C, a cancelled CI job) ends what it started: the policy
// pack process (run-policy-pack) and the program's runner do not outlive it. Linux only: the
// processes are found through /proc.

import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../tools/lib/analyzer-client";
import { signalExitCode } from "../../tools/check";
import { fixtures } from "./run-check";

/** The processes whose parent is `pid`, with their command lines. */
function children(pid: number): { pid: number; cmdline: string }[] {
    const out: { pid: number; cmdline: string }[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            // The command may hold spaces and parentheses: the fields after its last ")" are fixed.
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            if (ppid === pid) out.push({ pid: Number(entry), cmdline: fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ") });
        } catch {
            // The process ended while we looked.
        }
    }
    return out;
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

async function until<T>(what: string, ms: number, probe: () => T | undefined): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
        const found = probe();
        if (found !== undefined) return found;
        if (Date.now() > end) throw new Error(`${what} within ${ms} ms`);
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}

async function interrupt(signal: "SIGINT" | "SIGTERM"): Promise<void> {
    const env = { ...process.env };
    delete env.INIT_CWD;
    const check = spawn(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(repoRoot, "tools", "check.ts"), path.join(fixtures, "hangs")], {
        cwd: repoRoot,
        env,
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    check.stderr.on("data", chunk => (stderr += chunk));
    const exited = new Promise<number | null>(resolve => check.on("exit", code => resolve(code)));
    try {
        // Both started: the pack (it starts while the program runs) and the program's runner.
        const [pack, runner] = await until("the pack and the program's runner did not both start", 150_000, () => {
            const kids = children(check.pid!);
            const p = kids.find(k => k.cmdline.includes("run-policy-pack"));
            const r = kids.find(k => k.cmdline.includes("runner.ts"));
            return p && r ? [p.pid, r.pid] : undefined;
        });
        // The pack has printed its port once it listens; give it a moment so the signal finds it serving.
        await new Promise(resolve => setTimeout(resolve, 500));
        check.kill(signal);
        assert.strictEqual(await exited, signalExitCode[signal], stderr);
        assert.match(stderr, new RegExp(`^hipaa-guard check: error: interrupted by ${signal}; stopped the policy pack and the programs\\n$`));
        await until(`the pack (pid ${pack}) or the runner (pid ${runner}) outlived the check`, 10_000, () => (!alive(pack) && !alive(runner) ? true : undefined));
    } finally {
        if (check.exitCode === null) check.kill("SIGKILL");
    }
}

describe("interrupting the offline check", function () {
    this.timeout(300_000);
    before(function () {
        if (process.platform !== "linux") this.skip();
    });

    it("SIGTERM ends the policy pack and the program run too, and exits 143", () => interrupt("SIGTERM"));
    it("SIGINT ends the policy pack and the program run too, and exits 130", () => interrupt("SIGINT"));
});
