// The offline check as users run it (tools/check.ts, what `npm run check` runs after building):
// the sample project passes, violations and stack exports are reported the way `pulumi preview`
// prints them, secrets never show, and bad input gets one line and its documented exit code.

import * as assert from "assert";
import * as path from "path";
import { fixtures, Run, runCheck } from "./run-check";
import { Report } from "../../tools/lib/check/report";
import { allPolicies } from "../../policies/registry";


/** Every secret in the fixtures (encrypted config, an export's ciphertext and --show-secrets plaintext) contains this. */
const SECRET_MARK = "NEVER-PRINT-THIS";
const PLACEHOLDER = "hipaa-guard-offline-check-placeholder";

const check = runCheck;

/** One line on stderr, naming the problem; nothing on stdout; no stack trace. */
function assertOneLineError(run: Run, code: number, ...patterns: RegExp[]): void {
    assert.strictEqual(run.code, code, `expected exit ${code}, got ${run.code}: ${run.stderr}${run.stdout}`);
    assert.strictEqual(run.stdout, "");
    const lines = run.stderr.split("\n").filter(l => l.trim() !== "" && !/^npm warn/.test(l));
    assert.strictEqual(lines.length, 1, `expected one line, got:\n${run.stderr}`);
    assert.match(lines[0], /^hipaa-guard check: error: /);
    assert.doesNotMatch(lines[0], /\s+at\s+\S+\s+\(/, "a stack trace leaked");
    for (const p of patterns) assert.match(lines[0], p);
}

describe("npm run check (tools/check.ts)", function () {
    this.timeout(120_000);

    it("passes the sample project's stacks aws and gce with zero violations", async () => {
        const run = await check("--json");
        assert.strictEqual(run.code, 0, run.stderr + run.stdout);
        const report: Report = JSON.parse(run.stdout);
        assert.deepStrictEqual(report.targets.map(t => t.stack).sort(), ["aws", "gce"]);
        assert.strictEqual(report.pack.policies, allPolicies.length);
        for (const t of report.targets) {
            assert.strictEqual(t.kind, "program");
            assert.ok(t.resources > 10, `stack ${t.stack} checked only ${t.resources} resources`);
            assert.strictEqual(t.violations, 0, JSON.stringify(t.findings, null, 1));
            assert.deepStrictEqual(t.findings.filter(f => f.enforcementLevel !== "advisory"), []);
        }
        assert.strictEqual(report.summary.violations, 0);
        assert.strictEqual(report.exitCode, 0);
        // The AWS sample's AUTH token is a secret the stack does not set: a placeholder stands in.
        assert.ok(report.targets.find(t => t.stack === "aws")!.notes.some(n => /cacheAuthToken is not set/.test(n)));
        assert.ok(!run.stdout.includes(PLACEHOLDER));
    });

    it("prints violations grouped by resource as pulumi preview does, and exits 1", async () => {
        const run = await check(path.join(fixtures, "violating"), path.join(fixtures, "export.json"));
        assert.strictEqual(run.code, 1, run.stderr);
        const out = run.stdout;
        assert.match(out, /^Checking stack dev of project violating-fixture \(program tests\/check\/fixtures\/violating\), offline preview$/m);
        assert.match(out, /^ {4}note: secret config violating-fixture:cacheToken is encrypted and is not decrypted offline/m);
        assert.match(out, /^Policies:\n {4}❌ hipaa-guard@v0\.1\.0 \(local: \.\)$/m);
        // Each resource once, then its findings: "- [level]  policy" and the message beneath.
        assert.match(out, /^ {8}aws:kms\/key:Key \(unrotated\):\n {12}- \[mandatory\] {2}aws-kms-key-rotation\n {14}enableKeyRotation is false\. Fix: .+\[HIPAA §/m);
        assert.match(out, /^ {8}aws:elasticache\/replicationGroup:ReplicationGroup \(cache\):\n {12}- \[mandatory\] {2}aws-elasticache-encryption-at-rest\n {14}atRestEncryptionEnabled is false\./m);
        assert.match(out, /^Resources: 2 resources checked, 2 violations, 0 advisories$/m);
        // The stack export: its log group keeps 30 days; the pending-delete key is not the stack's any more.
        assert.match(out, /^Checking stack prod of project records \(stack export tests\/check\/fixtures\/export\.json\)$/m);
        assert.match(out, /^ {8}aws:cloudwatch\/logGroup:LogGroup \(app\):\n {12}- \[mandatory\] {2}aws-cloudwatch-log-retention\n/m);
        assert.doesNotMatch(out, /\(old\):/);
        assert.match(out, /^Resources: 3 resources checked, 1 violation, 0 advisories$/m);
        assert.match(out, /^Total: 2 stacks, 5 resources checked, 3 violations, 0 advisories$/m);
        // Secrets: the encrypted config value, the export's encrypted and decrypted ones, the placeholder.
        for (const text of [SECRET_MARK, PLACEHOLDER]) assert.ok(!(out + run.stderr).includes(text), `printed ${text}`);
    });

    it("answers --help with the usage and the exit codes", async () => {
        const run = await check("--help");
        assert.strictEqual(run.code, 0);
        assert.match(run.stdout, /^Usage: npm run check -- \[options\] \[target \.\.\.\]/);
        for (const code of [0, 1, 2, 3, 4, 5, 6]) assert.match(run.stdout, new RegExp(`^ {2}${code} {2}\\S`, "m"));
    });

    describe("bad input: one line and a distinct exit code", () => {
        const runs: Record<string, Run> = {};
        before(async () => {
            const cases: Record<string, string[]> = {
                missing: [path.join(fixtures, "no-such-program")],
                throws: [path.join(fixtures, "throws")],
                malformed: [path.join(fixtures, "malformed-export.json")],
                notAnExport: [path.join(fixtures, "not-an-export.json")],
                unknownFlag: ["--no-such-flag"],
                missingValue: ["--stack"],
            };
            await Promise.all(Object.entries(cases).map(async ([name, args]) => (runs[name] = await check(...args))));
        });

        it("a missing directory: 3", () => assertOneLineError(runs.missing, 3, /no-such-program: no such file or directory$/));
        it("a program that throws: 4, with the error and where it was thrown", () =>
            assertOneLineError(runs.throws, 4, /throws \(stack dev\): this fixture program fails on purpose \(at index\.ts:5:\d+\)$/));
        it("malformed JSON: 5", () => assertOneLineError(runs.malformed, 5, /malformed-export\.json: not valid JSON \(.+\); expected the output of pulumi stack export$/));
        it("JSON that is not a stack export: 5", () => assertOneLineError(runs.notAnExport, 5, /not-an-export\.json: not a stack export/));
        it("an unknown option or a missing option value: 2", () => {
            assertOneLineError(runs.unknownFlag, 2, /unknown option --no-such-flag/);
            assertOneLineError(runs.missingValue, 2, /--stack needs a value/);
        });
    });
});
