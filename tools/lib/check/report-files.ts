// Writing the compliance reports: one file per stack and format, named after the project and stack.

import * as fs from "fs";
import * as path from "path";
import { ComplianceReport } from "./compliance";
import { CheckError, ExitCode } from "./errors";
import { formatMarkdown } from "./markdown";
import { formatSarif } from "./sarif";

export type ReportFormat = "markdown" | "json" | "sarif";
export const reportFormats: readonly ReportFormat[] = ["markdown", "json", "sarif"];

const aliases: Record<string, ReportFormat> = { markdown: "markdown", md: "markdown", json: "json", sarif: "sarif" };
const extensions: Record<ReportFormat, string> = { markdown: ".md", json: ".json", sarif: ".sarif" };

/** "markdown,json,sarif" (any order, `md` for markdown) to the formats it names, each once. */
export function parseReportFormats(text: string): ReportFormat[] {
    const formats: ReportFormat[] = [];
    for (const word of text.split(",").map(w => w.trim().toLowerCase())) {
        const format = aliases[word];
        if (!format) throw new CheckError(ExitCode.usage, `--report-format: unknown format ${JSON.stringify(word)}; use markdown, json and/or sarif, comma-separated`);
        if (!formats.includes(format)) formats.push(format);
    }
    return formats;
}

export function renderReport(report: ComplianceReport, format: ReportFormat, base: string): string {
    switch (format) {
        case "markdown":
            return formatMarkdown(report);
        case "json":
            return JSON.stringify(report, null, 2) + "\n";
        case "sarif":
            return formatSarif(report, base);
    }
}

/** A file name from a project or stack name: safe on every file system, still recognisable. */
function safe(name: string): string {
    return name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_") || "_";
}

/**
 * Writes every report in every format to `dir` (created if need be) as `<project>.<stack>.<ext>`;
 * a second target with the same project and stack gets `-2` and so on. Returns the files written.
 */
export function writeReports(dir: string, reports: readonly ComplianceReport[], formats: readonly ReportFormat[], base: string): string[] {
    const written: string[] = [];
    const fail = (e: unknown, what: string) =>
        new CheckError(ExitCode.usage, `--report-dir ${dir}: cannot write ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    try {
        fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
        throw fail(e, "the directory");
    }
    const used = new Set<string>();
    for (const report of reports) {
        const stem = `${safe(report.target.project)}.${safe(report.target.stack)}`;
        let name = stem;
        for (let n = 2; used.has(name); n++) name = `${stem}-${n}`;
        used.add(name);
        for (const format of formats) {
            const file = path.join(dir, name + extensions[format]);
            try {
                fs.writeFileSync(file, renderReport(report, format, base));
            } catch (e) {
                throw fail(e, path.basename(file));
            }
            written.push(file);
        }
    }
    return written;
}
