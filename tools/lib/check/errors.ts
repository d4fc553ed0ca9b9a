import * as path from "path";

// The offline check's exit codes and the one error type it reports: every failure a user can cause
// becomes one line on stderr and a distinct exit code, never a stack trace.

export const ExitCode = {
    /** Every resource passed every mandatory policy (advisories may have been printed). */
    ok: 0,
    /** At least one mandatory policy was violated. */
    violations: 1,
    /** The command line was wrong (unknown flag, missing flag value, --report-dir naming a file), a bad policy config file, or an unwritable report directory. */
    usage: 2,
    /** A target does not exist, is not a Pulumi Node.js program or stack export file, or lacks the --stack asked for (an export of another stack). */
    inputNotFound: 3,
    /** The program failed: it threw, needs config that is not set, or did not finish in time. */
    programFailed: 4,
    /** The stack export is not valid JSON or not the shape `pulumi stack export` writes. */
    badExport: 5,
    /** The policy pack could not be built (npm run check) or started, or answered wrongly. */
    packFailed: 6,
    /**
     * No mandatory violation, but in some stack no policy evaluated any resource (none of a type
     * the pack covers, or every one not applicable): that is no evidence, and not a pass.
     */
    nothingEvaluated: 7,
    /**
     * No mandatory violation, but the check could not see all the program would deploy: the
     * children of a multi-language component (a provider plugin creates them through the engine),
     * or a resource the mocks did not register. Each is listed by name: not a pass.
     */
    incomplete: 8,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * What each exit code means, as --help prints it (the usage text is generated from this, so it
 * cannot drift from the codes). README.md's exit-code table says the same in fewer words.
 */
export const exitCodeMeaning: Record<keyof typeof ExitCode, string> = {
    ok: "no mandatory policy violated, and every stack had resources a policy evaluated",
    violations: "at least one mandatory policy violated (even when the reports could not be written: the report is printed and that error is on stderr)",
    usage: "bad command line, policy config file (also an unknown policy or knob, or an invalid knob value), or unwritable report directory (or one that is a file)",
    inputNotFound: "a target does not exist, is not a Pulumi Node.js program or stack export, or has no stack of the --stack name",
    programFailed: "a program failed: it threw, lacks required config, or did not finish in time",
    badExport: "a stack export is not valid JSON or not what pulumi stack export writes",
    packFailed: "the policy pack could not be built or started, or failed",
    nothingEvaluated:
        "no mandatory violation, but in some stack no policy evaluated any resource (none of a type the pack covers, or every one not applicable): that is no evidence of compliance, not a pass",
    incomplete:
        "no mandatory violation, but some of what a program would deploy was not seen: the children of a multi-language component (awsx, eks: its provider plugin creates them only under the engine) or a resource the mocks did not register; each is listed by name: not a pass",
};

/** The exit-code table of the usage text: "  <code>  <meaning>", wrapped at `width` columns. */
export function exitCodeTable(width = 100): string {
    const indent = "     ";
    return (Object.keys(ExitCode) as (keyof typeof ExitCode)[])
        .sort((a, b) => ExitCode[a] - ExitCode[b])
        .map(name => {
            const lines: string[] = [];
            let line = `  ${ExitCode[name]} `;
            for (const word of exitCodeMeaning[name].split(" ")) {
                if (line.length + 1 + word.length > width && line.trim().length > 1) {
                    lines.push(line);
                    line = indent.slice(1);
                }
                line += ` ${word}`;
            }
            lines.push(line);
            return lines.join("\n") + "\n";
        })
        .join("");
}

/** A failure the user can act on: a one-line message and the exit code it maps to. */
export class CheckError extends Error {
    constructor(
        readonly exitCode: ExitCodeValue,
        message: string,
    ) {
        super(oneLine(message));
        this.name = "CheckError";
    }
}

/** Collapses a message to one line (program errors often carry indented continuation lines). */
export function oneLine(text: string): string {
    return text
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== "")
        .join(" ")
        .replace(/\s+/g, " ");
}

/** A path as messages show it: relative to the working directory when inside it, else absolute. */
export function shownPath(p: string): string {
    const rel = path.relative(process.cwd(), p);
    if (rel === "") return ".";
    return rel.startsWith("..") || path.isAbsolute(rel) ? p : rel;
}
