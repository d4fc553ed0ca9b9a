// The trail bucket's lifecycle rules must not expire log files before the retention the pack
// demands (issue 12). Through AnalyzeStack, with the outcome codes from the policy's own evaluation.

import * as assert from "assert";
import { ResourceInput, unknown, urnOf } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";

const policy = "aws-cloudtrail-bucket-protected";
const T = {
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
};

function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = {}): ResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(deps)) propertyDependencies[field] = list.map(r => r.urn!);
    return { type, name, props, urn: urnOf(type, name), propertyDependencies };
}

/** A protected trail bucket with the given lifecycle rules (a resource) or inline lifecycleRules on the bucket. */
function stackWith(o: { rules?: unknown; inline?: unknown[]; keyPrefix?: unknown }): ResourceInput[] {
    const bucket = res(T.bucket, "logs", { bucket: unknown, ...(o.inline ? { lifecycleRules: o.inline } : {}) });
    const on = { bucket: [bucket] };
    const resources = [
        bucket,
        res(T.pab, "logs-pab", { bucket: unknown, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, on),
        res(T.sse, "logs-sse", { bucket: unknown, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] }, on),
        res(T.versioning, "logs-versioning", { bucket: unknown, versioningConfiguration: { status: "Enabled" } }, on),
        res(T.trail, "audit", { s3BucketName: unknown, ...(o.keyPrefix !== undefined ? { s3KeyPrefix: o.keyPrefix } : {}) }, { s3BucketName: [bucket] }),
    ];
    if (o.rules) resources.push(res(T.lifecycle, "logs-lifecycle", { bucket: unknown, rules: o.rules }, on));
    return resources;
}

const bucketUrn = urnOf(T.bucket, "logs");

describe(`${policy}: lifecycle rules and retention`, () => {
    const pack = usePack();
    const findings = async (resources: ResourceInput[], knobs: Record<string, unknown> = {}) => {
        const result = await pack.analyzeStack(resources, { [policy]: knobs });
        const mine = result.diagnostics.filter(d => d.policyName === policy);
        return { violations: mine.filter(d => d.enforcementLevel !== "advisory"), advisories: mine.filter(d => d.enforcementLevel === "advisory") };
    };

    it("passes transitions to colder storage, long expirations, disabled rules and rules for other prefixes or tagged objects", async () => {
        const rules = [
            { id: "cold", status: "Enabled", transitions: [{ days: 90, storageClass: "GLACIER" }], expiration: { days: 2557 } },
            { id: "off", status: "Disabled", expiration: { days: 1 } },
            { id: "tmp", status: "Enabled", filter: { prefix: "tmp/" }, expiration: { days: 7 } },
            { id: "tagged", status: "Enabled", filter: { tag: { key: "scratch", value: "true" } }, expiration: { days: 7 } },
            { id: "markers", status: "Enabled", expiration: { expiredObjectDeleteMarker: true } },
        ];
        assert.deepStrictEqual(await findings(stackWith({ rules })), { violations: [], advisories: [] });
        assert.deepStrictEqual(await findings(stackWith({ inline: [{ enabled: true, transitions: [{ days: 30, storageClass: "GLACIER" }] }, { enabled: false, expiration: { days: 1 } }] })), { violations: [], advisories: [] });
    });

    it("reports expirations of current or noncurrent log objects before the minimum, on the bucket", async () => {
        const { violations } = await findings(stackWith({ rules: [{ id: "x", status: "Enabled", expiration: { days: 365 }, noncurrentVersionExpiration: { noncurrentDays: 30 } }] }));
        assert.strictEqual(violations.length, 2);
        for (const v of violations) assert.strictEqual(v.urn, bucketUrn);
        assert.match(violations[0].message, /expires log objects after 365 days, before 2192/);
        assert.match(violations[1].message, /noncurrent .* after 30 days, before 2192/);
        const inline = await findings(stackWith({ inline: [{ enabled: true, prefix: "AWSLogs/", expiration: { date: "2027-01-01" } }] }));
        assert.strictEqual(inline.violations.length, 1);
        assert.match(inline.violations[0].message, /on a fixed date/);
    });

    it("matches rule prefixes against where the trail writes (its s3KeyPrefix)", async () => {
        const rules = [{ id: "x", status: "Enabled", filter: { prefix: "audit/AWS" }, expiration: { days: 30 } }];
        assert.strictEqual((await findings(stackWith({ rules, keyPrefix: "audit" }))).violations.length, 1);
        assert.strictEqual((await findings(stackWith({ rules, keyPrefix: "other" }))).violations.length, 0);
        assert.strictEqual((await findings(stackWith({ rules }))).violations.length, 0);
    });

    it("uses the configured minimum", async () => {
        const rules = [{ id: "x", status: "Enabled", expiration: { days: 400 } }];
        assert.strictEqual((await findings(stackWith({ rules }), { minimumRetentionDays: 365 })).violations.length, 0);
        assert.strictEqual((await findings(stackWith({ rules }), { minimumRetentionDays: 731 })).violations.length, 1);
    });

    it("is undecided when a rule's expiration, prefix, or the trail's key prefix is unknown at preview", async () => {
        for (const resources of [
            stackWith({ rules: [{ id: "x", status: "Enabled", expiration: { days: unknown } }] }),
            stackWith({ rules: [{ id: "x", status: "Enabled", filter: { prefix: unknown }, expiration: { days: 1 } }] }),
            stackWith({ rules: unknown }),
            stackWith({ keyPrefix: unknown }),
        ]) {
            const f = await findings(resources);
            assert.deepStrictEqual(f.violations, []);
            assert.strictEqual(f.advisories.length, 1);
            assert.match(f.advisories[0].message, /^Undecided at preview: /);
        }
    });

    it("reads outputs-shaped lifecycle rules (every block filled, empty strings and lists for unset)", async () => {
        const rules = [{ id: "x", status: "Enabled", prefix: "", filter: [{ prefix: "", and: [], tag: [], objectSizeGreaterThan: "" }], expiration: [{ days: 0, date: "", expiredObjectDeleteMarker: false }], noncurrentVersionExpiration: [], transitions: [], abortIncompleteMultipartUpload: [] }];
        assert.deepStrictEqual(await findings(stackWith({ rules })), { violations: [], advisories: [] });
        const short = [{ ...rules[0], filter: [{ prefix: "", and: [], tag: [] }], expiration: [{ days: 90, date: "", expiredObjectDeleteMarker: false }] }];
        assert.strictEqual((await findings(stackWith({ rules: short }))).violations.length, 1);
    });

    it("never echoes garbage", async () => {
        const f = await findings(stackWith({ rules: [{ id: "SECRET", status: "SECRET", expiration: { days: "SECRET" }, filter: { prefix: ["SECRET"] } }, null, 7] }));
        for (const d of [...f.violations, ...f.advisories]) assert.ok(!d.message.includes("SECRET"), d.message);
    });
});
