import * as assert from "assert";
import { intervalOf } from "../../../policies/aws/backup/facts";
import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { backupPlan } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const rule = (changes: Record<string, unknown>) => {
    const r: Record<string, unknown> = { ruleName: "daily", targetVaultName: "phi", schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 35 }, ...changes };
    for (const [k, v] of Object.entries(r)) if (v === undefined) delete r[k];
    return { rules: [r] };
};

describe("AWS Backup schedule expressions", () => {
    it("reads the longest gap between runs from cron() and rate()", () => {
        const cases: [string, number][] = [
            ["cron(0 5 ? * * *)", 24],
            ["cron(0 12 * * ? *)", 24],
            ["cron(15 * ? * * *)", 1],
            ["cron(0 */6 ? * * *)", 6],
            ["cron(0 1,13 ? * * *)", 12],
            ["cron(0 2,5 ? * * *)", 21],
            ["cron(0 5 ? * SUN-SAT *)", 24],
            ["cron(0 5 ? * 1-7 *)", 24],
            ["cron(0 5 ? * SUN,MON,TUE,WED,THU,FRI,SAT *)", 24],
            ["cron(0 5 1/1 * ? *)", 24],
            ["cron(0 5 ? * MON-FRI *)", Infinity],
            ["cron(0 5 ? * SUN *)", Infinity],
            ["cron(0 5 1 * ? *)", Infinity],
            ["cron(0 5 ? 1-6 * *)", Infinity],
            ["rate(12 hours)", 12],
            ["rate(1 day)", 24],
            ["rate(2 days)", 48],
            ["rate(90 minutes)", 1.5],
        ];
        for (const [expression, hours] of cases) assert.deepStrictEqual(intervalOf(expression), { hours }, expression);
        for (const bad of ["", "daily", "cron(0 5 * *)", "cron(0 25 ? * * *)", "rate(0 hours)", "rate(1 week)"]) assert.deepStrictEqual(intervalOf(bad), { invalid: true }, bad);
    });
});

policyCases("aws-backup-plan-frequency-retention", [
    passes(backupPlan()),
    // No schedule: AWS Backup's default, daily at 05:00 UTC. No lifecycle, or no deleteAfter: kept until deleted.
    passes(backupPlan(rule({ schedule: undefined }))),
    passes(backupPlan(rule({ lifecycle: undefined }))),
    passes(backupPlan(rule({ lifecycle: { coldStorageAfter: 30 } }))),
    passes(backupPlan(rule({ schedule: "cron(0 */12 ? * * *)", lifecycle: { deleteAfter: 2192 } }))),
    // A deployed plan's outputs: blocks as one-element lists, 0 for an unset deleteAfter.
    passes(backupPlan(rule({ lifecycle: [{ coldStorageAfter: 0, deleteAfter: 0, optInToArchiveForSupportedResources: false }], copyActions: [], scheduleExpressionTimezone: "Etc/UTC" }))),
    violates(backupPlan(rule({ schedule: "cron(0 5 ? * SUN *)" })), { code: "tooInfrequent", field: "rules[0].schedule" }),
    violates(backupPlan(rule({ schedule: "rate(2 days)" })), { code: "tooInfrequent", field: "rules[0].schedule" }),
    violates(backupPlan(rule({ lifecycle: { deleteAfter: 7 } })), { code: "belowMinimum", field: "rules[0].lifecycle.deleteAfter" }),
    violates(backupPlan(rule({ schedule: "every day", lifecycle: { deleteAfter: 1 } })), [
        { code: "unrecognised", field: "rules[0].schedule" },
        { code: "belowMinimum", field: "rules[0].lifecycle.deleteAfter" },
    ]),
    violates(backupPlan({ rules: [] }), { code: "notSet", field: "rules" }),
    violates(backupPlan({ rules: [rule({}).rules[0], { ruleName: "weekly", targetVaultName: "phi", schedule: "cron(0 5 ? * 1 *)" }] }), { code: "tooInfrequent", field: "rules[1].schedule" }),
    // Knobs: a tighter interval, a longer retention.
    violates(backupPlan(), { code: "tooInfrequent", field: "rules[0].schedule" }, { maximumIntervalHours: 12 }),
    passes(backupPlan(rule({ schedule: "cron(0 0/12 ? * * *)" })), { maximumIntervalHours: 12 }),
    violates(backupPlan(), { code: "belowMinimum", field: "rules[0].lifecycle.deleteAfter" }, { minimumRetentionDays: 2192 }),
    undecided(backupPlan(rule({ schedule: unknown, lifecycle: unknown })), ["rules[0].schedule", "rules[0].lifecycle"]),
    undecided(backupPlan({ rules: unknown }), "rules"),
    violates(backupPlan(rule({ schedule: 5, lifecycle: "SECRET" })), [{ code: "wrongType", field: "rules[0].schedule" }, { code: "wrongType", field: "rules[0].lifecycle" }]),
    garbage(backupPlan({ rules: [secret("SECRET"), null, { schedule: secret("cron(SECRET)") }] })),
    remediates(backupPlan(rule({ lifecycle: { deleteAfter: 1 } })), "nothing"),
]);
