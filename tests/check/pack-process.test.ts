// PolicyPackProcess.stop() when the pack is already gone: a crashed or killed pack must not leave
// the check waiting for an "exit" that already happened (the process would then end with exit 0).

import * as assert from "assert";
import { once } from "events";
import { PolicyPackProcess, repoRoot } from "../../tools/lib/analyzer-client";

/** Rejects when `p` has not settled within `ms`. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

describe("PolicyPackProcess.stop()", function () {
    this.timeout(60_000);

    it("returns at once after the pack was killed by a signal (a crash mid-run)", async () => {
        const pack = await PolicyPackProcess.start(repoRoot);
        const child = (pack as unknown as { child: import("child_process").ChildProcess }).child;
        const exited = once(child, "exit");
        process.kill(pack.pid!, "SIGKILL");
        await exited;
        assert.strictEqual(child.exitCode, null, "a signal leaves exitCode null: the case stop() used to miss");
        // A call to the dead pack fails instead of hanging...
        await assert.rejects(within(10_000, pack.getAnalyzerInfo()));
        // ...and stop() returns.
        await within(2_000, pack.stop());
    });

    it("returns when the pack dies while stopping is under way, and when called twice", async () => {
        const pack = await PolicyPackProcess.start(repoRoot);
        process.kill(pack.pid!, "SIGKILL");
        await within(5_000, Promise.all([pack.stop(), pack.stop()]));
        await within(2_000, pack.stop());
    });
});
