// Stack controls (AnalyzeStack): the CloudTrail bucket's protections, the CloudTrail log group's
// retention and encryption, and VPC flow logs, with related resources present, missing, outside
// the stack and unknown at preview.

import * as assert from "assert";
import { AnalyzeResult, ResourceInput, urnOf } from "../../tools/lib/analyzer-client";
import { assertFinding, secret, unknown, usePack } from "../pack";

const T = {
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    accountPab: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    sseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    versioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    vpc: "aws:ec2/vpc:Vpc",
    flowLog: "aws:ec2/flowLog:FlowLog",
};
const SECRET = "SECRET-do-not-echo-3b9d";

const bucketPolicy = "aws-cloudtrail-bucket-protected";
const logGroupPolicy = "aws-cloudtrail-log-group-retention";
const flowLogPolicy = "aws-vpc-flow-logs";

interface Finding {
    urn: string;
    message: string;
}
interface StackVerdict {
    violations: Finding[];
    advisories: Finding[];
    notApplicable?: string;
}

function verdict(result: AnalyzeResult, policy: string): StackVerdict {
    const mine = result.diagnostics.filter(d => d.policyName === policy);
    for (const d of result.diagnostics) assert.ok(!d.message.includes("SECRET"), `secret echoed by ${d.policyName}: ${d.message}`);
    return {
        violations: mine.filter(d => d.enforcementLevel !== "advisory").map(d => ({ urn: d.urn, message: d.message })),
        advisories: mine.filter(d => d.enforcementLevel === "advisory").map(d => ({ urn: d.urn, message: d.message })),
        notApplicable: result.notApplicable.find(n => n.policyName === policy)?.reason,
    };
}

function assertStackPasses(v: StackVerdict): void {
    assert.deepStrictEqual(v, { violations: [], advisories: [], notApplicable: undefined });
}

/** Exactly the violations given, each on its resource, each matching its pattern. */
function assertStackViolates(v: StackVerdict, ...expected: [urn: string, pattern: RegExp][]): void {
    assert.deepStrictEqual(v.advisories, [], JSON.stringify(v, null, 1));
    assert.strictEqual(v.violations.length, expected.length, JSON.stringify(v, null, 1));
    expected.forEach(([urn, pattern], i) => {
        assert.strictEqual(v.violations[i].urn, urn, v.violations[i].message);
        assertFinding(v.violations[i].message, pattern);
    });
}

function assertStackUndecided(v: StackVerdict, urn: string, ...fields: string[]): void {
    assert.deepStrictEqual(v.violations, [], JSON.stringify(v, null, 1));
    assert.strictEqual(v.advisories.length, 1, JSON.stringify(v, null, 1));
    assert.strictEqual(v.advisories[0].urn, urn);
    assert.match(v.advisories[0].message, /^Undecided at preview: /);
    for (const f of fields) assert.ok(v.advisories[0].message.includes(f), `advisory does not name ${f}: ${v.advisories[0].message}`);
}

function assertStackNotApplicable(v: StackVerdict, pattern: RegExp): void {
    assert.deepStrictEqual(v.violations, []);
    assert.deepStrictEqual(v.advisories, []);
    assert.ok(v.notApplicable !== undefined, "expected the policy to say it is not applicable");
    assert.match(v.notApplicable!, pattern);
}

/** A resource; `deps` maps a property to the resources its value was computed from. */
function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = {}): ResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(deps)) propertyDependencies[field] = list.map(r => r.urn!);
    return { type, name, props, urn: urnOf(type, name), propertyDependencies };
}

// --- Builders for a preview (values unknown, connected by property dependencies) --------------

const allFlags = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const sseRules = { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknown } }] };
const enabled = { versioningConfiguration: { status: "Enabled" } };

function protectedBucket(name: string, overrides: { pab?: Record<string, unknown> | null; sse?: Record<string, unknown> | null; versioning?: Record<string, unknown> | null } = {}) {
    const bucket = res(T.bucket, name, { bucket: unknown, forceDestroy: false });
    const on = { bucket: [bucket] };
    const out = [bucket];
    if (overrides.pab !== null) out.push(res(T.pab, `${name}-pab`, { bucket: unknown, ...allFlags, ...overrides.pab }, on));
    if (overrides.sse !== null) out.push(res(T.sse, `${name}-sse`, { bucket: unknown, ...sseRules, ...overrides.sse }, on));
    if (overrides.versioning !== null) out.push(res(T.versioning, `${name}-versioning`, { bucket: unknown, ...enabled, ...overrides.versioning }, on));
    return { bucket, resources: out };
}

const trailProps = { isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: unknown, cloudWatchLogsRoleArn: unknown };

function trailTo(name: string, bucket: ResourceInput | undefined, logGroup?: ResourceInput, props: Record<string, unknown> = {}) {
    return res(
        T.trail,
        name,
        { ...trailProps, s3BucketName: unknown, cloudWatchLogsGroupArn: logGroup ? unknown : undefined, ...props },
        { ...(bucket ? { s3BucketName: [bucket] } : {}), ...(logGroup ? { cloudWatchLogsGroupArn: [logGroup] } : {}) },
    );
}

describe("stack controls", () => {
    const pack = usePack();
    const check = async (policy: string, resources: ResourceInput[], config?: Parameters<typeof pack.analyzeStack>[1]) =>
        verdict(await pack.analyzeStack(resources, config), policy);

    describe(bucketPolicy, () => {
        it("passes a trail whose bucket blocks public access, is encrypted and versioned (connected by property dependencies)", async () => {
            const b = protectedBucket("logs");
            assertStackPasses(await check(bucketPolicy, [...b.resources, trailTo("audit", b.bucket)]));
        });

        it("passes the same stack after deployment, connected only by literal bucket names", async () => {
            const bucket = res(T.bucket, "logs", { bucket: "hipaa-cloudtrail-logs", id: "hipaa-cloudtrail-logs" });
            const resources = [
                bucket,
                res(T.pab, "logs-pab", { bucket: "hipaa-cloudtrail-logs", ...allFlags }),
                res(T.sse, "logs-sse", { bucket: "hipaa-cloudtrail-logs", ...sseRules }),
                res(T.versioning, "logs-versioning", { bucket: "hipaa-cloudtrail-logs", ...enabled }),
                res(T.trail, "audit", { ...trailProps, s3BucketName: "hipaa-cloudtrail-logs" }),
            ];
            assertStackPasses(await check(bucketPolicy, resources));
        });

        it("accepts the V2 resource types, the bucket's inline blocks, and an account-wide public access block", async () => {
            const bucket = res(T.bucketV2, "logs", { bucket: unknown });
            const on = { bucket: [bucket] };
            assertStackPasses(await check(bucketPolicy, [
                bucket,
                res(T.pab, "pab", { bucket: unknown, ...allFlags }, on),
                res(T.sseV2, "sse", { bucket: unknown, ...sseRules }, on),
                res(T.versioningV2, "ver", { bucket: unknown, ...enabled }, on),
                trailTo("audit", bucket),
            ]));
            const inline = res(T.bucket, "inline", {
                bucket: "inline-logs",
                serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } },
                versioning: { enabled: true },
            });
            assertStackPasses(await check(bucketPolicy, [inline, res(T.accountPab, "account", allFlags), trailTo("audit", inline)]));
        });

        it("reports each missing protection on the bucket, where the fix goes", async () => {
            const b = protectedBucket("logs", { pab: null, sse: null, versioning: null });
            const urn = b.bucket.urn!;
            assertStackViolates(
                await check(bucketPolicy, [...b.resources, trailTo("audit", b.bucket)]),
                [urn, /no aws\.s3\.BucketPublicAccessBlock blocks public access to this CloudTrail log bucket\. Fix: add an aws\.s3\.BucketPublicAccessBlock/],
                [urn, /no aws\.s3\.BucketServerSideEncryptionConfiguration encrypts this CloudTrail log bucket/],
                [urn, /no aws\.s3\.BucketVersioning keeps versions/],
            );
        });

        it("reports a public access block that leaves a setting off, and a block for another bucket does not count", async () => {
            const b = protectedBucket("logs", { pab: { restrictPublicBuckets: false } });
            assertStackViolates(
                await check(bucketPolicy, [...b.resources, trailTo("audit", b.bucket)]),
                [b.bucket.urn!, /public access block: restrictPublicBuckets is false\. Fix: set blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets: true on the aws\.s3\.BucketPublicAccessBlock/],
            );
            const omitted = protectedBucket("logs", { pab: { ignorePublicAcls: undefined } });
            assertStackViolates(await check(bucketPolicy, [...omitted.resources, trailTo("audit", omitted.bucket)]), [omitted.bucket.urn!, /ignorePublicAcls is not set and defaults to false/]);
            const other = protectedBucket("other");
            const logs = protectedBucket("logs", { pab: null });
            assertStackViolates(await check(bucketPolicy, [...other.resources, ...logs.resources, trailTo("audit", logs.bucket)]), [logs.bucket.urn!, /no aws\.s3\.BucketPublicAccessBlock/]);
            const account = res(T.accountPab, "account", { ...allFlags, blockPublicPolicy: false });
            assertStackViolates(await check(bucketPolicy, [...logs.resources, account, trailTo("audit", logs.bucket)]), [logs.bucket.urn!, /no aws\.s3\.BucketPublicAccessBlock/]);
        });

        it("reports suspended versioning, an unrecognised algorithm and disabled inline versioning", async () => {
            const suspended = protectedBucket("logs", { versioning: { versioningConfiguration: { status: "Suspended" } } });
            assertStackViolates(await check(bucketPolicy, [...suspended.resources, trailTo("audit", suspended.bucket)]), [suspended.bucket.urn!, /versioning: versioningConfiguration\.status is "Suspended"\. Fix: set versioningConfiguration\.status: "Enabled" on its aws\.s3\.BucketVersioning/]);
            const badAlgorithm = protectedBucket("logs", { sse: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: SECRET } }] } });
            assertStackViolates(await check(bucketPolicy, [...badAlgorithm.resources, trailTo("audit", badAlgorithm.bucket)]), [badAlgorithm.bucket.urn!, /sseAlgorithm is not a recognised value/]);
            const inline = res(T.bucket, "inline", { bucket: unknown, versioning: { enabled: false }, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } });
            assertStackViolates(await check(bucketPolicy, [inline, res(T.accountPab, "a", allFlags), trailTo("audit", inline)]), [inline.urn!, /versioning\.enabled is false|enabled is false/]);
        });

        it("two trails writing to one bucket report its problem once", async () => {
            const b = protectedBucket("logs", { versioning: null });
            const v = await check(bucketPolicy, [...b.resources, trailTo("audit", b.bucket), trailTo("audit-2", b.bucket)]);
            assertStackViolates(v, [b.bucket.urn!, /no aws\.s3\.BucketVersioning/]);
        });

        it("is not applicable to a trail whose bucket is outside the stack, or a stack with no trail", async () => {
            const outside = res(T.trail, "audit", { ...trailProps, s3BucketName: "central-logging-account-bucket" });
            assertStackNotApplicable(await check(bucketPolicy, [outside, ...protectedBucket("unrelated").resources]), /the trail's S3 bucket is not created by this stack/);
            assertStackNotApplicable(await check(bucketPolicy, protectedBucket("logs").resources), /only applies to resources of type 'aws:cloudtrail\/trail:Trail'/);
            assertStackNotApplicable(await check(bucketPolicy, []), /only applies to resources of type/);
        });

        it("is undecided when the trail's bucket is unknown and no property dependency names a bucket", async () => {
            const t = res(T.trail, "audit", { ...trailProps, s3BucketName: unknown });
            assertStackUndecided(await check(bucketPolicy, [t, ...protectedBucket("logs").resources]), t.urn!, "s3BucketName");
            // Depending on the bucket policy (s3BucketName: policy.bucket) does not say which bucket it is.
            const b = protectedBucket("logs");
            const policyRes = res(T.bucketPolicy, "logs-policy", { bucket: unknown, policy: unknown }, { bucket: [b.bucket] });
            const viaPolicy = res(T.trail, "audit", { ...trailProps, s3BucketName: unknown }, { s3BucketName: [policyRes] });
            assertStackUndecided(await check(bucketPolicy, [...b.resources, policyRes, viaPolicy]), viaPolicy.urn!, "s3BucketName");
        });

        it("is undecided on the bucket when a protection's settings, or which bucket it protects, are unknown", async () => {
            const flags = protectedBucket("logs", { pab: { blockPublicPolicy: unknown } });
            assertStackUndecided(await check(bucketPolicy, [...flags.resources, trailTo("audit", flags.bucket)]), flags.bucket.urn!, "BucketPublicAccessBlock.blockPublicPolicy");
            const b = protectedBucket("logs", { versioning: null });
            const unresolved = res(T.versioning, "some-versioning", { bucket: unknown, ...enabled });
            assertStackUndecided(await check(bucketPolicy, [...b.resources, unresolved, trailTo("audit", b.bucket)]), b.bucket.urn!, "BucketVersioning.bucket");
            const rules = protectedBucket("logs", { sse: { rules: unknown } });
            assertStackUndecided(await check(bucketPolicy, [...rules.resources, trailTo("audit", rules.bucket)]), rules.bucket.urn!, "BucketServerSideEncryptionConfiguration.rules");
        });

        it("survives garbage: wrong types, nulls, nested unknowns, dangling dependencies, secrets", async () => {
            const b = protectedBucket("logs", { pab: { blockPublicAcls: "true", bucket: secret(SECRET) }, sse: { rules: [null, { applyServerSideEncryptionByDefault: unknown }] }, versioning: { versioningConfiguration: [unknown] } });
            const t = res(T.trail, "audit", { s3BucketName: unknown }, { s3BucketName: [b.bucket] });
            t.propertyDependencies!.kmsKeyId = ["urn:pulumi:dev::hipaa-guard::aws:kms/key:Key::not-in-stack"];
            const v = await check(bucketPolicy, [...b.resources, t]);
            assert.strictEqual(v.violations.length, 1, JSON.stringify(v));
            assertFinding(v.violations[0].message, /blockPublicAcls is a string, not the boolean true/);
            assert.strictEqual(v.advisories.length, 1);
            assert.strictEqual(v.advisories[0].urn, b.bucket.urn);
            assertStackViolates(await check(bucketPolicy, [res(T.trail, "audit", { s3BucketName: 42 })]), [urnOf(T.trail, "audit"), /s3BucketName is 42, not a string/]);
            assertStackNotApplicable(await check(bucketPolicy, [res(T.trail, "audit", { s3BucketName: null })]), /names no S3 bucket/);
            for (const props of [{ s3BucketName: secret(SECRET) }, { s3BucketName: [SECRET] }, { s3BucketName: { SECRET } }]) {
                await check(bucketPolicy, [res(T.trail, "audit", props), res(T.bucket, "b", { bucket: SECRET, versioning: SECRET, serverSideEncryptionConfiguration: [SECRET] })]);
            }
        });

        it("a waiver on the bucket silences its findings; an invalid waiver is reported once for the stack", async () => {
            const b = protectedBucket("logs", { versioning: null });
            const stack = [...b.resources, trailTo("audit", b.bucket)];
            const waived = await check(bucketPolicy, stack, { [bucketPolicy]: { waivers: [{ match: "logs", reason: "legacy bucket, TKT-7", expires: "2999-12-31" }] } });
            assertStackNotApplicable(waived, /waived until 2999-12-31 by the policy config: legacy bucket, TKT-7/);
            const invalid = await check(bucketPolicy, stack, { [bucketPolicy]: { waivers: "all" } });
            assertStackViolates(invalid, ["", /misconfigured: waivers must be/]);
        });
    });

    describe(logGroupPolicy, () => {
        const goodGroup = (name = "trail-logs", props: Record<string, unknown> = {}) => res(T.logGroup, name, { retentionInDays: 2192, kmsKeyId: unknown, arn: unknown, ...props });

        it("passes a trail whose log group keeps six years and is encrypted", async () => {
            const g = goodGroup();
            assertStackPasses(await check(logGroupPolicy, [g, trailTo("audit", undefined, g)]));
            const forever = goodGroup("forever", { retentionInDays: undefined });
            assertStackPasses(await check(logGroupPolicy, [forever, trailTo("audit", undefined, forever)]));
        });

        it("reports short retention, a rejected period and a missing key on the log group, reusing the log group controls", async () => {
            const g = goodGroup("trail-logs", { retentionInDays: 365, kmsKeyId: undefined });
            assertStackViolates(
                await check(logGroupPolicy, [g, trailTo("audit", undefined, g)]),
                [g.urn!, /^this log group receives CloudTrail events and retentionInDays is 365, below 2192\. Fix: set retentionInDays: 2192/],
                [g.urn!, /this log group receives CloudTrail events and kmsKeyId is not set/],
            );
            const rejected = goodGroup("trail-logs", { retentionInDays: 2190 });
            assertStackViolates(await check(logGroupPolicy, [rejected, trailTo("audit", undefined, rejected)]), [rejected.urn!, /retentionInDays is 2190, which CloudWatch Logs does not accept \(nearest accepted: 1827 and 2192\)/]);
        });

        it("matches a literal log group ARN with CloudTrail's \":*\" suffix to the group's ARN", async () => {
            const arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail";
            const g = res(T.logGroup, "trail-logs", { arn, retentionInDays: 30, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k" });
            const t = res(T.trail, "audit", { ...trailProps, s3BucketName: "b", cloudWatchLogsGroupArn: `${arn}:*` });
            assertStackViolates(await check(logGroupPolicy, [g, t]), [g.urn!, /retentionInDays is 30, below 2192/]);
        });

        it("holds the trail's log group to its own minimumRetentionDays, apart from the general retention control", async () => {
            const g = goodGroup("trail-logs", { retentionInDays: 3653 });
            assertStackPasses(await check(logGroupPolicy, [g, trailTo("audit", undefined, g)], { [logGroupPolicy]: { minimumRetentionDays: 3653 }, "aws-cloudwatch-log-retention": { minimumRetentionDays: 365 } }));
            const short = goodGroup("trail-logs", { retentionInDays: 2557 });
            assertStackViolates(await check(logGroupPolicy, [short, trailTo("audit", undefined, short)], { [logGroupPolicy]: { minimumRetentionDays: 3653 } }), [short.urn!, /is 2557, below 3653/]);
            assertStackViolates(await check(logGroupPolicy, [short, trailTo("audit", undefined, short)], { [logGroupPolicy]: { minimumRetentionDays: 2190 } }), ["", /misconfigured: minimumRetentionDays must be one of the retention periods CloudWatch Logs accepts/]);
        });

        it("is not applicable to a trail with no log group or one outside the stack; undecided when unknown and unconnected", async () => {
            assertStackNotApplicable(await check(logGroupPolicy, [res(T.trail, "audit", { ...trailProps, s3BucketName: "b" })]), /names no CloudWatch Logs log group/);
            const outside = res(T.trail, "audit", { s3BucketName: "b", cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:central:*" });
            assertStackNotApplicable(await check(logGroupPolicy, [outside, goodGroup("other", { arn: "arn:aws:logs:us-east-1:111122223333:log-group:other" })]), /log group is not created by this stack/);
            const dangling = res(T.trail, "audit", { s3BucketName: "b", cloudWatchLogsGroupArn: unknown });
            assertStackUndecided(await check(logGroupPolicy, [dangling, goodGroup()]), dangling.urn!, "cloudWatchLogsGroupArn");
            const g = goodGroup("trail-logs", { retentionInDays: unknown });
            assertStackUndecided(await check(logGroupPolicy, [g, trailTo("audit", undefined, g)]), g.urn!, "retentionInDays");
        });
    });

    describe(flowLogPolicy, () => {
        const vpc = (name: string, props: Record<string, unknown> = {}) => res(T.vpc, name, { cidrBlock: "10.0.0.0/16", id: unknown, ...props });
        const flowLogFor = (name: string, v: ResourceInput | undefined, props: Record<string, unknown> = {}) =>
            res(T.flowLog, name, { vpcId: unknown, trafficType: "ALL", logDestination: unknown, ...props }, v ? { vpcId: [v] } : {});

        it("passes VPCs with a flow log of all traffic, by property dependency or literal id", async () => {
            const a = vpc("a");
            const b = vpc("b", { id: "vpc-0b" });
            assertStackPasses(await check(flowLogPolicy, [a, b, flowLogFor("a-flow", a), res(T.flowLog, "b-flow", { vpcId: "vpc-0b", trafficType: "ALL" })]));
        });

        it("reports each VPC without a flow log on that VPC", async () => {
            const a = vpc("a");
            const b = vpc("b", { id: "vpc-0b" });
            const v = await check(flowLogPolicy, [a, b, flowLogFor("a-flow", a), res(T.flowLog, "other", { vpcId: "vpc-elsewhere", trafficType: "ALL" })]);
            assertStackViolates(v, [b.urn!, /no aws\.ec2\.FlowLog records this VPC's traffic\. Fix: add an aws\.ec2\.FlowLog with vpcId: this VPC's id and trafficType: "ALL"/]);
        });

        it("requires ALL traffic unless requireAllTraffic is false; accepted plus rejected logs together suffice", async () => {
            const a = vpc("a");
            assertStackViolates(await check(flowLogPolicy, [a, flowLogFor("f", a, { trafficType: "ACCEPT" })]), [a.urn!, /flow log records only part of its traffic: trafficType is "ACCEPT"\. Fix: set trafficType: "ALL"/]);
            assertStackPasses(await check(flowLogPolicy, [a, flowLogFor("f", a, { trafficType: "ACCEPT" }), flowLogFor("g", a, { trafficType: "REJECT" })]));
            assertStackPasses(await check(flowLogPolicy, [a, flowLogFor("f", a, { trafficType: "REJECT" })], { [flowLogPolicy]: { requireAllTraffic: false } }));
            assertStackViolates(await check(flowLogPolicy, [a], { [flowLogPolicy]: { requireAllTraffic: "yes" } }), ["", /requireAllTraffic must be true or false/]);
        });

        it("is undecided when a flow log's VPC or traffic type is unknown and unconnected", async () => {
            const a = vpc("a");
            assertStackUndecided(await check(flowLogPolicy, [a, flowLogFor("f", undefined)]), a.urn!, "FlowLog.vpcId");
            assertStackUndecided(await check(flowLogPolicy, [a, flowLogFor("f", a, { trafficType: unknown })]), a.urn!, "FlowLog.trafficType");
        });

        it("is not applicable to a stack with no VPC, and survives garbage", async () => {
            assertStackNotApplicable(await check(flowLogPolicy, [flowLogFor("f", undefined, { vpcId: "vpc-1" })]), /only applies to resources of type 'aws:ec2\/vpc:Vpc'/);
            const a = vpc("a", { id: secret(SECRET) });
            for (const props of [{ vpcId: 7 }, { vpcId: [unknown] }, { vpcId: secret(SECRET), trafficType: secret(SECRET) }, { trafficType: { SECRET } }]) {
                const v = await check(flowLogPolicy, [a, res(T.flowLog, "f", props)]);
                for (const f of v.violations) assertFinding(f.message);
            }
            assertStackViolates(await check(flowLogPolicy, [a, flowLogFor("f", a, { trafficType: SECRET })]), [a.urn!, /trafficType is not a recognised value/]);
        });
    });

    it("checks a 10,000-resource stack correctly (every index lookup is linear)", async function () {
        this.timeout(120000);
        const resources: ResourceInput[] = [];
        const missingFlowLog = new Set<string>();
        const missingVersioning = new Set<string>();
        const shortRetention = new Set<string>();
        // 2,500 VPCs; even ones get a flow log (half by dependency, half by literal id): 3,750 resources.
        for (let i = 0; i < 2500; i++) {
            const v = res(T.vpc, `vpc-${i}`, { id: `vpc-${i.toString(16).padStart(8, "0")}` });
            resources.push(v);
            if (i % 2 === 1) missingFlowLog.add(v.urn!);
            else if (i % 4 === 0) resources.push(res(T.flowLog, `flow-${i}`, { vpcId: unknown, trafficType: "ALL" }, { vpcId: [v] }));
            else resources.push(res(T.flowLog, `flow-${i}`, { vpcId: `vpc-${i.toString(16).padStart(8, "0")}`, trafficType: "ALL" }));
        }
        // 1,000 trails, each with its bucket (PAB, SSE, versioning except every 4th) and log group: 5,750 resources.
        for (let i = 0; i < 1000; i++) {
            const b = protectedBucket(`logs-${i}`, { versioning: i % 4 === 0 ? null : {} });
            if (i % 4 === 0) missingVersioning.add(b.bucket.urn!);
            const g = res(T.logGroup, `group-${i}`, { retentionInDays: i % 5 === 0 ? 365 : 2192, kmsKeyId: unknown });
            if (i % 5 === 0) shortRetention.add(g.urn!);
            resources.push(...b.resources, g, trailTo(`trail-${i}`, b.bucket, g));
        }
        // 500 log groups no trail uses.
        for (let i = 0; i < 500; i++) resources.push(res(T.logGroup, `app-${i}`, { retentionInDays: 30 }));
        assert.strictEqual(resources.length, 10000);

        const result = await pack.analyzeStack(resources);
        const urns = (policy: string) => {
            const v = verdict(result, policy);
            assert.deepStrictEqual(v.advisories, []);
            return new Set(v.violations.map(f => f.urn));
        };
        assert.deepStrictEqual(urns(flowLogPolicy), missingFlowLog);
        assert.deepStrictEqual(urns(bucketPolicy), missingVersioning);
        assert.deepStrictEqual(urns(logGroupPolicy), shortRetention);
        assert.strictEqual(verdict(result, bucketPolicy).violations.length, 250);
    });

    it("publishes stack policies' metadata from the control catalog, with the common knobs", async () => {
        for (const name of [bucketPolicy, logGroupPolicy, flowLogPolicy]) {
            const p = pack.info.policies.find(x => x.name === name)!;
            assert.ok(p, name);
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.framework?.reference, "§164.312(b)");
            assert.ok(p.tags.includes("stack") && p.tags.some(t => t.startsWith("hitrust:")));
            assert.ok(p.remediationSteps.length > 40);
            assert.ok(p.configSchema?.properties.waivers && p.configSchema.properties.scope, `${name} has the common knobs`);
        }
        assert.strictEqual(pack.info.policies.find(x => x.name === logGroupPolicy)!.configSchema!.properties.minimumRetentionDays.default, 2192);
    });
});
