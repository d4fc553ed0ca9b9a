// Organisation-level configuration, through the analyzer protocol: waivers (config and tag),
// PHI scope, invalid knob values, and remediation under enforcement level "remediate".

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../policies/registry";
import { encodeValue, PolicyConfig, repoRoot, ResourceInput, urnOf } from "../tools/lib/analyzer-client";
import { Expected, outcomesOf, rendered } from "./cases";
import { assertFinding, assertNotApplicable, assertPasses, assertViolates, PolicyAnswer, secret, unknown, usePack, verdictOf } from "./pack";

const group = "aws:elasticache/replicationGroup:ReplicationGroup";
const backup = "aws-elasticache-backup-retention";
const transit = "aws-elasticache-encryption-in-transit";
const TOKEN = "tok-SECRET-remediation-55aa";

const compliant = {
    description: "PHI cache", engine: "redis", engineVersion: "7.1", transitEncryptionEnabled: true, transitEncryptionMode: "required",
    atRestEncryptionEnabled: true, automaticFailoverEnabled: true, multiAzEnabled: true, numCacheClusters: 2, snapshotRetentionLimit: 35,
    authToken: secret(TOKEN),
};
const rg = (name: string, props: Record<string, unknown> = {}) => ({ type: group, name, props: { ...compliant, ...props } });
const shortBackups = (name: string, tags?: Record<string, unknown>) => rg(name, { snapshotRetentionLimit: 1, ...(tags ? { tags } : {}) });

/** What the backup policy finds on shortBackups: its snapshots are kept too briefly. */
const tooShort: Expected = { code: "belowMinimum", field: "snapshotRetentionLimit" };

/**
 * After `configFindings` findings about the policy's config (waivers), the policy said exactly what
 * its own outcomes for `resource` say, and they are the violations `expected`.
 */
function assertChecked(v: PolicyAnswer, policy: string, resource: ResourceInput, config: PolicyConfig | undefined, expected: Expected, configFindings = 0): void {
    const outcomes = outcomesOf(policy, resource, config?.[policy] ?? {});
    assert.deepStrictEqual({ ...v, violations: v.violations.slice(configFindings) }, rendered(policy, outcomes), JSON.stringify(v));
    assert.deepStrictEqual(outcomes.flatMap(o => (o.kind === "violation" ? [{ code: o.code, field: o.field }] : [])), [expected]);
}

describe("configuration: waivers, PHI scope, knob bounds and remediation", () => {
    const pack = usePack();

    describe("waivers", () => {
        const future = "2999-12-31";
        const past = "2001-01-01";
        it("a config waiver by name pattern exempts matching resources, reporting reason and expiry", async () => {
            const config = { [backup]: { waivers: [{ match: "legacy-*", reason: "migrating to the new cache, TKT-42", expires: future }] } };
            assertNotApplicable(await pack.check(backup, shortBackups("legacy-sessions"), config), /^waived until 2999-12-31 by the policy config: migrating to the new cache, TKT-42$/);
            assertChecked(await pack.check(backup, shortBackups("sessions"), config), backup, shortBackups("sessions"), config, tooShort);
        });
        it("a config waiver by URN pattern matches the URN, not the name", async () => {
            const urn = urnOf(group, "sessions");
            const config = { [backup]: { waivers: [{ match: "urn:pulumi:dev::*::aws:elasticache/*::sessions", reason: "r", expires: future }] } };
            assertNotApplicable(await pack.check(backup, { ...shortBackups("sessions"), urn }, config), /waived until/);
            const prod = { ...shortBackups("sessions"), urn: urnOf(group, "sessions", "prod") };
            assertChecked(await pack.check(backup, prod, config), backup, prod, config, tooShort);
        });
        it("never applies to a policy the waiver does not name", async () => {
            const config = { [backup]: { waivers: [{ match: "*", reason: "all", expires: future }] } };
            const preferred = rg("c", { transitEncryptionMode: "preferred" });
            assertChecked(await pack.check(transit, preferred, config), transit, preferred, config, { code: "notAllowed", field: "transitEncryptionMode" });
        });
        it("an expired waiver is a violation that says it expired, and the policy checks the resource again", async () => {
            const config = { [backup]: { waivers: [{ match: "*", reason: "temporary", expires: past }] } };
            const v = await pack.check(backup, shortBackups("c"), config);
            assert.strictEqual(v.violations.length, 2, JSON.stringify(v));
            assertFinding(v.violations[0], /waiver from the policy config expired on 2001-01-01 \(temporary\)/, /renew it/);
            assertChecked(v, backup, shortBackups("c"), config, tooShort, 1);
        });
        it("a tag or label waiver names one policy, needs an expiry and a reason, and expires", async () => {
            const key = `hipaa-guard-waive-${backup}`;
            assertNotApplicable(await pack.check(backup, shortBackups("c", { [key]: `${future}_restore-test-cluster` })), /waived until 2999-12-31 by the tag\/label .*: restore-test-cluster/);
            assertNotApplicable(await pack.check(backup, { ...shortBackups("c"), props: { ...shortBackups("c").props, labels: { [key]: `${future}_gcp-style` } } }), /waived until/);
            const otherPolicy = rg("c", { transitEncryptionMode: "preferred", tags: { [key]: `${future}_x` } });
            assertChecked(await pack.check(transit, otherPolicy), transit, otherPolicy, undefined, { code: "notAllowed", field: "transitEncryptionMode" });
            const expired = await pack.check(backup, shortBackups("c", { [key]: `${past}_old` }));
            assert.strictEqual(expired.violations.length, 2);
            assert.match(expired.violations[0], /expired on 2001-01-01/);
            assertChecked(expired, backup, shortBackups("c", { [key]: `${past}_old` }), undefined, tooShort, 1);
            for (const bad of ["never", "2999-13-45_reason", `${future}`, `${future}_ `]) {
                const v = await pack.check(backup, shortBackups("c", { [key]: bad }));
                assert.strictEqual(v.violations.length, 2, `${bad}: ${JSON.stringify(v)}`);
                assertFinding(v.violations[0], /is not a valid waiver, so it was ignored/);
                assertChecked(v, backup, shortBackups("c", { [key]: bad }), undefined, tooShort, 1);
            }
        });
        it("an unknown tag value or garbage tags do not waive anything and do not fail", async () => {
            const key = `hipaa-guard-waive-${backup}`;
            for (const resource of [
                shortBackups("c", { [key]: unknown }),
                { ...shortBackups("c"), props: { ...shortBackups("c").props, tags: [key] } },
                { ...shortBackups("c"), props: { ...shortBackups("c").props, tags: unknown } },
            ]) {
                assertChecked(await pack.check(backup, resource), backup, resource, undefined, tooShort);
            }
        });
        it("rejects malformed waivers in config as one misconfiguration finding per resource", async () => {
            for (const waivers of [[{ match: "*", reason: "", expires: "2999-12-31" }], [{ match: "*", reason: "r" }], [{ match: "*", reason: "r", expires: "31/12/2999" }], "all"]) {
                assertViolates(await pack.check(backup, rg("c"), { [backup]: { waivers } }), /misconfigured: waivers must be a list of \{ match, reason, expires \}/);
            }
        });
    });

    describe("PHI scope", () => {
        const phiOnly = { [backup]: { scope: "phi" } };
        it("is off by default: every resource is in scope", async () => {
            assertChecked(await pack.check(backup, shortBackups("c")), backup, shortBackups("c"), undefined, tooShort);
        });
        it("with scope phi, checks only resources tagged or labelled hipaa-guard-phi=true", async () => {
            assertNotApplicable(await pack.check(backup, shortBackups("c"), phiOnly), /out of PHI scope/);
            for (const value of ["true", "TRUE"]) {
                const tagged = shortBackups("c", { "hipaa-guard-phi": value });
                assertChecked(await pack.check(backup, tagged, phiOnly), backup, tagged, phiOnly, tooShort);
            }
            assertNotApplicable(await pack.check(backup, shortBackups("c", { "hipaa-guard-phi": "false" }), phiOnly), /out of PHI scope/);
        });
        it("checks a resource whose tags are unknown at preview rather than risk a false pass", async () => {
            for (const resource of [{ ...shortBackups("c"), props: { ...shortBackups("c").props, tags: unknown } }, shortBackups("c", { "hipaa-guard-phi": unknown })]) {
                assertChecked(await pack.check(backup, resource, phiOnly), backup, resource, phiOnly, tooShort);
            }
        });
        it("a stack tagged hipaa-guard-phi=true puts every resource in scope", async () => {
            await pack.process.configureStack({ tags: { "hipaa-guard-phi": "true" } });
            try {
                assertChecked(await pack.check(backup, shortBackups("c"), phiOnly), backup, shortBackups("c"), phiOnly, tooShort);
            } finally {
                await pack.process.configureStack({ tags: {} });
            }
        });
        it("a PHI tag or stack tag that is neither true nor false is reported (its value not echoed), and the resource checked", async () => {
            for (const value of ["yes", "contains-phi", "", " tru e"]) {
                const v = await pack.check(backup, shortBackups("c", { "hipaa-guard-phi": value }), phiOnly);
                assert.strictEqual(v.violations.length, 2, `${JSON.stringify(value)}: ${JSON.stringify(v)}`);
                assertFinding(v.violations[0], /^the tag\/label hipaa-guard-phi is neither "true" nor "false", so this resource is checked as PHI\. Fix: set hipaa-guard-phi to "true" or "false" on the resource\./);
                assertFinding(v.violations[1], /is 1/);
                if (value.trim() !== "") assert.ok(!v.violations[0].includes(value), "the tag's value is echoed");
            }
            assertNotApplicable(await pack.check(backup, shortBackups("c", { "hipaa-guard-phi": " False " }), phiOnly), /out of PHI scope/);
            await pack.process.configureStack({ tags: { "hipaa-guard-phi": "phi-data" } });
            try {
                const v = await pack.check(backup, shortBackups("c"), phiOnly);
                assert.strictEqual(v.violations.length, 2, JSON.stringify(v));
                assertFinding(v.violations[0], /^the stack tag hipaa-guard-phi is neither "true" nor "false", so this resource is checked as PHI\. Fix: set hipaa-guard-phi to "true" or "false" on the stack\./);
                assert.ok(!v.violations[0].includes("phi-data"));
            } finally {
                await pack.process.configureStack({ tags: {} });
            }
            // Where the PHI scope is off, the tag decides nothing and is not reported.
            assertViolates(await pack.check(backup, shortBackups("c", { "hipaa-guard-phi": "yes" })), /is 1/);
        });
        it("rejects a scope other than all or phi", async () => {
            assertViolates(await pack.check(backup, rg("c"), { [backup]: { scope: "PHI-only" } }), /scope must be "all" or "phi"/);
        });
    });

    describe("knob names", () => {
        const atRest = "aws-elasticache-encryption-at-rest";
        const noCmk = rg("c", { kmsKeyId: undefined });
        it("a misspelled knob is one violation per resource naming the policy and the knob, not a silent default", async () => {
            // requireCustomerManagedKey (singular) would flag this cache; the misspelling must not pass it.
            assertViolates(await pack.check(atRest, noCmk, { [atRest]: { requireCustomerManagedKey: true } }), /kmsKeyId/);
            const v = await pack.check(atRest, noCmk, { [atRest]: { requireCustomerManagedKeys: true } });
            assertViolates(v, /^Policy aws-elasticache-encryption-at-rest is misconfigured: it has no knob named "requireCustomerManagedKeys" \(its knobs: requireCustomerManagedKey, waivers, scope\), so it checked nothing\. Fix: correct or remove "requireCustomerManagedKeys" in the policy pack config\./);
            assert.ok(!v.violations[0].includes("true"), "the value is not echoed");
        });
        it("a stack policy reports an unknown knob too", async () => {
            const flowLogs = "aws-vpc-flow-logs";
            const result = await pack.analyzeStack([{ type: "aws:ec2/vpc:Vpc", name: "v", props: { cidrBlock: "10.0.0.0/16" } }], { [flowLogs]: { requireAlltraffic: false } });
            const mine = result.diagnostics.filter(d => d.policyName === flowLogs);
            assert.strictEqual(mine.length, 1, JSON.stringify(result.diagnostics));
            assertFinding(mine[0].message, /misconfigured: it has no knob named "requireAlltraffic"/);
        });
    });

    describe("remediation", () => {
        const remediate = { [backup]: { enforcementLevel: "remediate" as const }, [transit]: { enforcementLevel: "remediate" as const } };
        it("fixes snapshot retention and transit mode, keeping every other value exactly as it came", async () => {
            const props = {
                ...compliant, snapshotRetentionLimit: 7, transitEncryptionMode: "preferred", kmsKeyId: unknown,
                tags: { team: "phi", owner: unknown }, securityGroupIds: [unknown, "sg-1"], authToken: secret(TOKEN),
            };
            const result = await pack.remediate({ type: group, name: "c", props }, remediate);
            const byPolicy = Object.fromEntries(result.remediations.map(r => [r.policyName, r]));
            assert.deepStrictEqual(Object.keys(byPolicy).sort(), [transit, backup].sort());
            // Remediations chain: the last one carries both fixes, and every untouched value (unknowns, secrets) as sent.
            const final = result.remediations[result.remediations.length - 1].properties;
            assert.deepStrictEqual(final, { ...(encodeValue(props) as object), snapshotRetentionLimit: 35, transitEncryptionMode: "required" });
            assert.ok(!JSON.stringify(result.remediations.map(r => r.diagnostic)).includes(TOKEN));
        });
        it("uses the configured minimum", async () => {
            const result = await pack.remediate(shortBackups("c"), { [backup]: { enforcementLevel: "remediate", minimumRetentionDays: 14 } });
            assert.strictEqual(result.remediations[0].properties?.snapshotRetentionLimit, 14);
        });
        it("never turns an unknown or wrong-typed value into a guess, and changes nothing on a compliant resource", async () => {
            for (const snapshotRetentionLimit of [unknown, "seven", { days: 7 }]) {
                const result = await pack.remediate(rg("c", { snapshotRetentionLimit }), remediate);
                assert.deepStrictEqual(result.remediations.filter(r => r.policyName === backup), []);
            }
            const clean = await pack.remediate(rg("c"), remediate);
            assert.deepStrictEqual(clean.remediations, []);
        });
        it("does not touch a secret, even one holding a field it would fix", async () => {
            const result = await pack.remediate(rg("c", { snapshotRetentionLimit: secret(1) }), remediate);
            assert.deepStrictEqual(result.remediations.filter(r => r.policyName === backup), []);
        });
        it("policies whose fix needs a person say so instead of remediating", async () => {
            const auth = "aws-elasticache-auth";
            const result = await pack.remediate(rg("c", { authToken: undefined }), { [auth]: { enforcementLevel: "remediate" } });
            assert.deepStrictEqual(result.remediations, []);
            const na = result.notApplicable.find(n => n.policyName === auth);
            assert.match(na!.reason, /^no automatic remediation: the AUTH token or RBAC user group is a credential only a person can choose/);
        });
        it("does not remediate a waived resource", async () => {
            const config = { [backup]: { enforcementLevel: "remediate" as const, waivers: [{ match: "*", reason: "r", expires: "2999-01-01" }] } };
            const result = await pack.remediate(shortBackups("c"), config);
            assert.deepStrictEqual(result.remediations, []);
            assert.match(result.notApplicable.find(n => n.policyName === backup)!.reason, /waived until/);
        });
        it("a remediating policy still validates (as mandatory) at Analyze", async () => {
            const config = { [backup]: { enforcementLevel: "remediate" as const } };
            assertChecked(await pack.check(backup, shortBackups("c"), config), backup, shortBackups("c"), config, tooShort);
        });
    });

    it("a policy without Configure still runs with its defaults", async () => {
        // A Configure naming no policy leaves the pack as an engine that never calls Configure does.
        await pack.process.configure({ ...pack.info, policies: [] });
        try {
            assertChecked(verdictOf(await pack.process.analyze(shortBackups("c")), backup), backup, shortBackups("c"), undefined, tooShort);
        } finally {
            await pack.process.configure(pack.info);
        }
    });

    it("each Configure's values decide, however often the same values were resolved before", async () => {
        // The pack resolves each distinct config once; a later Configure must still take effect.
        const minimum = (days: number) => ({ [backup]: { minimumRetentionDays: days } });
        const sevenDays = rg("c", { snapshotRetentionLimit: 7 });
        for (const days of [14, 14, 7, 14, 5, 7]) {
            const v = await pack.check(backup, sevenDays, minimum(days));
            if (days > 7) assertChecked(v, backup, sevenDays, minimum(days), tooShort);
            else assertPasses(v);
        }
        const invalid = await pack.check(backup, sevenDays, { [backup]: { minimumRetentionDays: -1 } });
        assert.match(invalid.violations[0] ?? "", /misconfigured: minimumRetentionDays must be/);
        assertChecked(await pack.check(backup, sevenDays, minimum(14)), backup, sevenDays, minimum(14), tooShort);
    });

    it("a compliant resource passes with the default configuration", async () => {
        assertPasses(await pack.check(backup, rg("c")));
    });
});

describe("the README's example policy-config.json", () => {
    const pack = usePack();

    it("names real policies and only values their config schemas accept", async () => {
        const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
        const block = /### Example `policy-config.json`\s+```json\n([\s\S]*?)```/.exec(readme);
        assert.ok(block, "README has the example");
        const config = JSON.parse(block![1]) as PolicyConfig;
        for (const [name, settings] of Object.entries(config)) {
            const definition = allPolicies.find(p => p.definition.name === name)?.definition;
            assert.ok(definition, `the README configures ${name}, which the pack does not have`);
            const result = await pack.analyze({ type: definition!.types[0], name: "example", props: {} }, { [name]: settings });
            for (const d of result.diagnostics) assert.ok(!d.message.includes("misconfigured"), `${name}: ${d.message}`);
        }
    });
});
