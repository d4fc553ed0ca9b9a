// The S3 bucket a trail writes to (AnalyzeStack): its public access block, encryption and
// versioning, with the related resources present, missing, outside the stack and unknown at preview.

import * as assert from "assert";
import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackOutcomesOf, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { allFlags, encryptionOutputs, publicAccessBlockOutputs, versioningOutputs, asOutputs, bucketOutputs, protectedBucket, res, sseRules, stackTrailOutputs, stackTrailProps, T, trailTo, versioningEnabled } from "../../factories";
import { usePack } from "../../pack";
import { ResourceInput, secret, unknown, urnOf } from "../../../tools/lib/analyzer-client";

const policy = "aws-cloudtrail-bucket-protected";
const SECRET = "SECRET-do-not-echo-3b9d";

const logs = protectedBucket("logs");
const noneOfThem = protectedBucket("logs", { pab: null, sse: null, versioning: null });
const noVersioning = protectedBucket("logs", { versioning: null });

// After deployment: connected only by literal bucket names.
const deployed = [
    res(T.bucket, "logs", { bucket: "hipaa-cloudtrail-logs", id: "hipaa-cloudtrail-logs" }),
    res(T.pab, "logs-pab", { bucket: "hipaa-cloudtrail-logs", ...allFlags }),
    res(T.sse, "logs-sse", { bucket: "hipaa-cloudtrail-logs", ...sseRules }),
    res(T.versioning, "logs-versioning", { bucket: "hipaa-cloudtrail-logs", ...versioningEnabled }),
    res(T.trail, "audit", { ...stackTrailProps, s3BucketName: "hipaa-cloudtrail-logs" }),
];

const deployedOutputs = [
    bucketOutputs("logs", "hipaa-cloudtrail-logs"),
    publicAccessBlockOutputs("logs-pab", "hipaa-cloudtrail-logs"),
    encryptionOutputs("logs-sse", "hipaa-cloudtrail-logs"),
    versioningOutputs("logs-versioning", "hipaa-cloudtrail-logs"),
    stackTrailOutputs("audit"),
];

const v2 = res(T.bucketV2, "logs", { bucket: unknown });
const inline = res(T.bucket, "inline", {
    bucket: "inline-logs",
    serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } },
    versioning: { enabled: true },
});
const inlineOff = res(T.bucket, "inline", { bucket: unknown, versioning: { enabled: false }, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } });

const pabOff = protectedBucket("logs", { pab: { restrictPublicBuckets: false } });
const pabOmitted = protectedBucket("logs", { pab: { ignorePublicAcls: undefined } });
const other = protectedBucket("other");
const logsNoPab = protectedBucket("logs", { pab: null });
const suspended = protectedBucket("logs", { versioning: { versioningConfiguration: { status: "Suspended" } } });
const badAlgorithm = protectedBucket("logs", { sse: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: SECRET } }] } });

const bucketPolicyRes = res(T.bucketPolicy, "logs-policy", { bucket: unknown, policy: unknown }, { bucket: [logs.bucket] });

const flagUnknown = protectedBucket("logs", { pab: { blockPublicPolicy: unknown } });
const rulesUnknown = protectedBucket("logs", { sse: { rules: unknown } });

// Garbage: wrong types, nulls, nested unknowns, a dangling dependency, secrets.
const messy = protectedBucket("logs", { pab: { blockPublicAcls: "true", bucket: secret(SECRET) }, sse: { rules: [null, { applyServerSideEncryptionByDefault: unknown }] }, versioning: { versioningConfiguration: [unknown] } });
const messyTrail = res(T.trail, "audit", { s3BucketName: unknown }, { s3BucketName: [messy.bucket] });
messyTrail.propertyDependencies!.kmsKeyId = ["urn:pulumi:dev::hipaa-guard::aws:kms/key:Key::not-in-stack"];
const secretBucket = res(T.bucket, "b", { bucket: SECRET, versioning: SECRET, serverSideEncryptionConfiguration: [SECRET] });

stackCases(policy, [
    stackPasses([...logs.resources, trailTo("audit", logs.bucket)]),
    stackPasses(deployed),
    // The V2 resource types, the bucket's inline blocks, and an account-wide public access block.
    stackPasses([
        v2,
        res(T.pab, "pab", { bucket: unknown, ...allFlags }, { bucket: [v2] }),
        res(T.sseV2, "sse", { bucket: unknown, ...sseRules }, { bucket: [v2] }),
        res(T.versioningV2, "ver", { bucket: unknown, ...versioningEnabled }, { bucket: [v2] }),
        trailTo("audit", v2),
    ]),
    stackPasses([inline, res(T.accountPab, "account", allFlags), trailTo("audit", inline)]),

    // Each missing protection is reported on the bucket, where the fix goes.
    stackViolates([...noneOfThem.resources, trailTo("audit", noneOfThem.bucket)], [
        { on: "logs", code: "missingResource" },
        { on: "logs", code: "missingResource" },
        { on: "logs", code: "missingResource" },
    ]),
    stackViolates([...pabOff.resources, trailTo("audit", pabOff.bucket)], [{ on: "logs", code: "notAllowed", field: "BucketPublicAccessBlock.restrictPublicBuckets" }]),
    stackViolates([...pabOmitted.resources, trailTo("audit", pabOmitted.bucket)], [{ on: "logs", code: "absentDefault", field: "BucketPublicAccessBlock.ignorePublicAcls" }]),
    // A block for another bucket does not count, nor does an account-wide block that leaves a setting off.
    stackViolates([...other.resources, ...logsNoPab.resources, trailTo("audit", logsNoPab.bucket)], [{ on: "logs", code: "missingResource" }]),
    stackViolates([...logsNoPab.resources, res(T.accountPab, "account", { ...allFlags, blockPublicPolicy: false }), trailTo("audit", logsNoPab.bucket)], [{ on: "logs", code: "missingResource" }]),
    stackViolates([...suspended.resources, trailTo("audit", suspended.bucket)], [{ on: "logs", code: "notAllowed", field: "BucketVersioning.versioningConfiguration.status" }]),
    stackViolates([...badAlgorithm.resources, trailTo("audit", badAlgorithm.bucket)], [
        { on: "logs", code: "unrecognised", field: "BucketServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm" },
    ]),
    stackViolates([inlineOff, res(T.accountPab, "a", allFlags), trailTo("audit", inlineOff)], [{ on: "inline", code: "notAllowed", field: "versioning.enabled" }]),
    // Two trails writing to one bucket report its problem once.
    stackViolates([...noVersioning.resources, trailTo("audit", noVersioning.bucket), trailTo("audit-2", noVersioning.bucket)], [{ on: "logs", code: "missingResource" }]),
    stackViolates([res(T.trail, "audit", { s3BucketName: 42 })], [{ on: "audit", code: "wrongType", field: "s3BucketName" }]),

    stackNotApplicable([res(T.trail, "audit", { ...stackTrailProps, s3BucketName: "central-logging-account-bucket" }), ...protectedBucket("unrelated").resources], /the trail's S3 bucket is not created by this stack/),
    stackNotApplicable(logs.resources, /only applies to resources of type 'aws:cloudtrail\/trail:Trail'/),
    stackNotApplicable([], /only applies to resources of type/),
    stackNotApplicable([res(T.trail, "audit", { s3BucketName: null })], /names no S3 bucket/),

    // The trail's bucket unknown, and no property dependency names a bucket.
    stackUndecided([res(T.trail, "audit", { ...stackTrailProps, s3BucketName: unknown }), ...logs.resources], [{ on: "audit", fields: "s3BucketName" }]),
    // Depending on the bucket policy (s3BucketName: policy.bucket) does not say which bucket it is.
    stackUndecided([...logs.resources, bucketPolicyRes, res(T.trail, "audit", { ...stackTrailProps, s3BucketName: unknown }, { s3BucketName: [bucketPolicyRes] })], [{ on: "audit", fields: "s3BucketName" }]),
    // A protection's settings, or which bucket it protects, unknown: undecided on the bucket.
    stackUndecided([...flagUnknown.resources, trailTo("audit", flagUnknown.bucket)], [{ on: "logs", fields: "BucketPublicAccessBlock.blockPublicPolicy" }]),
    stackUndecided([...noVersioning.resources, res(T.versioning, "some-versioning", { bucket: unknown, ...versioningEnabled }), trailTo("audit", noVersioning.bucket)], [{ on: "logs", fields: "BucketVersioning.bucket" }]),
    stackUndecided([...rulesUnknown.resources, trailTo("audit", rulesUnknown.bucket)], [{ on: "logs", fields: "BucketServerSideEncryptionConfiguration.rules" }]),

    stackGarbage([...messy.resources, messyTrail]),
    stackGarbage([res(T.trail, "audit", { s3BucketName: secret(SECRET) }), secretBucket]),
    stackGarbage([res(T.trail, "audit", { s3BucketName: [SECRET] }), secretBucket]),
    stackGarbage([res(T.trail, "audit", { s3BucketName: { SECRET } }), secretBucket]),

    // An invalid waiver is reported once, for the stack.
    stackMisconfigured([...noVersioning.resources, trailTo("audit", noVersioning.bucket)], { waivers: "all" }, "waivers"),
    // Outputs-shaped (state): connected by literal names only, every block the provider reports.
    stackPasses(deployedOutputs),
    // The bucket's own outputs always report SSE-S3 and versioning { enabled: false }.
    stackViolates([bucketOutputs("logs", "hipaa-cloudtrail-logs"), stackTrailOutputs("audit")], [
        { on: "logs", code: "missingResource" },
        { on: "logs", code: "notAllowed", field: "versioning.enabled" },
    ]),
    // Older exports keep single nested blocks as one-element lists.
    stackPasses([
        bucketOutputs("logs", "hipaa-cloudtrail-logs", {
            serverSideEncryptionConfiguration: [{ rule: [{ applyServerSideEncryptionByDefault: [{ kmsMasterKeyId: "", sseAlgorithm: "aws:kms" }], bucketKeyEnabled: true }] }],
            versioning: [{ enabled: true, mfaDelete: false }],
        }),
        asOutputs(res(T.accountPab, "account", { ...allFlags, accountId: "111122223333", id: "111122223333", region: "us-east-1" })),
        stackTrailOutputs("audit"),
    ]),
]);

describe(`${policy} (beyond the table)`, () => {
    const pack = usePack();

    it("garbage in a protection still reports what it can decide: a wrong-typed flag, and undecided encryption, on the bucket", async () => {
        const { outcomesByUrn } = stackOutcomesOf(policy, [...messy.resources, messyTrail]);
        const onBucket = outcomesByUrn.get(messy.bucket.urn!) ?? [];
        assert.deepStrictEqual(
            onBucket.filter(o => o.kind !== "pass").map(o => (o.kind === "violation" ? { code: o.code, field: o.field } : o)),
            [
                { code: "wrongType", field: "BucketPublicAccessBlock.blockPublicAcls" },
                { kind: "undecided", field: "BucketServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm" },
                { kind: "undecided", field: "BucketVersioning.versioningConfiguration.status" },
            ],
        );
        const wire = (await pack.analyzeStack([...messy.resources, messyTrail])).diagnostics.filter(d => d.policyName === policy);
        assert.deepStrictEqual(wire.map(d => [d.urn, d.enforcementLevel]), [[messy.bucket.urn, "mandatory"], [messy.bucket.urn, "advisory"]]);
    });

    it("publishes the stack tag", () => {
        assert.ok(pack.info.policies.find(x => x.name === policy)!.tags.includes("stack"));
    });

    it("a waiver on the bucket silences its findings", async () => {
        const result = await pack.analyzeStack([...noVersioning.resources, trailTo("audit", noVersioning.bucket)], {
            [policy]: { waivers: [{ match: "logs", reason: "legacy bucket, TKT-7", expires: "2999-12-31" }] },
        });
        assert.deepStrictEqual(result.diagnostics.filter(d => d.policyName === policy), []);
        assert.match(result.notApplicable.find(n => n.policyName === policy)!.reason, /^waived until 2999-12-31 by the policy config: legacy bucket, TKT-7$/);
    });
});

// Lifecycle rules must not expire log files (or their noncurrent versions) before the retention.
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

const lifecycleBucketUrn = urnOf(T.bucket, "logs");

describe(`${policy}: lifecycle rules keep log files for the retention`, () => {
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
        for (const v of violations) assert.strictEqual(v.urn, lifecycleBucketUrn);
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
