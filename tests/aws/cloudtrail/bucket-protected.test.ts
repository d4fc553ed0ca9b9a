// The S3 bucket a trail writes to (AnalyzeStack): its public access block, encryption and
// versioning, with the related resources present, missing, outside the stack and unknown at preview.

import * as assert from "assert";
import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackOutcomesOf, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { allFlags, encryptionOutputs, publicAccessBlockOutputs, versioningOutputs, asOutputs, bucketOutputs, protectedBucket, res, sseRules, stackTrailOutputs, stackTrailProps, T, trailTo, versioningEnabled } from "../../factories";
import { usePack } from "../../pack";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

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
    stackViolates([inlineOff, res(T.accountPab, "a", allFlags), trailTo("audit", inlineOff)], [{ on: "inline", code: "notAllowed", field: "enabled" }]),
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
    // Issue 12: the path should be versioning.enabled.
    stackViolates([bucketOutputs("logs", "hipaa-cloudtrail-logs"), stackTrailOutputs("audit")], [
        { on: "logs", code: "missingResource" },
        { on: "logs", code: "notAllowed", field: "enabled" },
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
