// The offline check as users run it (tools/check.ts, what `npm run check` runs after building):
// the sample project passes, violations and stack exports are reported the way `pulumi preview`
// prints them, secrets never show, and bad input gets one line and its documented exit code.

import * as assert from "assert";
import * as path from "path";
import { fixtures, Run, runAll, runCheck } from "./run-check";
import { PLACEHOLDER_SECRET } from "../../tools/lib/check/placeholder";
import { ExitCode, exitCodeMeaning } from "../../tools/lib/check/errors";
import { Report } from "../../tools/lib/check/report";
import { allPolicies } from "../../policies/registry";


/** Every secret in the fixtures (encrypted config, an export's ciphertext and --show-secrets plaintext) contains this. */
const SECRET_MARK = "NEVER-PRINT-THIS";
const PLACEHOLDER = PLACEHOLDER_SECRET;

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
        // Every exit code the check has, each with the start of its meaning from errors.ts.
        for (const [name, code] of Object.entries(ExitCode)) {
            const start = exitCodeMeaning[name as keyof typeof ExitCode].split(" ").slice(0, 3).join(" ");
            assert.ok(run.stdout.includes(`\n  ${code}  ${start}`), `exit code ${code} (${name}) missing from the usage`);
        }
        assert.match(run.stdout, /^ {2}2 {2}bad command line, policy config file \(also an unknown policy or knob, or an invalid knob\n {5}value\), or unwritable report directory \(or one that is a file\)$/m);
        assert.match(run.stdout, /^ {2}130, 143 {2}interrupted by SIGINT or SIGTERM/m);
        assert.match(run.stdout, /^ {2}-s, --stack <name> /m);
    });

    describe("an unwritable --report-dir", () => {
        // A path below a regular file can never be created.
        const unwritable = path.join(fixtures, "export.json", "reports");
        it("does not hide a violation: the report is printed, exit 1, and the error is on stderr", async () => {
            const run = await check(path.join(fixtures, "export.json"), "--report-dir", unwritable);
            assert.strictEqual(run.code, 1, run.stderr + run.stdout);
            assert.match(run.stdout, /^Resources: 3 resources checked, 1 violation, 0 advisories$/m);
            assert.match(run.stderr, /^hipaa-guard check: error: --report-dir .*: cannot write the directory \(ENOTDIR\)$/m);
        });
        it("is exit 2 when nothing was violated", async () => {
            const run = await check(path.join(fixtures, "uncovered-export.json"), "--report-dir", unwritable);
            assertOneLineError(run, 2, /--report-dir .*: cannot write the directory \(ENOTDIR\)$/);
        });
    });

    describe("bad input: one line and a distinct exit code", () => {
        const runs: Record<string, Run> = {};
        before(async function () {
            // Many check runs, a few at a time: on a busy shared machine they take long.
            this.timeout(300_000);
            const cases: Record<string, string[]> = {
                missing: [path.join(fixtures, "no-such-program")],
                throws: [path.join(fixtures, "throws")],
                malformed: [path.join(fixtures, "malformed-export.json")],
                notAnExport: [path.join(fixtures, "not-an-export.json")],
                unknownFlag: ["--no-such-flag"],
                missingValue: ["--stack"],
                jsonValue: ["--json=false"],
                helpValue: ["--help=yes"],
                secretExport: [path.join(fixtures, "secret-malformed-export.json")],
                secretStackFile: [path.join(fixtures, "broken-stack-file")],
                // Read before any program runs: exit 2, not the throwing program's 4.
                secretPolicyConfig: ["--policy-pack-config", path.join(fixtures, "secret-malformed-policy-config.json"), path.join(fixtures, "throws")],
                misspelledKnob: ["--policy-pack-config", path.join(fixtures, "misspelled-knob-policy-config.json"), path.join(fixtures, "export.json")],
                invalidKnobAdvisory: ["--policy-pack-config", path.join(fixtures, "invalid-knob-advisory-policy-config.json"), path.join(fixtures, "uncovered-export.json")],
                reportDirIsFile: [path.join(fixtures, "throws"), "--report-dir", path.join(fixtures, "export.json")],
                mistypedStack: ["--stack", "prdo", path.join(fixtures, "violating")],
                mistypedStackShort: ["-s", "prdo", path.join(fixtures, "violating")],
            };
            Object.assign(runs, await runAll(Object.fromEntries(Object.entries(cases).map(([name, args]) => [name, { args }])), 4));
        });

        it("a missing directory: 3", () => assertOneLineError(runs.missing, 3, /no-such-program: no such file or directory$/));
        it("a program that throws: 4, with the error and where it was thrown", () =>
            assertOneLineError(runs.throws, 4, /throws \(stack dev\): this fixture program fails on purpose \(at index\.ts:5:\d+\)$/));
        it("malformed JSON: 5", () => assertOneLineError(runs.malformed, 5, /malformed-export\.json: not valid JSON( \(at position \d+\))?; expected the output of pulumi stack export$/));
        it("JSON that is not a stack export: 5", () => assertOneLineError(runs.notAnExport, 5, /not-an-export\.json: not a stack export/));
        it("an unknown option or a missing option value: 2", () => {
            assertOneLineError(runs.unknownFlag, 2, /unknown option --no-such-flag/);
            assertOneLineError(runs.missingValue, 2, /--stack needs a value/);
        });
        it("an on/off flag given a value: 2", () => {
            assertOneLineError(runs.jsonValue, 2, /--json takes no value/);
            assertOneLineError(runs.helpValue, 2, /--help takes no value/);
        });

        // A parser's message quotes the input around the error (V8) or prints a code frame
        // (js-yaml): where a secret sits, the check must say only what and where.
        const assertNoSecret = (run: Run) => {
            for (const text of [SECRET_MARK, "NEVER-PRIN"]) assert.ok(!(run.stdout + run.stderr).includes(text), `printed ${text}: ${run.stderr}`);
        };
        it("malformed JSON with a secret at the error: 5, and the secret is not printed", () => {
            assertOneLineError(runs.secretExport, 5, /secret-malformed-export\.json: not valid JSON( \(at position \d+\))?; expected the output of pulumi stack export$/);
            assertNoSecret(runs.secretExport);
        });
        it("a broken Pulumi.<stack>.yaml with a secret at the error: 3, with line and column, and the secret is not printed", () => {
            assertOneLineError(runs.secretStackFile, 3, /Pulumi\.dev\.yaml: .+ at line \d+, column \d+$/);
            assertNoSecret(runs.secretStackFile);
        });
        it("a malformed policy config file with a secret: 2 before any program runs, and the secret is not printed", () => {
            assertOneLineError(runs.secretPolicyConfig, 2, /--policy-pack-config .*secret-malformed-policy-config\.json: not valid JSON/);
            assertNoSecret(runs.secretPolicyConfig);
        });
        it("a knob the policy does not have: 2, naming the policy and the knob", () =>
            assertOneLineError(
                runs.misspelledKnob,
                2,
                /misspelled-knob-policy-config\.json: policy aws-elasticache-encryption-at-rest has no knob "requireCustomerManagedKeys" \(its knobs: requireCustomerManagedKey, waivers, scope\)$/,
            ));
        it("an invalid knob value: 2 even under \"all\": \"advisory\", and the value is not printed", () => {
            assertOneLineError(runs.invalidKnobAdvisory, 2, /invalid-knob-advisory-policy-config\.json: aws-cloudwatch-log-retention: minimumRetentionDays must be one of the retention periods CloudWatch Logs accepts \(1, 3, .+\)$/);
            assertNoSecret(runs.invalidKnobAdvisory);
        });
        it("--report-dir naming a file: 2 before any program runs, saying so", () =>
            assertOneLineError(runs.reportDirIsFile, 2, /--report-dir .*export\.json is a file, not a directory$/));
        it("a --stack the project has no stack file for: 3, naming the stacks it has", () => {
            assertOneLineError(runs.mistypedStack, 3, /violating: no stack prdo \(no Pulumi\.prdo\.yaml\); its stacks are dev$/);
            assertOneLineError(runs.mistypedStackShort, 3, /no stack prdo/);
        });
    });
});
