import * as path from "path";

// The offline check's exit codes and the one error type it reports: every failure a user can cause
// becomes one line on stderr and a distinct exit code, never a stack trace.

export const ExitCode = {
    /** Every resource passed every mandatory policy (advisories may have been printed). */
    ok: 0,
    /** At least one mandatory policy was violated. */
    violations: 1,
    /** The command line was wrong (unknown flag, missing flag value, bad policy config file). */
    usage: 2,
    /** A target does not exist or is not a Pulumi Node.js program or stack export file. */
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
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

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
