import * as assert from "assert";
import { encodeValue } from "../../tools/lib/analyzer-client";
import { assertFinding, assertNotApplicable, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";

const project = "gcp:logging/projectBucketConfig:ProjectBucketConfig";
const folder = "gcp:logging/folderBucketConfig:FolderBucketConfig";
const organization = "gcp:logging/organizationBucketConfig:OrganizationBucketConfig";
const billing = "gcp:logging/billingAccountBucketConfig:BillingAccountBucketConfig";
const SECRET = "bucket-SECRET-do-not-echo-31aa";

const pb = (props: Record<string, unknown>) => ({ type: project, name: "audit", props: { project: "phi-logs", location: "global", bucketId: "phi-audit", retentionDays: 2192, ...props } });
const fb = (props: Record<string, unknown>) => ({ type: folder, name: "folder", props: { folder: "folders/1", location: "global", bucketId: "_Default", retentionDays: 2192, ...props } });
const ob = (props: Record<string, unknown>) => ({ type: organization, name: "org", props: { organization: "1", location: "global", bucketId: "_Default", retentionDays: 2192, ...props } });
const bb = (props: Record<string, unknown>) => ({ type: billing, name: "billing", props: { billingAccount: "0-0-0", location: "global", bucketId: "_Default", retentionDays: 2192, ...props } });
const all = (props: Record<string, unknown>) => [pb(props), fb(props), ob(props), bb(props)];

const policy = "gcp-logging-bucket-retention";

describe("Cloud Logging bucket retention", () => {
    const pack = usePack();

    it("passes every bucket type that keeps logs six years or more", async () => {
        for (const retentionDays of [2192, 3650]) {
            for (const resource of all({ retentionDays })) assertPasses(await pack.check(policy, resource));
        }
    });

    it("rejects retention below six years, naming the value, the minimum and the fix", async () => {
        assertViolates(await pack.check(policy, pb({ retentionDays: 400 })), /retentionDays is 400, below 2192/, /Fix: set retentionDays: 2192 or more/, /HIPAA §164\.312\(b\); HITRUST 1202\.09aa1/);
        assertViolates(await pack.check(policy, pb({ retentionDays: 2190 })), /retentionDays is 2190, below 2192/);
    });

    it("treats an omitted retention, and 0, as Cloud Logging's 30-day default", async () => {
        assertViolates(await pack.check(policy, pb({ retentionDays: undefined })), /retentionDays is not set and defaults to 30, below 2192/);
        assertViolates(await pack.check(policy, pb({ retentionDays: 0 })), /retentionDays is 0, which Cloud Logging replaces with its 30-day default, below 2192/);
        const config = { [policy]: { minimumRetentionDays: 30 } };
        assertPasses(await pack.check(policy, pb({ retentionDays: 0 }), config));
        assertPasses(await pack.check(policy, pb({ retentionDays: undefined }), config));
    });

    it("tells folder, organization and billing-account buckets to route logs to a project bucket", async () => {
        for (const resource of [fb({ retentionDays: 30 }), ob({ retentionDays: undefined }), bb({ retentionDays: 1 })]) {
            assertViolates(await pack.check(policy, resource), /below 2192/, /Fix: route these logs with a sink to a gcp\.logging\.ProjectBucketConfig with retentionDays: 2192 or more \(Cloud Logging cannot raise retention outside projects\)/);
        }
    });

    it("does not apply to the _Required bucket, whose retention is fixed", async () => {
        for (const resource of all({ bucketId: "_Required", retentionDays: undefined })) {
            assertNotApplicable(await pack.check(policy, resource), /_Required bucket's retention at 400 days/);
        }
    });

    it("honours minimumRetentionDays and rejects values outside 1 to 3650", async () => {
        assertPasses(await pack.check(policy, pb({ retentionDays: 365 }), { [policy]: { minimumRetentionDays: 365 } }));
        assertViolates(await pack.check(policy, pb({ retentionDays: 364 }), { [policy]: { minimumRetentionDays: 365 } }), /retentionDays is 364, below 365/, /Fix: set retentionDays: 365 or more/);
        for (const minimumRetentionDays of [0, 3651, 2192.5, "2192"]) {
            assertViolates(await pack.check(policy, pb({}), { [policy]: { minimumRetentionDays } }), /minimumRetentionDays must be an integer from 1 to 3650/, /misconfigured/);
        }
    });

    it("requires project buckets to be locked only with requireLocked", async () => {
        const config = { [policy]: { requireLocked: true } };
        assertPasses(await pack.check(policy, pb({ locked: false })));
        assertPasses(await pack.check(policy, pb({ locked: true }), config));
        assertViolates(await pack.check(policy, pb({}), config), /locked is not set and defaults to false/, /Fix: set locked: true/);
        assertViolates(await pack.check(policy, pb({ locked: false }), config), /locked is false/);
        assertUndecided(await pack.check(policy, pb({ locked: unknown }), config), "locked");
        // Buckets outside projects have no lock setting.
        assertPasses(await pack.check(policy, fb({}), config));
        const both = await pack.check(policy, pb({ retentionDays: 30, locked: false }), config);
        assert.strictEqual(both.violations.length, 2);
        assertViolates(await pack.check(policy, pb({}), { [policy]: { requireLocked: "true" } }), /requireLocked must be true or false/);
    });

    it("is undecided when the retention is unknown, or when an unknown bucket id might be _Required", async () => {
        assertUndecided(await pack.check(policy, pb({ retentionDays: unknown })), "retentionDays");
        assertUndecided(await pack.check(policy, pb({ bucketId: unknown, retentionDays: 30 })), "bucketId");
        assertPasses(await pack.check(policy, pb({ bucketId: unknown })));
    });

    it("rejects garbage without echoing it", async () => {
        assertPasses(await pack.check(policy, pb({ retentionDays: "2192" })));
        assertViolates(await pack.check(policy, pb({ retentionDays: "2192 days" })), /retentionDays is a string, not a number/);
        assertViolates(await pack.check(policy, pb({ retentionDays: [2192] })), /retentionDays is a list, not a number/);
        for (const props of [{ retentionDays: secret(SECRET) }, { bucketId: secret(SECRET), retentionDays: null }, { bucketId: 5, retentionDays: { days: 1 } }, { locked: SECRET }]) {
            for (const resource of all(props)) {
                const result = await pack.analyze(resource, { [policy]: { requireLocked: true } });
                for (const d of result.diagnostics) {
                    assert.ok(!d.message.includes(SECRET), `secret echoed by ${d.policyName}: ${d.message}`);
                    assert.ok(!d.message.includes("could not evaluate"), `${d.policyName} threw: ${d.message}`);
                    if (d.enforcementLevel === "mandatory") assertFinding(d.message);
                }
            }
        }
    });

    describe("remediation", () => {
        const fixes = async (resource: { type: string; name: string; props: Record<string, unknown> }, config: Record<string, unknown> = {}) =>
            (await pack.remediate(resource, { [policy]: { enforcementLevel: "remediate", ...config } })).remediations.filter(r => r.policyName === policy);

        it("raises a project bucket's retention to the minimum, keeping every other value exactly as it came", async () => {
            const resource = pb({ retentionDays: 30, project: unknown, description: secret(SECRET), locked: false });
            const mine = await fixes(resource);
            assert.strictEqual(mine.length, 1);
            assert.deepStrictEqual(mine[0].properties, { ...(encodeValue(resource.props) as object), retentionDays: 2192 });
            assert.ok(!mine[0].diagnostic.includes(SECRET));
            assert.strictEqual((await fixes(pb({ retentionDays: undefined }), { minimumRetentionDays: 400 }))[0].properties?.retentionDays, 400);
            assert.strictEqual((await fixes(pb({ retentionDays: 0 })))[0].properties?.retentionDays, 2192);
        });
        it("never locks a bucket, and leaves alone what it cannot or may not change", async () => {
            assert.deepStrictEqual(await fixes(pb({ locked: undefined }), { requireLocked: true }), []);
            for (const resource of [
                pb({}),
                pb({ retentionDays: 0 }),
                fb({ retentionDays: 30 }),
                ob({ retentionDays: 30 }),
                bb({ retentionDays: 30 }),
                pb({ retentionDays: 30, locked: true }),
                pb({ retentionDays: 30, locked: unknown }),
                pb({ retentionDays: 30, bucketId: "_Required" }),
                pb({ retentionDays: 30, bucketId: unknown }),
                pb({ retentionDays: unknown }),
                pb({ retentionDays: "30 days" }),
                pb({ retentionDays: secret(30) }),
            ]) {
                const config = resource.props.retentionDays === 0 ? { minimumRetentionDays: 30 } : {};
                assert.deepStrictEqual(await fixes(resource, config), [], JSON.stringify(resource));
            }
        });
    });

    it("publishes its metadata and knobs", async () => {
        const p = pack.info.policies.find(x => x.name === policy)!;
        assert.ok(p);
        assert.strictEqual(p.enforcementLevel, "mandatory");
        assert.ok(p.severity > 0);
        assert.strictEqual(p.framework?.reference, "§164.312(b)");
        assert.ok(p.tags.includes("gcp") && p.tags.includes("hitrust:1202.09aa1") && p.tags.includes("hitrust:1207.09aa2"));
        assert.ok(p.remediationSteps.length > 40);
        assert.match(p.url, /^https:\/\/www\.ecfr\.gov\/current\/title-45\/section-164\.312$/);
        assert.deepStrictEqual(p.configSchema?.properties.minimumRetentionDays, {
            type: "integer", minimum: 1, maximum: 3650, default: 2192,
            description: "Fewest days a log bucket must keep log entries (Cloud Logging allows 1 to 3650; 2192 is six years).",
        });
        assert.strictEqual(p.configSchema?.properties.requireLocked.default, false);
    });
});
