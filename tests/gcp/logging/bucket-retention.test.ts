import * as assert from "assert";
import { garbage, misconfigured, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { billingAccountBucket, folderBucket, organizationBucket, projectBucket, projectBucketOutputs } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-logging-bucket-retention";
const field = "retentionDays";
const SECRET = "bucket-SECRET-do-not-echo-31aa";
const locked = { requireLocked: true };

const all = (changes?: Record<string, unknown>) => [projectBucket(changes), folderBucket(changes), organizationBucket(changes), billingAccountBucket(changes)];

policyCases(policy, [
    // Six years or more, on every bucket type.
    ...[2192, 3650].flatMap(days => all({ [field]: days }).map(r => passes(r))),
    violates(projectBucket({ [field]: 400 }), { code: "belowMinimum", field }),
    violates(projectBucket({ [field]: 2190 }), { code: "belowMinimum", field }),
    // Omitted, and 0, are Cloud Logging's 30-day default.
    violates(projectBucket({ [field]: undefined }), { code: "absentDefault", field }),
    violates(projectBucket({ [field]: 0 }), { code: "absentDefault", field }),
    passes(projectBucket({ [field]: 0 }), { minimumRetentionDays: 30 }),
    passes(projectBucket({ [field]: undefined }), { minimumRetentionDays: 30 }),
    // Folder, organization and billing-account buckets (the fix routes their logs to a project bucket).
    violates(folderBucket({ [field]: 30 }), { code: "belowMinimum", field }),
    violates(organizationBucket({ [field]: undefined }), { code: "absentDefault", field }),
    violates(billingAccountBucket({ [field]: 1 }), { code: "belowMinimum", field }),
    // The _Required bucket's retention is fixed.
    ...all({ bucketId: "_Required", [field]: undefined }).map(r => notApplicable(r, /_Required bucket's retention at 400 days/)),
    passes(projectBucket({ [field]: 365 }), { minimumRetentionDays: 365 }),
    violates(projectBucket({ [field]: 364 }), { code: "belowMinimum", field }, { minimumRetentionDays: 365 }),
    ...[0, 3651, 2192.5, "2192"].map(minimumRetentionDays => misconfigured(projectBucket(), { minimumRetentionDays }, "minimumRetentionDays")),
    // Locked only with requireLocked, and only project buckets (others have no lock).
    passes(projectBucket({ locked: false })),
    passes(projectBucket({ locked: true }), locked),
    violates(projectBucket(), { code: "absentDefault", field: "locked" }, locked),
    violates(projectBucket({ locked: false }), { code: "notAllowed", field: "locked" }, locked),
    undecided(projectBucket({ locked: unknown }), "locked", locked),
    passes(folderBucket(), locked),
    violates(projectBucket({ [field]: 30, locked: false }), [{ code: "belowMinimum", field }, { code: "notAllowed", field: "locked" }], locked),
    misconfigured(projectBucket(), { requireLocked: "true" }, "requireLocked"),
    // Unknown retention, or an unknown bucket id that might be _Required.
    undecided(projectBucket({ [field]: unknown }), field),
    undecided(projectBucket({ bucketId: unknown, [field]: 30 }), "bucketId"),
    passes(projectBucket({ bucketId: unknown })),
    violates(projectBucket({ [field]: "2192 days" }), { code: "wrongType", field }),
    // Older state stores numbers as strings: decided on the number the provider coerces.
    passes(projectBucket({ [field]: "2192" })),
    violates(projectBucket({ [field]: "30" }), { code: "belowMinimum", field }),
    violates(projectBucket({ [field]: [2192] }), { code: "wrongType", field }),
    ...[{ [field]: secret(SECRET) }, { bucketId: secret(SECRET), [field]: null }, { bucketId: 5, [field]: { days: 1 } }, { locked: SECRET }].flatMap(props =>
        all(props).map(r => garbage(r, locked)),
    ),
    // A project bucket's retention is raised to the minimum, keeping every other value as it came.
    remediates(projectBucket({ [field]: 30, project: unknown, description: secret(SECRET), locked: false }), { [field]: 2192 }),
    remediates(projectBucket({ [field]: undefined }), { [field]: 400 }, { minimumRetentionDays: 400 }),
    remediates(projectBucket({ [field]: 0 }), { [field]: 2192 }),
    // Never a lock, and nothing it cannot or may not change.
    remediates(projectBucket({ locked: undefined }), "nothing", locked),
    remediates(projectBucket(), "nothing"),
    remediates(projectBucket({ [field]: 0 }), "nothing", { minimumRetentionDays: 30 }),
    ...[folderBucket, organizationBucket, billingAccountBucket].map(f => remediates(f({ [field]: 30 }), "nothing")),
    remediates(projectBucket({ [field]: 30, locked: true }), "nothing"),
    remediates(projectBucket({ [field]: 30, locked: unknown }), "nothing"),
    remediates(projectBucket({ [field]: 30, bucketId: "_Required" }), "nothing"),
    remediates(projectBucket({ [field]: 30, bucketId: unknown }), "nothing"),
    remediates(projectBucket({ [field]: unknown }), "nothing"),
    remediates(projectBucket({ [field]: "30 days" }), "nothing"),
    remediates(projectBucket({ [field]: secret(30) }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(projectBucketOutputs()),
    violates(projectBucketOutputs({ [field]: 30 }), { code: "belowMinimum", field }),
    remediates(projectBucketOutputs({ [field]: 30 }), { [field]: 2192 }),
    notApplicable(projectBucketOutputs({ bucketId: "_Required", [field]: 400, locked: true, name: "projects/phi-logs/locations/global/buckets/_Required" }), /_Required bucket's retention/),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("publishes its knobs (the generic metadata is checked for every policy in tests/metadata.test.ts)", () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.ok(p.tags.includes("gcp") && p.tags.includes("hitrust:1202.09aa1") && p.tags.includes("hitrust:1207.09aa2"));
        assert.deepStrictEqual(p.configSchema?.properties.minimumRetentionDays, {
            type: "integer", minimum: 1, maximum: 3650, default: 2192,
            description: "Fewest days a log bucket must keep log entries (Cloud Logging allows 1 to 3650; 2192 is six years).",
        });
        assert.strictEqual(p.configSchema?.properties.requireLocked.default, false);
    });
});
