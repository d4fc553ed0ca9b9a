// The corpus (tests/check/corpus/): one small program per shape real programs take, each through
// the offline check's command line with its expected outcome and exit code. All run at once, as
// separate check processes, like the cases of cli.test.ts.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../tools/lib/analyzer-client";
import { CheckError, ExitCode } from "../../tools/lib/check/errors";
import { captureProgram } from "../../tools/lib/check/program";
import { ProgramTarget, resolveTargets } from "../../tools/lib/check/project";
import { formatText, Report } from "../../tools/lib/check/report";
import { MIN_SDK_VERSION } from "../../tools/lib/check/sdk-version";
import { Run, runCheckWith } from "./run-check";

const corpus = path.join(__dirname, "corpus");
const program = (name: string) => path.join(corpus, name);

/** The oldest supported SDK, as npm ci installs it (package.json: "pulumi-sdk-3-228": "npm:@pulumi/pulumi@3.228.0"). */
const oldSdk = path.join(repoRoot, "node_modules", "pulumi-sdk-3-228");

/** Points a corpus program's @pulumi/pulumi at `target` (its node_modules is not in git). */
function linkSdk(name: string, target: string): void {
    const dir = path.join(program(name), "node_modules", "@pulumi");
    fs.rmSync(path.join(program(name), "node_modules"), { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(target, path.join(dir, "pulumi"), "dir");
}

/** An @pulumi/pulumi older than the check supports: only what the version check reads. */
function fakeOldSdk(name: string, version: string): void {
    const dir = path.join(program(name), "node_modules", "@pulumi", "pulumi");
    fs.rmSync(path.join(program(name), "node_modules"), { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/pulumi", version, main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), "throw new Error('this stand-in SDK must never be loaded');\n");
}

/** Type-check (as pulumi preview does) only where it is cheap: a program importing @pulumi/aws costs ~8 s of CPU. */
const typeChecked = { PULUMI_NODEJS_TRANSPILE_ONLY: undefined };
const transpiled = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

function parse(run: Run): Report {
    try {
        return JSON.parse(run.stdout);
    } catch {
        throw new Error(`not JSON (exit ${run.code}): ${run.stderr}${run.stdout}`);
    }
}

/** Runs one program as the check does, with `vars` set for it, and returns the error it must end with. */
async function captureFailure(vars: Record<string, string | undefined>, dir: string): Promise<CheckError> {
    const env = { ...process.env, ...vars };
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete env[k];
    const [t] = resolveTargets(dir) as ProgramTarget[];
    try {
        await captureProgram(t, { env });
    } catch (e) {
        if (e instanceof CheckError) return e;
        throw e;
    }
    throw new Error(`${dir} was expected to fail`);
}

/** The one line the check prints for an error (CheckError makes it one line), its exit code checked. */
function oneLineError(e: CheckError, code: number): string {
    assert.strictEqual(e.exitCode, code, `expected exit ${code}, got ${e.exitCode}: ${e.message}`);
    assert.doesNotMatch(e.message, /\n/);
    assert.ok(e.message.length < 400, `a ${e.message.length}-character error line`);
    return e.message;
}

describe("the corpus of program shapes (npm run check)", function () {
    this.timeout(600_000); // the runs below take some 30 s on an idle 2-core machine, far longer on a busy one
    const runs: Record<string, Run> = {};
    const failed: Record<string, CheckError> = {};

    before(async () => {
        linkSdk("old-sdk-invoke", oldSdk);
        linkSdk("old-sdk-holds-resource", oldSdk);
        fakeOldSdk("old-sdk-unsupported", "3.100.0");
        // Programs with the same expected exit code share a check run (each is its own target in
        // the report).
        const cases: Record<string, [Record<string, string | undefined>, string[]]> = {
            // Exit 0, type-checked as pulumi preview would.
            checked: [typeChecked, ["--json", program("old-sdk-invoke"), program("old-sdk-holds-resource"), program("esm")]],
            // Exit 0; these import @pulumi/aws.
            transpiled: [transpiled, ["--json", program("promise-invokes"), program("program-output")]],
            typeErrorSkipped: [transpiled, [program("type-error")]],
            // Exit 8, whatever the other target does; with what the programs printed on stderr.
            remote: [transpiled, ["--json", "--show-output", program("remote-component"), program("program-output"), program("lost-registration")]],
        };
        const queue = Object.entries(cases);
        const worker = async () => {
            for (let next = queue.shift(); next; next = queue.shift()) {
                const [name, [env, args]] = next;
                runs[name] = await runCheckWith(env, ...args);
            }
        };
        // A program that fails ends the check before the pack hears anything: these run the check's
        // program runner alone (what the command line would print is its one-line message).
        const failures: Record<string, [Record<string, string | undefined>, string]> = {
            unsupported: [typeChecked, "old-sdk-unsupported"],
            invokeFails: [transpiled, "invoke-fails"],
            typeError: [typeChecked, "type-error"],
        };
        const failing = async () => {
            for (const [name, [env, dir]] of Object.entries(failures)) failed[name] = await captureFailure(env, program(dir));
        };
        // One process of the check at a time: each run starts a policy pack, which must answer
        // within 30 s, and a type check beside it on a busy 2-core machine can starve it.
        await failing();
        await worker();
    });

    /** The report of one program in a shared run. */
    const target = (run: string, name: string) => {
        const report = parse(runs[run]);
        const t = report.targets.find(x => x.project === name);
        assert.ok(t, `no target ${name} in ${runs[run].stdout}`);
        return t;
    };

    describe("a multi-language component (awsx.ec2.Vpc's shape: remote: true)", () => {
        it("is reported by name and type with what it hides, and the run is no pass: exit 8", () => {
            const report = parse(runs.remote);
            assert.strictEqual(runs.remote.code, ExitCode.incomplete, runs.remote.stderr);
            assert.strictEqual(report.exitCode, ExitCode.incomplete);
            const t = target("remote", "remote-component");
            assert.strictEqual(t.violations, 0);
            assert.deepStrictEqual(
                t.unseen.map(u => [u.kind, u.type, u.name]),
                [["component", "awsx:ec2:Vpc", "phi-network"]],
            );
            assert.match(t.unseen[0].hides, /the awsx provider plugin creates its child resources through the Pulumi engine, so no policy saw any of them/);
            assert.ok(t.notes.some(n => n.startsWith("not seen: awsx:ec2:Vpc (phi-network) is a multi-language component")), t.notes.join("\n"));
            assert.deepStrictEqual(target("remote", "program-output").unseen, []);
        });
        it("says so in the terminal too", () => {
            // The text the same run prints without --json.
            const out = formatText(parse(runs.remote));
            assert.match(out, /^Checking stack dev of project program-output /m);
            assert.match(out, /^ {4}note: not seen: awsx:ec2:Vpc \(phi-network\) is a multi-language component/m);
            assert.match(out, /^Not seen: awsx:ec2:Vpc \(phi-network\): the check could not look into it \(see the notes\)\. This is not a pass\.$/m);
            assert.match(out, /^2 resources not seen: exit code 8\.$/m); // the component, and lost-registration's log group
            assert.match(out, /^Checking stack dev of project remote-component [^]*?⚠️ {2}hipaa-guard/m);
        });
    });

    it("a registration the mocks refused and nothing reported is named, not dropped: exit 8", () => {
        assert.strictEqual(runs.remote.code, ExitCode.incomplete, runs.remote.stderr);
        const t = target("remote", "lost-registration");
        assert.strictEqual(t.resources, 1);
        assert.deepStrictEqual(
            t.unseen.map(u => [u.kind, u.type, u.name]),
            [["lost", "aws:cloudwatch/logGroup:LogGroup", "lost"]],
        );
        assert.ok(
            t.notes.includes(
                "not seen: aws:cloudwatch/logGroup:LogGroup (lost) was registered by the program but not accepted under the mocks (acme keys cannot be rebuilt from a reference), so no policy saw it",
            ),
            t.notes.join("\n"),
        );
    });

    describe(`@pulumi/pulumi ${MIN_SDK_VERSION}, the oldest supported (Pulumi's examples pin it)`, () => {
        it("answers data sources: the Promise form with a placeholder of the declared result, the Output form unknown", () => {
            assert.strictEqual(runs.checked.code, ExitCode.ok, runs.checked.stderr);
            const t = target("checked", "old-sdk-invoke");
            assert.strictEqual(t.resources, 1);
            assert.deepStrictEqual(t.unseen, []);
            assert.ok(
                t.notes.includes("data sources answered offline with placeholder values of their declared result type (no cloud account): aws:index/getAvailabilityZones:getAvailabilityZones"),
                t.notes.join("\n"),
            );
        });
        it("checks a resource whose input holds another resource object (it used to be dropped)", () => {
            assert.strictEqual(runs.checked.code, ExitCode.ok, runs.checked.stderr);
            const t = target("checked", "old-sdk-holds-resource");
            assert.strictEqual(t.resources, 2);
            assert.deepStrictEqual(t.unseen, []);
        });
        it("below it: one line naming the version and the oldest supported, exit 3", () => {
            const line = oneLineError(failed.unsupported, ExitCode.inputNotFound);
            assert.match(line, new RegExp(`the program uses @pulumi/pulumi 3\\.100\\.0, older than ${MIN_SDK_VERSION.replace(/\./g, "\\.")}, the oldest the offline check supports; upgrade it there`));
        });
    });

    describe("data sources awaited as Promises (getAvailabilityZones, the default VPC)", () => {
        it("get plausible results of their declared shape, and the program runs", () => {
            assert.strictEqual(runs.transpiled.code, ExitCode.ok, runs.transpiled.stderr);
            const t = target("transpiled", "promise-invokes");
            assert.strictEqual(t.resources, 2);
            assert.ok(
                t.notes.includes(
                    "data sources answered offline with placeholder values of their declared result type (no cloud account): aws:index/getAvailabilityZones:getAvailabilityZones, aws:ec2/getVpc:getVpc",
                ),
                t.notes.join("\n"),
            );
        });
        it("when the program still fails on a result, the one-line error names the data source", () => {
            const line = oneLineError(failed.invokeFails, ExitCode.programFailed);
            assert.match(line, /invoke-fails \(stack dev\): TypeError: .*Cannot read properties of undefined \(reading '0'\) \(at index\.ts:12:\d+\)/);
            assert.match(line, /offline, data sources answered with an empty result \(no declared result type found\): acme:compute\/getImages:getImages$/);
        });
    });

    it('runs an ES module program ("type": "module", .js import specifiers, top-level await), type-checked', () => {
        assert.strictEqual(runs.checked.code, ExitCode.ok, runs.checked.stderr);
        assert.strictEqual(target("checked", "esm").resources, 1);
    });

    describe("a type error", () => {
        it("stops the run as pulumi preview does: exit 4, one line naming file:line:column", () => {
            const line = oneLineError(failed.typeError, ExitCode.programFailed);
            assert.match(line, /type-error \(stack dev\): type error at index\.ts:5:7: TS2322 Type 'string' is not assignable to type 'number'; pulumi preview type-checks/);
        });
        it("is not checked under PULUMI_NODEJS_TRANSPILE_ONLY=true, as with the Pulumi CLI: the string then reaches the pack", () => {
            assert.strictEqual(runs.typeErrorSkipped.code, ExitCode.violations, runs.typeErrorSkipped.stderr);
            assert.match(runs.typeErrorSkipped.stdout, /^ {14}retentionInDays is a string, not a number of days\./m);
        });
    });

    describe("what the program prints", () => {
        it("is shown with --show-output, on stderr under a heading naming the stack", () => {
            assert.strictEqual(runs.remote.code, ExitCode.incomplete, runs.remote.stderr);
            assert.match(
                runs.remote.stderr,
                /^Output of program \S*program-output \(stack dev\):\n {4}creating the audit log group\n {4}warning from the program: retention is set by policy\n/m,
            );
            assert.match(runs.remote.stderr, /^Output of program \S*remote-component \(stack dev\): \(nothing printed\)$/m);
            assert.doesNotMatch(runs.remote.stdout, /creating the audit log group/);
        });
        it("is not read without it", () => {
            assert.strictEqual(runs.transpiled.code, ExitCode.ok);
            assert.doesNotMatch(runs.transpiled.stdout + runs.transpiled.stderr, /creating the audit log group/);
        });
    });
});
