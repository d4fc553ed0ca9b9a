// The offline check means what the engine means: under enforcement level remediate it calls
// Remediate as the engine does, shows the fix and does not fail on it; a stack export is checked
// as `pulumi policy analyze` checks a stack (inputs to Analyze, outputs to AnalyzeStack); --stack
// on an export is honoured; waived resources show in the terminal and in --json.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fixtures, Run, runAll } from "./run-check";
import { ComplianceReport } from "../../tools/lib/check/compliance";
import { formatText, Report } from "../../tools/lib/check/report";
import { PLACEHOLDER_SECRET } from "../../tools/lib/check/placeholder";

const remediateDir = path.join(fixtures, "remediate");
const outputsExport = path.join(fixtures, "outputs-export.json");

function noSecret(run: Run): void {
    for (const text of ["NEVER-PRINT-THIS", PLACEHOLDER_SECRET]) assert.ok(!(run.stdout + run.stderr).includes(text), `printed ${text}`);
}

describe("the offline check's semantics match the engine's", function () {
    this.timeout(120_000);
    let work: string;
    const runs: Record<string, Run> = {};

    before(async function () {
        // Many check runs, a few at a time: on a busy shared machine they take long.
        this.timeout(300_000);
        work = fs.mkdtempSync(path.join(os.tmpdir(), "hipaa-guard-semantics-"));
        const config = path.join(remediateDir, "policy-config.json");
        Object.assign(
            runs,
            await runAll(
                {
                    // --json: the terminal text is the same report through formatText (what the check prints without --json).
                    remediatedJson: { args: [remediateDir, "--policy-pack-config", config, "--json", "--report-dir", work] },
                    allRemediate: { args: [path.join(fixtures, "violating"), "--policy-pack-config", path.join(fixtures, "all-remediate-policy-config.json"), "--json"] },
                    outputs: { args: [outputsExport, "--stack", "prod", "--json", "--report-dir", path.join(work, "outputs")] },
                    stackOther: { args: [outputsExport, "--stack", "dev"] },
                },
                2,
            ),
        );
    });

    after(() => {
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    describe("enforcement level remediate", () => {
        it("shows each fix (which properties change, from what to what) and exits 0: the engine applies it and goes on", () => {
            const run = runs.remediatedJson;
            assert.strictEqual(run.code, 0, run.stderr + run.stdout);
            const text = formatText(JSON.parse(run.stdout));
            assert.match(text, /^ {8}aws:kms\/key:Key \(unrotated\):\n {12}- \[remediate\] {2}aws-kms-key-rotation\n {14}remediated, not a violation \(pulumi up applies this fix and goes on\): enableKeyRotation false → true$/m);
            assert.match(text, /^ {12}- \[remediate\] {2}aws-elasticache-encryption-in-transit\n {14}remediated, .*: transitEncryptionMode "preferred" → "required"$/m);
            assert.match(text, /^ {12}- \[remediate\] {2}aws-elasticache-backup-retention\n {14}remediated, .*: snapshotRetentionLimit 1 → 35$/m);
            assert.match(text, /^Resources: 2 resources checked, 0 violations, 0 advisories, 3 remediated, 1 waived$/m);
            assert.doesNotMatch(text, /\[mandatory\]/);
            // The cache's AUTH token is a secret: no fix changes it, and nothing prints it.
            assert.doesNotMatch(run.stdout, /authToken/);
            noSecret(run);
        });

        it("--json lists the fixes and counts them apart from violations", () => {
            const report: Report = JSON.parse(runs.remediatedJson.stdout);
            assert.deepStrictEqual([report.exitCode, report.summary.violations, report.summary.remediated], [0, 0, 3]);
            const [t] = report.targets;
            assert.deepStrictEqual(
                t.remediations.map(r => [r.name, r.policyName, r.changes]),
                [
                    ["unrotated", "aws-kms-key-rotation", [{ property: "enableKeyRotation", before: "false", after: "true" }]],
                    ["cache", "aws-elasticache-encryption-in-transit", [{ property: "transitEncryptionMode", before: '"preferred"', after: '"required"' }]],
                    ["cache", "aws-elasticache-backup-retention", [{ property: "snapshotRetentionLimit", before: "1", after: "35" }]],
                ],
            );
            noSecret(runs.remediatedJson);
        });

        it("the compliance report judges the fixed inputs and says which properties the fix sets", () => {
            const json: ComplianceReport = JSON.parse(fs.readFileSync(path.join(work, "remediate-fixture.dev.json"), "utf8"));
            const rotation = json.controls.find(c => c.policy === "aws-kms-key-rotation")!.results[0];
            assert.deepStrictEqual([rotation.status, rotation.remediation], ["passed", { properties: ["enableKeyRotation"] }]);
            assert.strictEqual(json.verdict, "passed");
            const md = fs.readFileSync(path.join(work, "remediate-fixture.dev.md"), "utf8");
            assert.match(md, /^\| `unrotated` \| `aws:kms\/key:Key` \| ✅ passed \| Passes once remediated: `pulumi up` sets `enableKeyRotation`/m);
        });

        it("a violation a remediating policy cannot fix stays mandatory and exits 1, as the engine downgrades it", () => {
            const run = runs.allRemediate;
            assert.strictEqual(run.code, 1, run.stderr + run.stdout);
            const [t] = (JSON.parse(run.stdout) as Report).targets;
            assert.deepStrictEqual(
                t.findings.map(f => [f.name, f.policyName, f.enforcementLevel]),
                [["cache", "aws-elasticache-encryption-at-rest", "mandatory"]],
            );
            assert.deepStrictEqual(t.remediations.map(r => [r.name, r.policyName]), [["unrotated", "aws-kms-key-rotation"]]);
            noSecret(run);
        });
    });

    describe("a stack export, as pulumi policy analyze checks a stack", () => {
        it("sends each resource's inputs to Analyze and its outputs to AnalyzeStack", () => {
            // The log group's inputs set kmsKeyId (Analyze passes aws-cloudwatch-log-encryption); its
            // deployed outputs do not, and only they hold the ARN the trail names it by, so the stack
            // policy finds the trail's log group and reports it unencrypted.
            const run = runs.outputs;
            assert.strictEqual(run.code, 1, run.stderr + run.stdout);
            const [t] = (JSON.parse(run.stdout) as Report).targets;
            assert.deepStrictEqual(
                t.findings.map(f => [f.name, f.policyName, f.enforcementLevel]),
                [["trail", "aws-cloudtrail-log-group-retention", "mandatory"]],
            );
            assert.match(t.findings[0].message, /receives CloudTrail events and kmsKeyId is not set/);
        });

        it("the Markdown report gives a stack policy's finding on a related resource as the result for the subject that references it, never that subject passed beside it", () => {
            const md = fs.readFileSync(path.join(work, "outputs", "audit.prod.md"), "utf8");
            const section = md.slice(md.indexOf("### `aws-cloudtrail-log-group-retention`"));
            const rows = section.slice(0, section.indexOf("**Remediation**")).split("\n").filter(l => l.startsWith("| `"));
            assert.deepStrictEqual(
                rows.map(r => r.split(" | ").slice(0, 3).join(" | ")),
                ["| `trail` | `aws:cloudwatch/logGroup:LogGroup` | ❌ violated", "| `other` | `aws:cloudtrail/trail:Trail` | ✅ passed"],
            );
            assert.match(rows[0], /\(the result for `aws:cloudtrail\/trail:Trail` `audit`\) \|$/);
            const json: ComplianceReport = JSON.parse(fs.readFileSync(path.join(work, "outputs", "audit.prod.json"), "utf8"));
            const group = json.controls.find(c => c.policy === "aws-cloudtrail-log-group-retention")!.results.find(r => r.name === "trail")!;
            assert.deepStrictEqual(group.concerns, [{ urn: "urn:pulumi:prod::audit::aws:cloudtrail/trail:Trail::audit", type: "aws:cloudtrail/trail:Trail", name: "audit" }]);
        });

        it("--stack naming the export's stack checks it; another name is exit 3 with one line", () => {
            assert.deepStrictEqual((JSON.parse(runs.outputs.stdout) as Report).targets.map(t => [t.project, t.stack]), [["audit", "prod"]]);
            const other = runs.stackOther;
            assert.deepStrictEqual([other.code, other.stdout], [3, ""]);
            assert.match(other.stderr, /^hipaa-guard check: error: .*outputs-export\.json: the export is of stack prod \(project audit\), not dev; --stack must name the export's stack\n$/);
        });
    });

    describe("waivers", () => {
        it("a waived resource shows in the terminal with the policy, the expiry and the reason", () => {
            assert.match(formatText(JSON.parse(runs.remediatedJson.stdout)), /^ {12}- \[waived\] {2}aws-elasticache-multi-az\n {14}waived until 2099-12-31 by the policy config: single-AZ test cache \(TKT-7\)$/m);
        });

        it("and in --json", () => {
            const report: Report = JSON.parse(runs.remediatedJson.stdout);
            assert.strictEqual(report.summary.waived, 1);
            assert.deepStrictEqual(report.targets[0].waived, [
                {
                    urn: "urn:pulumi:dev::remediate-fixture::aws:elasticache/replicationGroup:ReplicationGroup::cache",
                    type: "aws:elasticache/replicationGroup:ReplicationGroup",
                    name: "cache",
                    policyName: "aws-elasticache-multi-az",
                    expires: "2099-12-31",
                    source: "the policy config",
                    reason: "single-AZ test cache (TKT-7)",
                },
            ]);
        });
    });
});
