// The offline check: runs Pulumi programs (or reads stack exports) and checks what they would
// deploy against the compiled hipaa-guard pack over the analyzer protocol, as `pulumi preview
// --policy-pack` would, with no cloud account and no Pulumi CLI. `npm run check -- --help`.

import * as fs from "fs";
import * as path from "path";
import { PackInfo, PolicyConfig, PolicyPackProcess, repoRoot } from "./lib/analyzer-client";
import { evaluateCapture, TargetReport } from "./lib/check/analyze";
import { Capture } from "./lib/check/capture";
import { buildCompliance, ComplianceReport, loadPolicyScopes } from "./lib/check/compliance";
import { CheckError, ExitCode, exitCodeTable, shownPath } from "./lib/check/errors";
import { parsePolicyConfigFile, PolicyConfigFile, resolvePolicyConfig } from "./lib/check/policy-config";
import { captureProgram } from "./lib/check/program";
import { resolveTargets } from "./lib/check/project";
import { buildReport, formatJson, formatText } from "./lib/check/report";
import { parseReportFormats, ReportFormat, reportFormats, writeReports } from "./lib/check/report-files";
import { readStackExport, requireExportStack } from "./lib/check/stack-export";

export const usage = `Usage: npm run check -- [options] [target ...]

Checks what Pulumi programs would deploy against the hipaa-guard policy pack, offline: no cloud
account, no Pulumi CLI. Each program runs with Pulumi's mocks in preview mode, so values the cloud
computes (ids, ARNs) are unknown, exactly as at pulumi preview.

A target is either
  - a Pulumi Node.js program directory (with Pulumi.yaml): every stack it has a Pulumi.<stack>.yaml
    for is checked, with that stack's config; or
  - a file written by \`pulumi stack export\`: checked as pulumi policy analyze checks a stack
    (each resource's inputs, then all of their outputs for stack policies).
Policies at enforcement level remediate fix what they can, as the engine does: the fix is printed
and is not a violation.
With no target, the sample project in this repository is checked (stacks aws and gce).

Options:
  -s, --stack <name>           check only this stack of each program directory (it must have a
                               Pulumi.<name>.yaml when the project has any stack files); a stack
                               export must be of this stack
  --policy-pack-config <file>  policy configuration, as for pulumi preview --policy-pack-config
  --stack-tag <key>=<value>    a stack tag the policies see (repeatable), e.g. hipaa-guard-phi=true
  --json                       print the report as JSON instead of text
  --report-dir <dir>           also write a compliance report for each stack checked into <dir>
                               (created if need be), as <project>.<stack>.md, .json and .sarif:
                               per policy, its HIPAA sections and HITRUST controls, and every
                               resource it covers as passed, violated (with the fix), undecided at
                               preview, or not applicable (with the reason); see docs/reports.md.
                               Exit 2 if it cannot be written, unless a mandatory policy was
                               violated: then the report is printed and the exit code is 1
  --report-format <formats>    which reports to write, comma-separated: markdown (for people),
                               json (for machines), sarif (SARIF 2.1.0, for code scanning);
                               default all three; needs --report-dir
  --timeout <seconds>          how long one program may run (default 120)
  --show-output                print what each program printed (on stderr), as pulumi preview shows it
  -h, --help                   print this help

Exit codes:
${exitCodeTable()}  130, 143  interrupted by SIGINT or SIGTERM: the policy pack and the programs are stopped too
`;

interface Options {
    targets: string[];
    stack?: string;
    policyConfig?: string;
    stackTags: Record<string, string>;
    json: boolean;
    reportDir?: string;
    reportFormats?: ReportFormat[];
    timeoutMs: number;
    showOutput: boolean;
    help: boolean;
}

export function parseArgs(argv: readonly string[]): Options {
    const opts: Options = { targets: [], stackTags: {}, json: false, timeoutMs: 120_000, showOutput: false, help: false };
    const value = (i: number, flag: string): string => {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith("--")) throw new CheckError(ExitCode.usage, `${flag} needs a value (see --help)`);
        return v;
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
        const take = () => inline ?? value(i++, flag);
        // An on/off flag takes no value: --json=false must not quietly mean --json.
        const noValue = () => {
            if (inline !== undefined) throw new CheckError(ExitCode.usage, `${flag} takes no value (see --help)`);
        };
        switch (flag) {
            case "-h":
            case "--help":
                noValue();
                opts.help = true;
                break;
            case "--json":
                noValue();
                opts.json = true;
                break;
            case "--show-output":
                noValue();
                opts.showOutput = true;
                break;
            case "--report-dir":
                opts.reportDir = take();
                break;
            case "--report-format":
                opts.reportFormats = parseReportFormats(take());
                break;
            case "--stack":
            case "-s":
                opts.stack = take();
                break;
            case "--policy-pack-config":
                opts.policyConfig = take();
                break;
            case "--stack-tag": {
                const tag = take();
                const eq = tag.indexOf("=");
                if (eq <= 0) throw new CheckError(ExitCode.usage, "--stack-tag must be key=value");
                opts.stackTags[tag.slice(0, eq)] = tag.slice(eq + 1);
                break;
            }
            case "--timeout": {
                const seconds = Number(take());
                if (!Number.isFinite(seconds) || seconds <= 0) throw new CheckError(ExitCode.usage, "--timeout must be a positive number of seconds");
                opts.timeoutMs = seconds * 1000;
                break;
            }
            default:
                if (arg.startsWith("-") && arg !== "-") throw new CheckError(ExitCode.usage, `unknown option ${arg} (see --help)`);
                opts.targets.push(arg);
        }
    }
    if (opts.reportFormats && opts.reportDir === undefined) throw new CheckError(ExitCode.usage, "--report-format needs --report-dir <dir> (where to write the reports)");
    return opts;
}

async function startPack(): Promise<{ pack: PolicyPackProcess; info: PackInfo }> {
    let pack: PolicyPackProcess | undefined;
    try {
        // A generous start timeout: a busy CI runner may take long to load the SDK.
        pack = await PolicyPackProcess.start(repoRoot, { startTimeoutMs: 90_000 });
        return { pack, info: await pack.getAnalyzerInfo() };
    } catch (e) {
        await pack?.stop();
        const first = (e instanceof Error ? e.message : String(e)).split("\n")[0];
        throw new CheckError(ExitCode.packFailed, `the policy pack in ${shownPath(repoRoot)} did not start (${first}); build it first with npm run build`);
    }
}

/**
 * Runs the check; returns the exit code. Output goes to the given streams. `decided` hears the
 * exit code as soon as it is known, before the pack is stopped: were stopping to hang or the
 * process to end early, the command line still exits with it (see the bottom of this file).
 */
export async function main(
    argv: readonly string[],
    out: NodeJS.WritableStream = process.stdout,
    err: NodeJS.WritableStream = process.stderr,
    decided: (code: number) => void = () => undefined,
): Promise<number> {
    let pack: PolicyPackProcess | undefined;
    let code: number = ExitCode.packFailed;
    try {
        code = await run();
    } catch (e) {
        if (e instanceof CheckError) {
            err.write(`hipaa-guard check: error: ${e.message}\n`);
            code = e.exitCode;
        } else {
            const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
            err.write(`hipaa-guard check: error: the check failed talking to the policy pack: ${message}\n`);
            code = ExitCode.packFailed;
        }
    }
    decided(code);
    await pack?.stop();
    return code;

    async function run(): Promise<number> {
        const opts = parseArgs(argv);
        if (opts.help) {
            out.write(usage);
            return ExitCode.ok;
        }
        // `npm run` starts scripts in the package directory; paths are relative to where the user was.
        const base = process.env.INIT_CWD || process.cwd();
        if (opts.reportDir !== undefined) {
            const dir = path.resolve(base, opts.reportDir);
            if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new CheckError(ExitCode.usage, `--report-dir ${shownPath(dir)} is a file, not a directory`);
        }
        const targets = (opts.targets.length > 0 ? opts.targets : [repoRoot]).flatMap(t => resolveTargets(t, opts.stack, base));

        // Stack exports are read first (a bad one fails fast); then the pack starts while the
        // programs run, one at a time: a run keeps a core or two busy, and on a 2-core machine
        // running both samples at once was slower than in turn.
        // The policy config file is read and checked before any program runs: a typo fails fast.
        const policyConfig: PolicyConfigFile | undefined = opts.policyConfig ? parsePolicyConfigFile(path.resolve(base, opts.policyConfig)) : undefined;
        const captures: (Capture | undefined)[] = targets.map(t => (t.kind === "export" ? readStackExport(t.file) : undefined));
        for (const c of captures) if (c) requireExportStack(c, opts.stack);
        const starting = startPack().catch((e: unknown) => e as Error);
        // The policies' scopes load while the pack starts and the programs run in their own processes.
        setImmediate(() => {
            try {
                loadPolicyScopes();
            } catch {
                // The pack itself did not build or start: starting says why.
            }
        });
        let started: Awaited<typeof starting>;
        try {
            for (const [i, t] of targets.entries()) {
                if (t.kind === "program") captures[i] = await captureProgram(t, { timeoutMs: opts.timeoutMs, output: opts.showOutput ? text => err.write(text) : undefined });
            }
        } finally {
            started = await starting;
            if (!(started instanceof Error)) pack = started.pack;
        }
        if (started instanceof Error) throw started;
        const { info } = started;

        const overrides: PolicyConfig = policyConfig ? resolvePolicyConfig(policyConfig, info) : {};
        await pack!.configure(info, overrides);
        const reports: TargetReport[] = [];
        const evidence: ComplianceReport[] = [];
        const generatedAt = new Date();
        for (const c of captures) {
            const { report, evaluation } = await evaluateCapture(pack!, c!, { stackTags: opts.stackTags });
            const compliance = buildCompliance({
                capture: c!,
                evaluation,
                info,
                config: overrides,
                policyConfigFile: opts.policyConfig,
                stackTags: opts.stackTags,
                base,
                generatedAt,
            });
            evidence.push(compliance);
            reports.push({ ...report, evaluated: compliance.summary.resources.evaluated });
        }
        const built = buildReport(info, repoRoot, reports);
        let reportFiles: string[] | undefined;
        let writeError: CheckError | undefined;
        if (opts.reportDir !== undefined) {
            try {
                reportFiles = writeReports(path.resolve(base, opts.reportDir), evidence, opts.reportFormats ?? reportFormats, base);
            } catch (e) {
                // A violation must not be hidden behind exit 2: print the report, exit 1, say why on stderr.
                if (!(e instanceof CheckError) || built.exitCode !== ExitCode.violations) throw e;
                writeError = e;
            }
        }
        const report = { ...built, ...(reportFiles ? { reportFiles } : {}) };
        out.write(opts.json ? formatJson(report) : formatText(report));
        if (writeError) err.write(`hipaa-guard check: error: ${writeError.message}\n`);
        return report.exitCode;
    }
}

/** The exit code after a signal, as shells report it: 128 + the signal's number. */
export const signalExitCode: Record<"SIGINT" | "SIGTERM", number> = { SIGINT: 130, SIGTERM: 143 };

if (require.main === module) {
    const fail = (code: number) => {
        // Set at once: should cleanup hang, or the event loop empty, the process still exits with it.
        process.exitCode = code;
    };
    // Interrupted (Ctrl-C, a CI job cancelled): end the policy pack too, and with it the program
    // runs (they exit when this process's IPC channel closes), then exit 128 + the signal number.
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
            PolicyPackProcess.killAll("SIGTERM");
            process.stderr.write(`hipaa-guard check: error: interrupted by ${signal}; stopped the policy pack and the programs\n`);
            process.exit(signalExitCode[signal]);
        });
    }
    main(process.argv.slice(2), process.stdout, process.stderr, fail)
        .then(fail)
        .catch((e: unknown) => {
            process.stderr.write(`hipaa-guard check: error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
            fail(ExitCode.packFailed);
        });
}
