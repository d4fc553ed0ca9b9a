// What the pack knows about AWS Backup: the plan, selection and vault tokens, the default schedule
// of a rule that names none, and how often a schedule expression runs (cron() and rate()).

import { awsTypes, cloudFact } from "../../lib/facts";
import { ReferenceTarget } from "../../lib/stack";

export const plan = "aws:backup/plan:Plan";
export const selection = "aws:backup/selection:Selection";
export const vault = "aws:backup/vault:Vault";
export const vaultPolicy = "aws:backup/vaultPolicy:VaultPolicy";
export const vaultLock = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
/** Vault policies and locks name the vault by its name (also its id). */
export const vaultTarget: ReferenceTarget = { types: [vault], keys: ["name", "id"] };

export const defaultSchedule = cloudFact(
    {
        about: "aws.backup.Plan rules[].schedule",
        says: 'optional; AWS Backup runs a rule without one at cron(0 5 ? * * *), daily at 05:00 UTC, and documents cron() expressions only (rate() is parsed but not documented for AWS Backup)',
        source: `${awsTypes("backup/plan")} (types/input.d.ts PlanRule, no default named); AWS Backup API Reference, BackupRuleInput ScheduleExpression`,
    },
    "cron(0 5 ? * * *)",
);

cloudFact(
    {
        about: "aws.backup.Plan rules[].lifecycle.deleteAfter",
        says: "optional; without it recovery points are kept until deleted",
        source: `${awsTypes("backup/plan")} (types/input.d.ts PlanRuleLifecycle); AWS Backup API Reference, Lifecycle`,
    },
    undefined,
);

/** How often a schedule runs, or why that cannot be said. */
export type Interval = { readonly hours: number } | { readonly invalid: true };

const dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Whether a cron field selects every value (`*`, `?`, `*\/1`, `1/1`, or a range/list covering `all`). */
function everyValue(field: string, all: readonly string[]): boolean {
    if (field === "*" || field === "?" || field === "*/1" || field === `${all[0]}/1`) return true;
    const seen = new Set<string>();
    for (const part of field.split(",")) {
        const range = /^([A-Z0-9]+)-([A-Z0-9]+)$/.exec(part);
        if (range) {
            const a = all.indexOf(range[1]);
            const b = all.indexOf(range[2]);
            if (a < 0 || b < a) return false;
            for (let i = a; i <= b; i++) seen.add(all[i]);
        } else if (all.includes(part)) seen.add(part);
        else return false;
    }
    return all.every(v => seen.has(v));
}

/** The hours a cron hours field fires at, or undefined when it is not a plain list, range or step. */
function hoursOf(field: string): number[] | undefined {
    const hours = new Set<number>();
    for (const part of field.split(",")) {
        const step = /^(\*|\d{1,2})(?:-(\d{1,2}))?(?:\/(\d{1,2}))?$/.exec(part);
        if (!step) return undefined;
        const start = step[1] === "*" ? 0 : Number(step[1]);
        const end = step[2] !== undefined ? Number(step[2]) : step[1] === "*" || step[3] !== undefined ? 23 : start;
        const by = step[3] !== undefined ? Number(step[3]) : 1;
        if (start > 23 || end > 23 || by < 1 || end < start) return undefined;
        for (let h = start; h <= end; h += by) hours.add(h);
    }
    return [...hours].sort((a, b) => a - b);
}

/**
 * The longest gap between runs, in hours, of an AWS cron (six fields: minutes hours day-of-month
 * month day-of-week year) or rate expression; infinite for a cron schedule that skips days.
 */
export function intervalOf(expression: string): Interval {
    const text = expression.trim();
    const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(text);
    if (rate) {
        const n = Number(rate[1]);
        if (n < 1) return { invalid: true };
        const unit = rate[2].toLowerCase();
        return { hours: unit.startsWith("minute") ? n / 60 : unit.startsWith("hour") ? n : n * 24 };
    }
    const cron = /^cron\((.*)\)$/i.exec(text);
    if (!cron) return { invalid: true };
    const fields = cron[1].trim().toUpperCase().split(/\s+/);
    if (fields.length !== 6) return { invalid: true };
    const [, hoursField, dayOfMonth, month, dayOfWeek, year] = fields;
    const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const weekdays = dayOfWeek.split(",").every(p => /^[A-Z]/.test(p.replace(/-.*/, ""))) ? dayNames : ["1", "2", "3", "4", "5", "6", "7"];
    const monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    const daily =
        (dayOfMonth === "*" || dayOfMonth === "?" || everyValue(dayOfMonth, Array.from({ length: 31 }, (_, i) => String(i + 1)))) &&
        (everyValue(month, months) || everyValue(month, monthNames)) &&
        (dayOfWeek === "?" || everyValue(dayOfWeek, weekdays)) &&
        (year === "*" || year === "?");
    const hours = hoursOf(hoursField);
    if (hours === undefined || hours.length === 0) return { invalid: true };
    if (!daily) return { hours: Number.POSITIVE_INFINITY };
    // The longest gap between consecutive run hours, wrapping round midnight.
    let gap = 24 - hours[hours.length - 1] + hours[0];
    for (let i = 1; i < hours.length; i++) gap = Math.max(gap, hours[i] - hours[i - 1]);
    return { hours: gap };
}
