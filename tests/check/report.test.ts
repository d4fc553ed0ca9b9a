// The compliance reports (npm run check -- --report-dir): run through the check's command line,
// once per scenario, on a program that produces every status (passed, violated, undecided at
// preview, not applicable by waiver and by the resource's nature, a stack policy's violation, a
// resource no policy covers), on a stack export no policy covers, and on a program with a
// multi-language component whose children no policy sees. The JSON report follows our
// schema (docs/compliance-report.schema.json), the SARIF the SARIF 2.1.0 schema as
// @microsoft/jest-sarif ships it, and the Markdown says the same for people.

import * as assert from "assert";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../../tools/lib/analyzer-client";
import { fixtures, Run, runAll } from "./run-check";
import { ComplianceReport, Control, ControlResult } from "../../tools/lib/check/compliance";
import { Report } from "../../tools/lib/check/report";
import { ExitCode } from "../../tools/lib/check/errors";
import { main } from "../../tools/check";
import { PLACEHOLDER_SECRET } from "../../tools/lib/check/placeholder";
import { hipaaSections } from "../../policies/lib/catalog";


const evidenceDir = path.join(fixtures, "evidence");
const uncoveredExport = path.join(fixtures, "uncovered-export.json");
/** A stack export with one violation (a log group kept 30 days). */
const violatingExport = path.join(fixtures, "export.json");
/** A program with a multi-language component (awsx.ec2.Vpc's shape) beside a key: the check cannot see the component's children. */
const hiddenComponentProgram = path.join(__dirname, "corpus", "remote-component");
const PLACEHOLDER = PLACEHOLDER_SECRET;


/** The check in this process, for command-line errors that stop before anything starts. */
async function checkInProcess(...args: string[]): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const sink = (append: (s: string) => void) => ({ write: (chunk: string) => (append(String(chunk)), true) }) as unknown as NodeJS.WritableStream;
    const code = await main(args, sink(s => (stdout += s)), sink(s => (stderr += s)));
    return { code, stdout, stderr };
}

function validator(): { json: (v: unknown) => string[]; sarif: (v: unknown) => string[] } {
    // Strict, except for "required" inside if/then, which names properties defined outside it.
    const ours = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ours);
    const validateJson = ours.compile(JSON.parse(fs.readFileSync(path.join(repoRoot, "docs", "compliance-report.schema.json"), "utf8")));
    // The SARIF 2.1.0 schema is JSON Schema draft-04; one of its patterns is not valid with the u flag.
    const sarifAjv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(sarifAjv);
    const validateSarif = sarifAjv.compile(JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")));
    const errors = (fn: typeof validateJson) => (value: unknown) => (fn(value) ? [] : (fn.errors ?? []).map(e => `${e.instancePath} ${e.message}`));
    return { json: errors(validateJson), sarif: errors(validateSarif) };
}

interface Written {
    json: ComplianceReport;
    sarif: any;
    markdown: string;
    raw: string;
}

function readReports(dir: string, stem: string): Written {
    const read = (ext: string) => fs.readFileSync(path.join(dir, `${stem}${ext}`), "utf8");
    const [json, sarif, markdown] = [read(".json"), read(".sarif"), read(".md")];
    return { json: JSON.parse(json), sarif: JSON.parse(sarif), markdown, raw: json + sarif + markdown };
}

function control(report: ComplianceReport, policy: string): Control {
    const found = report.controls.find(c => c.policy === policy);
    assert.ok(found, `no control ${policy}`);
    return found;
}

function result(report: ComplianceReport, policy: string, name: string): ControlResult {
    const found = control(report, policy).results.find(r => r.name === name);
    assert.ok(found, `${policy} has no result for ${name}`);
    return found;
}

describe("compliance reports (npm run check -- --report-dir)", function () {
    this.timeout(120_000);
    let work: string;
    let all: Run;
    let sarifOnly: Run;
    let elsewhere: Run;
    let hiddenRun: Run;
    let hidden: Written;
    let evidence: Written;
    let uncovered: Written;
    let exported: Written;
    const validate = validator();

    before(async function () {
        // Many check runs, a few at a time: on a busy shared machine they take long.
        this.timeout(300_000);
        work = fs.mkdtempSync(path.join(os.tmpdir(), "hipaa-guard-reports-"));
        ({ all, sarifOnly, elsewhere, hidden: hiddenRun } = await runAll({
            hidden: { args: [hiddenComponentProgram, "--report-dir", path.join(work, "hidden")] },
            all: { args: [evidenceDir, uncoveredExport, violatingExport, "--policy-pack-config", path.join(evidenceDir, "policy-config.json"), "--report-dir", path.join(work, "all")] },
            sarifOnly: { args: [uncoveredExport, "--json", "--report-dir", path.join(work, "some"), "--report-format", "sarif,md"] },
            // The same, run from another directory (paths on the command line relative to it).
            elsewhere: {
                dir: work,
                args: [
                    path.relative(work, evidenceDir),
                    path.relative(work, violatingExport),
                    "--policy-pack-config",
                    path.join(evidenceDir, "policy-config.json"),
                    "--report-dir",
                    "elsewhere",
                    "--report-format",
                    "sarif",
                ],
            },
        }, 2));
        assert.strictEqual(all.code, 1, all.stderr + all.stdout);
        evidence = readReports(path.join(work, "all"), "evidence-fixture.dev");
        uncovered = readReports(path.join(work, "all"), "notifications.prod");
        exported = readReports(path.join(work, "all"), "records.prod");
        hidden = readReports(path.join(work, "hidden"), "remote-component.dev");
    });

    after(() => {
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    describe("formats", () => {
        it("the JSON reports follow docs/compliance-report.schema.json", () => {
            for (const r of [evidence, uncovered, exported, hidden]) assert.deepStrictEqual(validate.json(r.json), []);
            assert.strictEqual(evidence.json.formatVersion, "2.0");
        });

        it("the SARIF reports follow the SARIF 2.1.0 schema", () => {
            for (const r of [evidence, uncovered, exported, hidden]) {
                assert.deepStrictEqual(validate.sarif(r.sarif), []);
                assert.strictEqual(r.sarif.version, "2.1.0");
                assert.strictEqual(r.sarif.runs.length, 1);
            }
        });

        it("SARIF has one rule per policy, with remediation, HIPAA/HITRUST tags and a security severity", () => {
            const run = evidence.sarif.runs[0];
            const rules = run.tool.driver.rules as any[];
            assert.deepStrictEqual(
                rules.map(r => r.id),
                evidence.json.controls.map(c => c.policy),
            );
            for (const rule of rules) {
                const c = control(evidence.json, rule.id);
                assert.strictEqual(rule.help.text, c.remediation);
                assert.ok(rule.properties.tags.includes("security"));
                for (const h of c.hipaa) assert.ok(rule.properties.tags.includes(`hipaa:${h.section}`), `${rule.id} lacks hipaa:${h.section}`);
                for (const h of c.hitrust) assert.ok(rule.properties.tags.includes(`hitrust:${h.id}`), `${rule.id} lacks hitrust:${h.id}`);
                assert.match(rule.properties["security-severity"], /^\d+\.\d$/);
            }
            assert.strictEqual(rules.find(r => r.id === "aws-elasticache-encryption-in-transit").properties["security-severity"], "9.5"); // critical
        });
    });

    describe("statuses", () => {
        it("a violation carries its problem, fix, HIPAA sections and HITRUST controls", () => {
            const r = result(evidence.json, "aws-kms-key-rotation", "unrotated");
            assert.strictEqual(r.status, "violated");
            assert.deepStrictEqual(
                r.violations.map(v => [v.enforcementLevel, v.problem, v.fix, v.hipaa, v.hitrust]),
                [["mandatory", "enableKeyRotation is false", "set enableKeyRotation: true", ["164.312(a)(2)(iv)"], ["0903.10f1", "10.g"]]],
            );
            const violated = evidence.json.controls.flatMap(c => c.results.filter(x => x.status === "violated"));
            assert.ok(violated.length >= 4);
            for (const v of violated.flatMap(x => x.violations)) {
                assert.ok(v.fix.length > 0 && v.hipaa.length > 0 && v.hitrust.length > 0, JSON.stringify(v));
            }
        });

        it("a stack policy's finding lands on the resource it concerns", () => {
            const r = result(evidence.json, "aws-vpc-flow-logs", "phi");
            assert.strictEqual(control(evidence.json, "aws-vpc-flow-logs").kind, "stack");
            assert.strictEqual(r.status, "violated");
            assert.match(r.violations[0].problem, /no aws\.ec2\.FlowLog records this VPC's traffic/);
        });

        it("a value unknown at preview is undecided, with the field", () => {
            const r = result(evidence.json, "aws-kms-key-rotation", "computed");
            assert.strictEqual(r.status, "undecided");
            assert.deepStrictEqual(r.undecidedFields, ["enableKeyRotation"]);
            assert.deepStrictEqual(r.violations, []);
        });

        it("a waiver is not applicable, with its reason and expiry", () => {
            const r = result(evidence.json, "aws-kms-key-rotation", "legacy");
            assert.strictEqual(r.status, "notApplicable");
            assert.deepStrictEqual(
                { basis: r.notApplicable?.basis, expires: r.notApplicable?.expires, source: r.notApplicable?.source },
                { basis: "waiver", expires: "2099-12-31", source: "the policy config" },
            );
            assert.match(r.notApplicable!.reason, /imported key, rotated by hand each year \(ticket SEC-1\)/);
        });

        it("node-based Memcached is not applicable to snapshot retention, with the policy's reason, and violates AUTH (it cannot authenticate clients)", () => {
            const retention = result(evidence.json, "aws-elasticache-backup-retention", "sessions");
            assert.strictEqual(retention.status, "notApplicable");
            assert.deepStrictEqual(retention.notApplicable, { basis: "control", reason: "node-based Memcached keeps no snapshots, so there is nothing to retain" });
            assert.strictEqual(result(evidence.json, "aws-elasticache-auth", "sessions").status, "violated");
        });

        it("the PHI scope is not applicable, with the reason", () => {
            const r = result(evidence.json, "aws-elasticache-engine-version", "sessions");
            assert.strictEqual(r.status, "notApplicable");
            assert.strictEqual(r.notApplicable?.basis, "phiScope");
            assert.match(r.notApplicable!.reason, /^out of PHI scope: .*hipaa-guard-phi=true/);
        });

        it("a stack policy with waivers warns that partial waivers are not visible over the protocol", () => {
            assert.match(control(evidence.json, "aws-vpc-flow-logs").notes.join("\n"), /a resource listed as passed may have been waived/);
            assert.deepStrictEqual(control(evidence.json, "aws-kms-key-rotation").notes, []);
        });

        it("a compliant resource passed", () => {
            assert.strictEqual(result(evidence.json, "aws-kms-key-rotation", "rotated").status, "passed");
        });

        it("a resource of another type is out of a policy's scope, not not-applicable", () => {
            // aws-kms-key-rotation is single-type: the SDK answers every other type with "Policy only applies to ...".
            assert.deepStrictEqual(control(evidence.json, "aws-kms-key-rotation").results.map(r => r.name).sort(), ["computed", "legacy", "rotated", "unrotated"]);
            for (const c of evidence.json.controls) {
                for (const r of c.results) assert.ok(c.types.includes(r.type), `${c.policy} lists ${r.name} of type ${r.type}`);
                for (const r of c.results) assert.doesNotMatch(r.notApplicable?.reason ?? "", /Policy only applies to/);
            }
            const topic = evidence.json.resources.find(r => r.name === "alerts")!;
            assert.deepStrictEqual([topic.evaluated, topic.policies], [false, 0]);
        });

        it("the summary counts every (policy, resource) result", () => {
            const s = evidence.json.summary;
            assert.strictEqual(evidence.json.verdict, "violated");
            assert.deepStrictEqual(s.resources, { sent: 7, evaluated: 5, notApplicableOnly: 1, notCovered: 1, unseen: 0 });
            const counted = { passed: 0, violated: 0, undecided: 0, notApplicable: 0 };
            for (const c of evidence.json.controls) for (const r of c.results) counted[r.status]++;
            assert.deepStrictEqual(s.results, counted);
            assert.strictEqual(s.violations.mandatory, 7);
        });
    });

    describe("SARIF results", () => {
        it("one error result per mandatory violation, with the fix, located at the resource in the program", () => {
            const run = evidence.sarif.runs[0];
            const errors = run.results.filter((r: any) => r.level === "error");
            assert.strictEqual(errors.length, evidence.json.summary.violations.mandatory);
            const unrotated = errors.find((r: any) => r.ruleId === "aws-kms-key-rotation");
            assert.strictEqual(unrotated.properties.fix, "set enableKeyRotation: true");
            assert.deepStrictEqual(unrotated.properties.hipaa, ["164.312(a)(2)(iv)"]);
            assert.deepStrictEqual(unrotated.properties.hitrust, ["0903.10f1", "10.g"]);
            assert.match(unrotated.message.text, /^unrotated \(aws:kms\/key:Key\): enableKeyRotation is false\. Fix: set enableKeyRotation: true\./);
            const [location] = unrotated.locations;
            assert.deepStrictEqual(location.logicalLocations, [
                { name: "unrotated", fullyQualifiedName: "urn:pulumi:dev::evidence-fixture::aws:kms/key:Key::unrotated", kind: "resource", properties: { resourceType: "aws:kms/key:Key" } },
            ]);
            // The line of the program that created the key, relative to where the check ran.
            const line = fs.readFileSync(path.join(evidenceDir, "index.ts"), "utf8").split("\n").findIndex(l => l.includes('"unrotated"')) + 1;
            assert.deepStrictEqual(location.physicalLocation, {
                artifactLocation: { uri: "tests/check/fixtures/evidence/index.ts", uriBaseId: "%SRCROOT%" },
                region: { startLine: line, startColumn: 1 },
            });
            assert.strictEqual(run.originalUriBaseIds["%SRCROOT%"].uri, `file://${repoRoot}/`);
            assert.strictEqual(run.tool.driver.rules[unrotated.ruleIndex].id, "aws-kms-key-rotation");
        });

        it("undecided is a note; passed and not-applicable are no results", () => {
            const results = evidence.sarif.runs[0].results as any[];
            const notes = results.filter(r => r.level === "note");
            assert.deepStrictEqual(
                notes.map(r => [r.ruleId, r.properties.status, r.properties.undecidedFields]),
                [["aws-kms-key-rotation", "undecided", ["enableKeyRotation"]]],
            );
            assert.deepStrictEqual(new Set(results.map(r => r.level)), new Set(["error", "note"]));
            const located = (name: string) => results.filter(r => r.locations[0].logicalLocations[0].name === name);
            assert.deepStrictEqual(located("legacy"), []);
            assert.deepStrictEqual(located("rotated"), []);
        });

        it("a stack export's results are located at the resource's line in the export file, as code scanning requires a physical location", () => {
            const run = exported.sarif.runs[0];
            const line = fs.readFileSync(violatingExport, "utf8").split("\n").findIndex(l => l.includes('"urn": "urn:pulumi:prod::records::aws:cloudwatch/logGroup:LogGroup::app"')) + 1;
            assert.ok(line > 1);
            assert.deepStrictEqual(
                run.results.map((r: any) => [r.ruleId, r.level, r.locations]),
                [
                    [
                        "aws-cloudwatch-log-retention",
                        "error",
                        [
                            {
                                physicalLocation: { artifactLocation: { uri: "tests/check/fixtures/export.json", uriBaseId: "%SRCROOT%" }, region: { startLine: line } },
                                logicalLocations: [{ name: "app", fullyQualifiedName: "urn:pulumi:prod::records::aws:cloudwatch/logGroup:LogGroup::app", kind: "resource", properties: { resourceType: "aws:cloudwatch/logGroup:LogGroup" } }],
                            },
                        ],
                    ],
                ],
            );
            assert.strictEqual(run.originalUriBaseIds["%SRCROOT%"].uri, `file://${repoRoot}/`);
            assert.deepStrictEqual(uncovered.sarif.runs[0].results, []);
        });

        it("every result has a physical location relative to %SRCROOT% (the git work tree's root), whatever directory the check ran in", () => {
            assert.strictEqual(elsewhere.code, 1, elsewhere.stderr + elsewhere.stdout);
            const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")).runs[0];
            for (const [stem, here] of [["evidence-fixture.dev", evidence.sarif.runs[0]], ["records.prod", exported.sarif.runs[0]]] as const) {
                const there = read(path.join(work, "elsewhere", `${stem}.sarif`));
                assert.deepStrictEqual(there.originalUriBaseIds, here.originalUriBaseIds);
                assert.deepStrictEqual(
                    there.results.map((r: any) => r.locations),
                    here.results.map((r: any) => r.locations),
                    `${stem}: locations differ when the check runs from another directory`,
                );
                for (const r of here.results) {
                    const { artifactLocation } = r.locations[0].physicalLocation;
                    assert.strictEqual(artifactLocation.uriBaseId, "%SRCROOT%");
                    assert.ok(fs.existsSync(path.join(repoRoot, decodeURIComponent(artifactLocation.uri))), artifactLocation.uri);
                }
            }
        });
    });

    describe("a stack with nothing evaluated", () => {
        it("says so in JSON", () => {
            assert.strictEqual(uncovered.json.verdict, "nothingEvaluated");
            assert.match(uncovered.json.verdictText, /^No resource was evaluated: no enabled policy of the pack covers its only resource \(aws:route53\/zone:Zone\)\. This is not a pass/);
            assert.deepStrictEqual(uncovered.json.summary.resources, { sent: 1, evaluated: 0, notApplicableOnly: 0, notCovered: 1, unseen: 0 });
        });

        it("says so in SARIF, in a tool notification and the run's properties", () => {
            const run = uncovered.sarif.runs[0];
            assert.strictEqual(run.properties.nothingEvaluated, true);
            assert.strictEqual(run.properties.verdict, "nothingEvaluated");
            const [notification] = run.invocations[0].toolExecutionNotifications;
            assert.deepStrictEqual([notification.level, notification.descriptor.id], ["warning", "nothing-evaluated"]);
            assert.match(notification.message.text, /^No resource was evaluated/);
            assert.strictEqual(evidence.sarif.runs[0].properties.nothingEvaluated, false);
        });

        it("says so in Markdown", () => {
            assert.match(uncovered.markdown, /^## Verdict: ⚠️ Nothing evaluated\n\nNo resource was evaluated: .+ This is not a pass/m);
            assert.match(uncovered.markdown, /^## Resources no policy covers\n[\s\S]*\| `aws:route53\/zone:Zone` \| 1 \|$/m);
        });

        it("says so in the terminal, and exits 7 when nothing else is wrong", () => {
            assert.match(all.stdout, /^Nothing evaluated: no policy evaluated its one resource .+ This is not a pass\.$/m);
            assert.strictEqual(sarifOnly.code, 7, sarifOnly.stderr);
            const report: Report = JSON.parse(sarifOnly.stdout);
            assert.deepStrictEqual([report.summary.nothingEvaluated, report.exitCode, report.targets[0].evaluated], [1, 7, 0]);
            // Only the formats asked for.
            assert.deepStrictEqual(fs.readdirSync(path.join(work, "some")).sort(), ["notifications.prod.md", "notifications.prod.sarif"]);
            assert.deepStrictEqual(report.reportFiles?.map(f => path.basename(f)), ["notifications.prod.sarif", "notifications.prod.md"]);
        });
    });

    describe("a program with a multi-language component, whose children no policy saw", () => {
        it("is incomplete in JSON, not passed, though its key passed", () => {
            assert.strictEqual(hiddenRun.code, ExitCode.incomplete, hiddenRun.stderr + hiddenRun.stdout);
            assert.strictEqual(hidden.json.verdict, "incomplete");
            assert.match(hidden.json.verdictText, /^No mandatory violation among 1 resource evaluated, but the check could not see all the program would deploy: awsx:ec2:Vpc \(phi-network\) \(see the notes\)\. This is not a pass/);
            assert.deepStrictEqual(
                hidden.json.target.unseen.map(u => [u.kind, u.type, u.name]),
                [["component", "awsx:ec2:Vpc", "phi-network"]],
            );
            assert.match(hidden.json.target.unseen[0].hides, /the awsx provider plugin creates its child resources through the Pulumi engine/);
            assert.strictEqual(hidden.json.summary.resources.unseen, 1);
            assert.strictEqual(result(hidden.json, "aws-kms-key-rotation", "data").status, "passed");
            assert.strictEqual(evidence.json.verdict, "violated");
        });

        it("is incomplete in SARIF, in a tool notification and the run's properties", () => {
            const run = hidden.sarif.runs[0];
            assert.strictEqual(run.properties.incomplete, true);
            assert.strictEqual(run.properties.nothingEvaluated, false);
            assert.strictEqual(run.properties.verdict, "incomplete");
            const [notification, ...notes] = run.invocations[0].toolExecutionNotifications;
            assert.deepStrictEqual([notification.level, notification.descriptor.id], ["warning", "incomplete"]);
            assert.ok(notes.some((n: any) => n.level === "note" && /^not seen: awsx:ec2:Vpc \(phi-network\)/.test(n.message.text)), JSON.stringify(notes));
            assert.strictEqual(uncovered.sarif.runs[0].properties.incomplete, false);
        });

        it("is incomplete in Markdown, with what was not seen", () => {
            assert.match(hidden.markdown, /^## Verdict: ⚠️ Incomplete: not a pass\n\nNo mandatory violation among .+ This is not a pass/m);
            assert.match(hidden.markdown, /^- Note: not seen: awsx:ec2:Vpc \(phi-network\) is a multi-language component/m);
            assert.match(hidden.markdown, /; 1 not seen by any policy \(see the notes\)\./);
            assert.doesNotMatch(hidden.markdown, /✅ Passed/);
        });
    });

    describe("Markdown", () => {
        it("gives each control its HIPAA sections with titles, HITRUST controls, description and remediation", () => {
            const md = evidence.markdown;
            const rotation = control(evidence.json, "aws-kms-key-rotation");
            const section = md.slice(md.indexOf("### `aws-kms-key-rotation`"), md.indexOf("### `aws-vpc-flow-logs`"));
            assert.ok(section.includes(rotation.description));
            assert.ok(section.includes(`**HIPAA** [§164.312(a)(2)(iv)](https://www.ecfr.gov/current/title-45/section-164.312) ${hipaaSections["164.312(a)(2)(iv)"].title}`));
            assert.ok(section.includes("**HITRUST CSF** 0903.10f1 (Organizational.1): Encryption"));
            assert.ok(section.includes("**Remediation**"));
            assert.ok(section.includes("Set `enableKeyRotation: true` on the `aws.kms.Key`"));
            assert.match(section, /^\| `unrotated` \| `aws:kms\/key:Key` \| ❌ violated \| enableKeyRotation is false\. \*\*Fix:\*\* set enableKeyRotation: true \|$/m);
            assert.match(section, /^\| `computed` \| `aws:kms\/key:Key` \| ⏳ undecided at preview \| Not known until apply: `enableKeyRotation`/m);
            assert.match(section, /^\| `legacy` \| `aws:kms\/key:Key` \| ➖ not applicable \| Waived until \*\*2099-12-31\*\* \(the policy config\): imported key/m);
            assert.match(section, /^\| `rotated` \| `aws:kms\/key:Key` \| ✅ passed \| {2}\|$/m);
            assert.match(md, /^\| `sessions` \| `aws:elasticache\/cluster:Cluster` \| ➖ not applicable \| node-based Memcached keeps no snapshots, so there is nothing to retain \|$/m);
            assert.match(md, /^## Verdict: ❌ Violated$/m);
        });

        it("lists the controls that cover nothing here, so the report shows the whole pack", () => {
            const idle = evidence.json.controls.filter(c => c.results.length === 0);
            assert.ok(idle.length > 0);
            for (const c of idle) assert.match(evidence.markdown, new RegExp(`^\\| \`${c.policy}\` \\|`, "m"));
        });
    });

    it("never prints a secret placeholder; messages in the terminal stay one line", () => {
        for (const r of [evidence, uncovered, exported]) {
            assert.ok(!r.raw.includes(PLACEHOLDER));
            assert.ok(!r.raw.includes("NEVER-PRINT-THIS"), "a secret from the stack export was copied into a report");
        }
        assert.doesNotMatch(all.stdout, /\*\*Remediation\*\*/);
    });

    describe("command line", () => {
        it("--report-format without --report-dir, or an unknown format: exit 2", async () => {
            const noDir = await checkInProcess("--report-format", "json");
            assert.deepStrictEqual([noDir.code, noDir.stdout], [2, ""]);
            assert.match(noDir.stderr, /^hipaa-guard check: error: --report-format needs --report-dir/);
            const bad = await checkInProcess("--report-dir", work, "--report-format", "json,pdf");
            assert.strictEqual(bad.code, 2);
            assert.match(bad.stderr, /--report-format: unknown format "pdf"/);
        });

        it("--help documents the report flags and exit code 7", async () => {
            const help = await checkInProcess("--help");
            assert.match(help.stdout, /^ {2}--report-dir <dir> /m);
            assert.match(help.stdout, /^ {2}--report-format <formats> /m);
            assert.match(help.stdout, /^ {2}7 {2}no mandatory violation, but in some stack no policy evaluated any resource/m);
        });
    });
});
