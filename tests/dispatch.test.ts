// Per-type dispatch (policies/lib/dispatch.ts) answers exactly as the SDK's own handlers: the pack
// runs with dispatch (AnalyzeStack requests read from their bytes), with
// HIPAA_GUARD_DISPATCH=serialize (dispatch, the SDK's code decoding requests and serializing whole
// responses) and with HIPAA_GUARD_DISPATCH=sdk, and generated configurations, stack tags,
// resources and stacks go to all three over the analyzer protocol. Every Analyze, Remediate and
// AnalyzeStack response must be the same bytes; a request the SDK fails on must fail the same way.
// A third pack runs on an SDK without the internals dispatch uses, and must fall back to the SDK.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { allPolicies } from "../policies/registry";
import { stackResources } from "../policies/lib/stack-request";
import { analyzeWireReader, configureWireReader, DispatchPolicy, dispatchingImplementation, keptBytes, loadSdkModules, servingService, WireAnalyzeRequest, WireConfigureRequest } from "../policies/lib/dispatch";
import { benchResources } from "../bench/fixtures";
import {
    configureRequest,
    encodeValue,
    EnforcementLevel,
    PackInfo,
    PolicyConfig,
    PolicyPackProcess,
    repoRoot,
    ResourceInput,
    RESOURCE_REF_SIG,
    Secret,
    SIG_KEY,
    toAnalyzeRequest,
    toAnalyzeStackRequest,
    unknown,
    urnOf,
} from "../tools/lib/analyzer-client";

const seed = Number(process.env.DISPATCH_SEED ?? 20261201);
const runs = Number(process.env.DISPATCH_RUNS ?? 25);

/**
 * A pack directory that loads the built pack through its published entry (after `prelude`) and
 * writes which path it serves by to `state`, so a test knows it compares dispatch with the SDK and
 * not the SDK with itself.
 */
function wrapperPack(name: string, prelude: string): { dir: string; state: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hipaa-guard-${name}-`));
    const state = path.join(dir, "state");
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "hipaa-guard", version, main: "index.js" }));
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
    fs.writeFileSync(
        path.join(dir, "index.js"),
        `${prelude}
require(${JSON.stringify(path.join(repoRoot, "dist", "pack", "index.js"))});
require("fs").writeFileSync(${JSON.stringify(state)}, String(globalThis[Symbol.for("hipaa-guard.dispatch")]));
`,
    );
    return { dir, state };
}

interface Pack {
    process: PolicyPackProcess;
    state: string;
    rpc<Req, Res>(method: "analyze" | "analyzeStack" | "remediate" | "configure", req: Req): Promise<Res>;
}

async function startPack(dir: string, stateFile: string, env: Record<string, string> = {}): Promise<Pack> {
    const saved = Object.fromEntries(Object.keys(env).map(k => [k, process.env[k]]));
    Object.assign(process.env, env);
    let proc: PolicyPackProcess;
    try {
        proc = await PolicyPackProcess.start(dir);
    } finally {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
    }
    // The whole response is compared, so this reaches past the client's trimmed view to its gRPC stub.
    const client = (proc as unknown as { client: AnalyzerClient }).client;
    return {
        process: proc,
        get state() {
            return fs.readFileSync(stateFile, "utf8");
        },
        rpc: <Req, Res>(method: "analyze" | "analyzeStack" | "remediate" | "configure", req: Req) =>
            new Promise<Res>((resolve, reject) => {
                const fn = client[method] as unknown as (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void;
                fn.call(client, req, (e, r) => (e ? reject(e) : resolve(r)));
            }),
    };
}

type Outcome = { bytes: string } | { error: string };

/** A response as bytes, or the error without its stack frames (the two paths reach it by different calls). */
async function outcome(run: () => Promise<{ serializeBinary(): Uint8Array }>): Promise<Outcome> {
    try {
        return { bytes: Buffer.from((await run()).serializeBinary()).toString("base64") };
    } catch (e) {
        const message = (e as grpc.ServiceError).details ?? String(e);
        return { error: message.split("\n").filter(line => !/^\s+at /.test(line)).join("\n") };
    }
}

function describe2(o: Outcome, Resp: { deserializeBinary(b: Uint8Array): { toObject(): unknown } }): string {
    return "error" in o ? `error: ${o.error}` : JSON.stringify(Resp.deserializeBinary(Buffer.from(o.bytes, "base64")).toObject(), null, 1);
}


// ---------------------------------------------------------------------------------------------
// Generators: configurations, stack tags, resources and stacks around what the pack reads.

const packTypes = [...new Set(allPolicies.flatMap(p => p.definition.types))].sort();
const otherTypes = ["aws:s3/bucket:Bucket", "aws:iam/role:Role", "gcp:storage/bucket:Bucket", "random:index/randomId:RandomId", "pulumi:providers:aws"];
const names = allPolicies.map(p => p.definition.name);
const fixtures = benchResources(24);
const future = "2999-12-31";
const past = "2001-01-01";

const level = fc.constantFrom<EnforcementLevel>("advisory", "mandatory", "remediate", "disabled");
const waiver = fc.oneof(
    fc.record({ match: fc.constantFrom("*", "a*", "r-1", "urn:pulumi:dev::*"), reason: fc.constantFrom("TKT-1", "migration"), expires: fc.constantFrom(future, past) }),
    fc.constant({ match: "*", reason: "" }),
);
const knobValue = fc.oneof(fc.constant(undefined), fc.boolean(), fc.integer({ min: -5, max: 4000 }), fc.constantFrom("all", "phi", "4.0.10", "x", "7.1"));
const policyConfig = fc.record(
    {
        enforcementLevel: level,
        waivers: fc.oneof(fc.array(waiver, { maxLength: 2 }), fc.constant("all")),
        scope: fc.constantFrom("all", "phi", "some"),
        knob: knobValue,
    },
    { requiredKeys: [] },
);

/** A configuration: a few policies' overrides, their own knobs set to generated values. */
function configArb(info: PackInfo): fc.Arbitrary<PolicyConfig> {
    return fc.array(fc.tuple(fc.constantFrom(...names), policyConfig), { maxLength: 8 }).map(entries => {
        const config: PolicyConfig = {};
        for (const [name, c] of entries) {
            const { knob, ...rest } = c;
            const own = Object.keys(info.policies.find(p => p.name === name)?.configSchema?.properties ?? {}).filter(k => k !== "waivers" && k !== "scope");
            config[name] = { ...rest, ...(own.length > 0 && knob !== undefined ? { [own[0]]: knob } : {}) };
        }
        return config;
    });
}

const tags = fc.dictionary(
    fc.constantFrom("hipaa-guard-phi", ...names.slice(0, 6).map(n => `hipaa-guard-waive-${n}`), "team"),
    fc.constantFrom("true", "false", `${future}_restore-test`, `${past}_old`, "never", unknown as unknown as string),
    { maxKeys: 3 },
);
const scalar = fc.oneof(fc.constant(unknown), fc.constant(null), fc.boolean(), fc.integer({ min: -1, max: 3000 }), fc.constantFrom("", "required", "preferred", "redis", "valkey", "3.2.10", "7.1", "ALL", "x"));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), scalar.map(v => new Secret(v)));

/** A resource: one of the bench's workload templates or a bare one, of any type, with fields overridden. */
const resourceArb: fc.Arbitrary<ResourceInput> = fc
    .record({
        template: fc.nat(fixtures.length - 1),
        type: fc.oneof(fc.constant(undefined), fc.constantFrom(...packTypes, ...otherTypes)),
        name: fc.constantFrom("a", "r-1", "legacy"),
        overrides: fc.dictionary(fc.constantFrom(...new Set(fixtures.flatMap(f => Object.keys(f.props)))), value, { maxKeys: 4 }),
        tags: fc.option(tags),
        labels: fc.option(tags),
    })
    .map(g => {
        const base = fixtures[g.template];
        const type = g.type ?? base.type;
        const props: Record<string, unknown> = { ...base.props, ...g.overrides };
        if (g.tags) props.tags = g.tags;
        if (g.labels) props.labels = g.labels;
        return { type, name: g.name, urn: urnOf(type, g.name), props };
    });

/** A stack: workload copies, generated resources, and dependencies among them (some dangling). */
const stackArb = fc
    .record({ copies: fc.integer({ min: 0, max: 2 }), extra: fc.array(resourceArb, { maxLength: 6 }), deps: fc.array(fc.tuple(fc.nat(60), fc.constantFrom("bucket", "vpcId", "s3BucketName", "cloudWatchLogsGroupArn", "logDestination", "kmsKeyId"), fc.nat(60)), { maxLength: 6 }) })
    .map(g => {
        const resources: ResourceInput[] = [...benchResources(24 * g.copies), ...g.extra.map((r, i) => ({ ...r, name: `${r.name}${i}`, urn: urnOf(r.type, `${r.name}${i}`) }))];
        for (const [from, key, to] of g.deps) {
            const a = resources[from % Math.max(1, resources.length)];
            const b = resources[to % Math.max(1, resources.length)];
            if (a && b) a.propertyDependencies = { ...a.propertyDependencies, [key]: [b.urn!, "urn:pulumi:dev::elsewhere::x::y"] };
        }
        return resources;
    });

// ---------------------------------------------------------------------------------------------

describe("per-type dispatch answers as the SDK's own handlers", function () {
    this.timeout(120000);
    let dispatching: Pack;
    let serializing: Pack;
    let sdk: Pack;
    let info: PackInfo;
    const all = () => [dispatching, serializing, sdk];

    before(async () => {
        const a = wrapperPack("dispatch", "");
        const b = wrapperPack("serialize", "");
        const c = wrapperPack("sdk", "");
        [dispatching, serializing, sdk] = await Promise.all([
            startPack(a.dir, a.state),
            startPack(b.dir, b.state, { HIPAA_GUARD_DISPATCH: "serialize" }),
            startPack(c.dir, c.state, { HIPAA_GUARD_DISPATCH: "sdk" }),
        ]);
        info = await dispatching.process.getAnalyzerInfo();
    });
    after(async () => {
        await Promise.all([dispatching?.process.stop(), serializing?.process.stop(), sdk?.process.stop()]);
    });

    it("serves by dispatch by default and by the SDK with HIPAA_GUARD_DISPATCH=sdk", () => {
        assert.strictEqual(dispatching.state, "dispatch, analyze, stack and configure from bytes");
        assert.strictEqual(serializing.state, "dispatch");
        assert.strictEqual(sdk.state, "sdk");
    });

    it("gives the same GetAnalyzerInfo", async () => {
        assert.deepStrictEqual(await sdk.process.getAnalyzerInfo(), info);
        assert.deepStrictEqual(await serializing.process.getAnalyzerInfo(), info);
    });

    /** Sends the same request to every pack; the outcomes must match the SDK's. */
    async function same(method: "analyze" | "analyzeStack" | "remediate", req: { serializeBinary(): Uint8Array }): Promise<Outcome> {
        const Resp = method === "remediate" ? analyzerpb.RemediateResponse : analyzerpb.AnalyzeResponse;
        const [a, b, expected] = await Promise.all(all().map(p => outcome(() => p.rpc<typeof req, { serializeBinary(): Uint8Array }>(method, req))));
        for (const [label, o] of [["dispatch", a], ["dispatch, serialized by the SDK", b]] as const) {
            if (JSON.stringify(o) !== JSON.stringify(expected)) assert.fail(`${method} differs.\n${label}: ${describe2(o, Resp)}\nSDK: ${describe2(expected, Resp)}`);
        }
        return a;
    }

    it("gives the same Analyze, Remediate and AnalyzeStack responses under generated configurations", async () => {
        let responses = 0;
        let notApplicable = 0;
        await fc.assert(
            fc.asyncProperty(configArb(info), tags, fc.array(resourceArb, { minLength: 1, maxLength: 16 }), stackArb, async (config, stackTags, resources, stack) => {
                await Promise.all(all().map(p => p.process.configure(info, config)));
                await Promise.all(all().map(p => p.process.configureStack({ tags: Object.fromEntries(Object.entries(stackTags).filter(([, v]) => typeof v === "string")) })));
                for (const r of resources) {
                    const a = await same("analyze", toAnalyzeRequest(r));
                    if ("bytes" in a) notApplicable += analyzerpb.AnalyzeResponse.deserializeBinary(Buffer.from(a.bytes, "base64")).getNotApplicableList().length;
                    await same("remediate", toAnalyzeRequest(r));
                    responses += 2;
                }
                await same("analyzeStack", toAnalyzeStackRequest(stack));
                responses++;
            }),
            { numRuns: runs, seed },
        );
        // The comparison is only as good as what it covered.
        assert.ok(responses > runs * 10 && notApplicable > responses, `${responses} responses, ${notApplicable} not-applicable entries`);
    });

    it("reports every policy that does not check a resource's type as not applicable, with a reason", async () => {
        await Promise.all(all().map(p => p.process.configure(info)));
        const resourcePolicies = allPolicies.filter(p => !("validateStack" in p.sdk));
        for (const type of [...packTypes, ...otherTypes]) {
            const resp = analyzerpb.AnalyzeResponse.deserializeBinary(Buffer.from((await same("analyze", toAnalyzeRequest({ type, name: "r", props: {} })) as { bytes: string }).bytes, "base64"));
            const na = new Map(resp.getNotApplicableList().map(n => [n.getPolicyName(), n.getReason()]));
            for (const p of resourcePolicies.filter(p => !p.definition.types.includes(type))) {
                assert.match(na.get(p.definition.name) ?? "", /^Policy only applies to resources of type '/, `${p.definition.name} on ${type}`);
            }
        }
    });

    it("fails the same way on requests the SDK cannot handle", async () => {
        await Promise.all(all().map(p => p.process.configure(info)));
        const withRef = toAnalyzeRequest({ type: packTypes[0], name: "r", props: {} });
        withRef.setProperties(Struct.fromJavaScript(encodeValue({ key: { [SIG_KEY]: RESOURCE_REF_SIG, urn: "urn:x" } }) as Record<string, never>));
        const noOptions = toAnalyzeRequest({ type: "aws:s3/bucket:Bucket", name: "r", props: {} });
        noOptions.clearOptions();
        const otherWithRef = withRef.clone();
        otherWithRef.setType("aws:s3/bucket:Bucket");
        // A resource reference the SDK cannot deserialize, on a checked and an unchecked type, and no options.
        for (const req of [withRef, otherWithRef, noOptions]) {
            assert.ok("error" in (await same("analyze", req)), req.getType());
        }
        const vpc = { type: "aws:ec2/vpc:Vpc", name: "v", props: {} };
        const stack = toAnalyzeStackRequest([vpc]);
        stack.getResourcesList()[0].setProperties(withRef.getProperties());
        assert.ok("error" in (await same("analyzeStack", stack)));
        // The SDK builds every resource of the stack, so a resource no stack policy reads fails it too:
        // a value it cannot deserialize, no options, or a provider whose properties it cannot deserialize.
        const random = { type: "random:index/randomId:RandomId", name: "id", props: {} };
        const unread = toAnalyzeStackRequest([vpc, random]);
        unread.getResourcesList()[1].setProperties(withRef.getProperties());
        const optionless = toAnalyzeStackRequest([vpc, random]);
        optionless.getResourcesList()[1].clearOptions();
        const badProvider = toAnalyzeStackRequest([vpc, random]);
        const provider = new analyzerpb.AnalyzerProviderResource();
        provider.setType("pulumi:providers:random");
        provider.setUrn("urn:pulumi:dev::hipaa-guard::pulumi:providers:random::default");
        provider.setProperties(withRef.getProperties());
        badProvider.getResourcesList()[1].setProvider(provider);
        for (const req of [unread, optionless, badProvider]) assert.ok("error" in (await same("analyzeStack", req)));
        // ...and a well-formed provider is no reason to fail.
        const goodProvider = toAnalyzeStackRequest([vpc, random]);
        const fine = provider.clone();
        fine.setProperties(Struct.fromJavaScript({ version: "3.6.0" }));
        goodProvider.getResourcesList()[1].setProvider(fine);
        assert.ok(!("error" in (await same("analyzeStack", goodProvider))));
    });

    it("answers GetAnalyzerInfo with the bytes npm run build recorded, and only for exactly the serve() arguments they were recorded for", () => {
        // The bundle the engine loads, and the record npm run build made beside it.
        const built = path.join(repoRoot, "dist", "pack");
        const { recordedAnalyzerInfo, recordFileName } = require(path.join(repoRoot, "dist", "policies", "lib", "analyzer-info"));
        const recordPath = path.join(built, recordFileName);
        assert.ok(fs.existsSync(recordPath), "npm run build records GetAnalyzerInfo");
        const server = require("@pulumi/policy/server");
        const protoutil = require("@pulumi/policy/protoutil");
        let args: unknown[] | undefined;
        const serve = server.serve;
        server.serve = (...a: unknown[]) => void (args = a);
        try {
            require(path.join(built, "pack.js"));
        } finally {
            server.serve = serve;
        }
        assert.ok(args);
        const recorded: Uint8Array = recordedAnalyzerInfo(args, recordPath);
        assert.ok(Buffer.from(protoutil.makeAnalyzerInfo(...args).serializeBinary()).equals(Buffer.from(recorded)));
        const [name, version, level, packArgs] = args as [string, string, string, { policies: { description: string }[] }];
        assert.strictEqual(recordedAnalyzerInfo([name, `${version}-changed`, level, packArgs], recordPath), undefined);
        const changed = { ...packArgs, policies: packArgs.policies.map((p, i) => (i === 3 ? { ...p, description: `${p.description}.` } : p)) };
        assert.strictEqual(recordedAnalyzerInfo([name, version, level, changed], recordPath), undefined);
        // The recorder, run on the compiled modules (tsc's output, not bundled), records the same answer.
        const own = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hipaa-guard-record-")), "info.json");
        const recorder = spawnSync(process.execPath, [path.join(repoRoot, "dist", "policies", "lib", "analyzer-info.js"), path.join(repoRoot, "dist", "policies", "index.js"), own], { cwd: repoRoot, encoding: "utf8" });
        assert.strictEqual(recorder.status, 0, recorder.stderr);
        assert.ok(Buffer.from(recordedAnalyzerInfo(args, own)).equals(Buffer.from(recorded)));
        assert.strictEqual(recordedAnalyzerInfo(args, `${own}.missing`), undefined);
    });

    it("hands gRPC a response's kept bytes as they are, and anything else to the generated serializer", () => {
        const { AnalyzerService } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
        type Method = { responseSerialize(r: unknown): Buffer };
        const serving = servingService(AnalyzerService) as Record<string, Method>;
        const bytes = Buffer.from([0x12, 0x03, 0x0a, 0x01, 0x61]);
        for (const [name, Resp] of [["analyze", analyzerpb.AnalyzeResponse], ["remediate", analyzerpb.RemediateResponse]] as const) {
            const kept = Object.assign(new Resp(), { [keptBytes]: bytes });
            assert.strictEqual(serving[name].responseSerialize(kept), bytes, `${name}: the kept bytes themselves, not a copy`);
            const plain = new Resp();
            plain.setNotApplicableList([new analyzerpb.PolicyNotApplicable()]);
            assert.deepStrictEqual(serving[name].responseSerialize(plain), AnalyzerService[name].responseSerialize(plain));
        }
        assert.strictEqual(serving.analyzeStack, AnalyzerService.analyzeStack);
        // A definition without the serializers it replaces is served as it is.
        const odd = { ...AnalyzerService, remediate: { ...AnalyzerService.remediate, responseSerialize: undefined } };
        assert.strictEqual(servingService(odd), odd);
    });

    it("reads Analyze requests from their bytes where they read as the SDK reads them, and has the SDK decode the rest", () => {
        const { AnalyzerService } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
        type Method = { requestDeserialize(b: Buffer): unknown };
        const read = analyzeWireReader(loadSdkModules()!)!;
        const serving = servingService(AnalyzerService, undefined, read) as Record<string, Method>;
        const bytes = Buffer.from(toAnalyzeRequest(benchResources(12)[9]).serializeBinary());
        const wire = serving.analyze.requestDeserialize(bytes) as WireAnalyzeRequest;
        assert.ok(wire instanceof WireAnalyzeRequest);
        assert.deepStrictEqual(wire.read, read(bytes));
        assert.ok(Buffer.from((wire.message() as unknown as analyzerpb.AnalyzeRequest).serializeBinary()).equals(bytes), "the SDK's decoding on demand");
        // Options missing: the SDK's loop fails on that, so the request is the SDK's, decoded its way.
        const optionless = toAnalyzeRequest(benchResources(12)[9]);
        optionless.clearOptions();
        assert.ok(serving.analyze.requestDeserialize(Buffer.from(optionless.serializeBinary())) instanceof analyzerpb.AnalyzeRequest);
        // Bytes the SDK cannot decode fail in its decoder, as before.
        assert.throws(() => serving.analyze.requestDeserialize(Buffer.from([0x0a, 0x05, 0x61])));
        // Remediate keeps the SDK's decoding: its handler, which always answers it, reads the decoded request.
        assert.strictEqual(serving.remediate.requestDeserialize, AnalyzerService.remediate.requestDeserialize);
        // A reader the probe does not confirm is not used.
        const m = loadSdkModules()!;
        assert.strictEqual(analyzeWireReader({ ...m, rpc: { ...m.rpc, specialSecretSig: undefined } }), undefined);
        const changed = { ...m.deserialize, deserializeProperties: (s: object, p: boolean) => ({ ...(m.deserialize.deserializeProperties as (s: object, p: boolean) => object)(s, p), extra: 1 }) };
        assert.strictEqual(analyzeWireReader({ ...m, deserialize: changed }), undefined);
    });

    it("reads Configure requests from their bytes where they read as the SDK reads them, and has the SDK decode the rest", () => {
        const { AnalyzerService } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
        type Method = { requestDeserialize(b: Buffer): unknown };
        const m = loadSdkModules()!;
        const read = configureWireReader(m)!;
        assert.strictEqual(typeof read, "function");
        const serving = servingService(AnalyzerService, undefined, undefined, read) as Record<string, Method>;
        const req = configureRequest(info, { [info.policies[5].name]: { enforcementLevel: "disabled" } });
        const bytes = Buffer.from(req.serializeBinary());
        const wire = serving.configure.requestDeserialize(bytes) as WireConfigureRequest;
        assert.ok(wire instanceof WireConfigureRequest);
        // The SDK's handler reads the map's entries, each entry's level and its properties converted.
        type Config = { getEnforcementlevel(): number; getProperties(): { toJavaScript(): unknown; getFieldsMap(): { getLength(): number } } };
        const view = wire.forSdk() as { getPolicyconfigMap(): { entries(): Iterable<[string, Config]>; getLength(): number }; serializeBinary(): Uint8Array };
        const sdkEntries = [...req.getPolicyconfigMap().entries()] as [string, Config][];
        const readEntries = [...view.getPolicyconfigMap().entries()];
        assert.deepStrictEqual(
            readEntries.map(([k, c]) => [k, c.getEnforcementlevel(), c.getProperties().toJavaScript()]),
            sdkEntries.map(([k, c]) => [k, c.getEnforcementlevel(), c.getProperties().toJavaScript()]),
        );
        // Anything else it might read comes from the SDK's decoding, made on demand.
        assert.strictEqual(view.getPolicyconfigMap().getLength(), req.getPolicyconfigMap().getLength());
        assert.strictEqual(readEntries[3][1].getProperties().getFieldsMap().getLength(), sdkEntries[3][1].getProperties().getFieldsMap().getLength());
        assert.ok(Buffer.from(view.serializeBinary()).equals(bytes));
        // A configuration without properties, which the SDK's handler fails on, is decoded its way.
        const bare = new analyzerpb.ConfigureAnalyzerRequest();
        bare.getPolicyconfigMap().set("p", new analyzerpb.PolicyConfig());
        assert.ok(serving.configure.requestDeserialize(Buffer.from(bare.serializeBinary())) instanceof analyzerpb.ConfigureAnalyzerRequest);
        assert.throws(() => serving.configure.requestDeserialize(Buffer.from([0x0a, 0x05, 0x61])));
        // A reader the probe does not confirm is not used.
        assert.strictEqual(configureWireReader({ ...m, proto: { ...m.proto, ConfigureAnalyzerRequest: undefined } }), undefined);
        const decodedOtherwise = { ...m.proto, ConfigureAnalyzerRequest: Object.assign(function () {}, m.proto.ConfigureAnalyzerRequest, { deserializeBinary: () => ({ getPolicyconfigMap: () => ({ entries: () => [] }) }) }) };
        assert.strictEqual(configureWireReader({ ...m, proto: decodedOtherwise }), undefined);
    });

    it("configures the same way, and fails Configure the same way", async () => {
        // A level the SDK knows (disabled) and one it does not, and a configuration without properties.
        const level = (n: number) => {
            const r = configureRequest(info);
            r.getPolicyconfigMap().get(info.policies[2].name)!.setEnforcementlevel(n as analyzerpb.EnforcementLevel);
            return r;
        };
        const bare = configureRequest(info);
        bare.getPolicyconfigMap().set(info.policies[4].name, new analyzerpb.PolicyConfig());
        const outcomes = [];
        for (const req of [level(2), level(9), bare]) {
            const [a, b, expected] = await Promise.all(all().map(p => outcome(() => p.rpc("configure", req))));
            assert.deepStrictEqual(a, expected);
            assert.deepStrictEqual(b, expected);
            outcomes.push(expected);
        }
        assert.ok(!("error" in outcomes[0]));
        assert.match((outcomes[1] as { error: string }).error, /Unknown enforcement level 9/);
        assert.ok("error" in outcomes[2]);
        // After a configuration that disables a policy, the answers are the SDK's.
        await Promise.all(all().map(p => p.rpc("configure", level(2))));
        for (const r of benchResources(24)) await same("analyze", toAnalyzeRequest(r));
        await Promise.all(all().map(p => p.process.configure(info)));
    });

    it("builds a stack's resources with the SDK's deserializer, and leaves a request the SDK's build fails on to the SDK", () => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const { deserializeProperties } = require("@pulumi/policy/deserialize");
        const input = benchResources(60);
        const req = toAnalyzeStackRequest(input);
        const built = stackResources(req.getResourcesList() as never, deserializeProperties)!;
        assert.deepStrictEqual(
            built.map(r => [r.type, r.name, r.urn, r.props]),
            req.getResourcesList().map(r => [r.getType(), r.getName(), r.getUrn(), deserializeProperties(r.getProperties(), false)]),
        );
        const flow = built.find(r => r.type === "aws:ec2/flowLog:FlowLog")! as unknown as { propertyDependencies: Record<string, { urn: string }[]> };
        assert.deepStrictEqual(flow.propertyDependencies.vpcId, [{ urn: input.find(r => r.type === "aws:ec2/vpc:Vpc")!.urn }]);
        const optionless = toAnalyzeStackRequest(input);
        optionless.getResourcesList()[7].clearOptions();
        assert.strictEqual(stackResources(optionless.getResourcesList() as never, deserializeProperties), undefined);
        const withRef = toAnalyzeStackRequest(input);
        withRef.getResourcesList()[9].setProperties(Struct.fromJavaScript(encodeValue({ key: { [SIG_KEY]: RESOURCE_REF_SIG, urn: "urn:x" } }) as Record<string, never>));
        assert.strictEqual(stackResources(withRef.getResourcesList() as never, deserializeProperties), undefined);
    });

    it("falls back to the SDK's own handlers when the SDK lacks what dispatch uses, and answers the same", async () => {
        const c = wrapperPack("no-internals", `delete require("@pulumi/policy/server").makeAnalyzeStackRpcFun;`);
        const fallback = await startPack(c.dir, c.state);
        try {
            assert.strictEqual(fallback.state, "sdk");
            await fallback.process.configure(info);
            await Promise.all(all().map(p => p.process.configure(info)));
            for (const r of benchResources(24)) {
                const expected = await same("analyze", toAnalyzeRequest(r));
                assert.deepStrictEqual(await outcome(() => fallback.rpc("analyze", toAnalyzeRequest(r))), expected);
            }
            const expected = await same("analyzeStack", toAnalyzeStackRequest(benchResources(48)));
            assert.deepStrictEqual(await outcome(() => fallback.rpc("analyzeStack", toAnalyzeStackRequest(benchResources(48)))), expected);
        } finally {
            await fallback.process.stop();
        }
    });
});

describe("one-pass evaluation of the pack's policies", () => {
    type Callback = (err: unknown, resp?: { serializeBinary(): Uint8Array }) => void;
    type Handler = (call: { request: unknown }, callback: Callback) => void;
    const m = loadSdkModules()!;
    const sdkPolicies = allPolicies.map(p => p.sdk);
    const make = (fn: unknown, list: readonly unknown[] = sdkPolicies) => (fn as (...a: unknown[]) => Handler)("hipaa-guard", "0.1.0", "mandatory", list);
    const ask = (h: Handler, request: unknown) =>
        new Promise<Buffer>((resolve, reject) => h({ request }, (err, resp) => (err ? reject(err) : resolve(Buffer.from(resp!.serializeBinary())))));

    /**
     * The SDK's own handlers, and dispatch in front of them over `policies` (the pack's SDK objects,
     * or `list` when given: the same policies as other objects), with the SDK's modules as `modules` has them.
     */
    function serving(policies: readonly DispatchPolicy[], list: readonly unknown[] = sdkPolicies, modules: typeof m = m) {
        const sdk: Record<string, Handler> = {
            analyze: make(m.server.makeAnalyzeRpcFun, list),
            analyzeStack: make(m.server.makeAnalyzeStackRpcFun, list),
            remediate: make(m.server.makeRemediateRpcFun, list),
            configure: (_, cb) => cb(null),
            getAnalyzerInfo: (_, cb) => cb(null),
        };
        const served = { packName: "hipaa-guard", version: "0.1.0", level: "mandatory", policies: list as typeof sdkPolicies };
        const dispatching = dispatchingImplementation(served, sdk, policies, modules) as Record<string, Handler>;
        assert.ok(dispatching);
        return { sdk, dispatching };
    }
    const resourcePolicies = allPolicies.filter(p => "evaluate" in p);
    const workload = benchResources(48);
    const readAnalyze = analyzeWireReader(m)!;
    const decodeAnalyze = (bytes: Buffer) => analyzerpb.AnalyzeRequest.deserializeBinary(bytes);
    /** The request as gRPC hands it to dispatch: decoded by the SDK's code, and read from its bytes. */
    const asServed = (req: analyzerpb.AnalyzeRequest) => {
        const bytes = Buffer.from(req.serializeBinary());
        const read = readAnalyze(bytes);
        assert.ok(read, "the reader reads the bench's requests");
        return [req, new WireAnalyzeRequest(read, bytes, decodeAnalyze)];
    };

    it("runs the policies for a checked type without the SDK's loop, and answers as the SDK's handler over the whole pack", async () => {
        const calls = new Map<string, number>();
        const counted = allPolicies.map(p =>
            "evaluate" in p ? { ...p, evaluate: (...a: Parameters<typeof p.evaluate>) => (calls.set(p.definition.name, (calls.get(p.definition.name) ?? 0) + 1), p.evaluate(...a)) } : p,
        );
        const { sdk, dispatching } = serving(counted);
        let checked = 0;
        for (const r of workload) {
            const req = toAnalyzeRequest(r);
            const theirs = await ask(sdk.analyze, req);
            const expected = resourcePolicies.filter(p => p.definition.types.includes(r.type)).map(p => p.definition.name);
            for (const served of asServed(req)) {
                const before = new Map(calls);
                assert.ok((await ask(dispatching.analyze, served)).equals(theirs), r.type);
                const ran = [...calls].filter(([name, n]) => n !== (before.get(name) ?? 0)).map(([name]) => name);
                assert.deepStrictEqual(ran.sort(), [...expected].sort(), `${r.type}: each of its policies once, by one-pass evaluation`);
            }
            if (expected.length > 0) checked++;
        }
        assert.ok(checked > 10, `${checked} resources of checked types`);
    });

    it("leaves a request to the SDK's own handler when a policy throws", async () => {
        let thrown = 0;
        const throwing = allPolicies.map(p =>
            "evaluate" in p && p.definition.types.includes("aws:ec2/securityGroup:SecurityGroup")
                ? { ...p, evaluate: () => (thrown++, assert.fail("a policy that throws")) }
                : p,
        );
        const { sdk, dispatching } = serving(throwing);
        for (const r of workload.filter(r => r.type === "aws:ec2/securityGroup:SecurityGroup")) {
            const req = toAnalyzeRequest(r);
            const theirs = await ask(sdk.analyze, req);
            // Read from its bytes, it reaches the SDK's handler decoded the SDK's way.
            for (const served of asServed(req)) assert.ok((await ask(dispatching.analyze, served)).equals(theirs));
        }
        assert.ok(thrown > 0);
        // Bytes read here that the SDK's decoding refused would fail as gRPC fails such a request.
        const [, wire] = asServed(toAnalyzeRequest(workload.find(r => r.type === "aws:ec2/securityGroup:SecurityGroup")!));
        const refused = new WireAnalyzeRequest((wire as WireAnalyzeRequest).read, Buffer.alloc(0), () => assert.fail("refused"));
        await assert.rejects(ask(dispatching.analyze, refused), (e: { code?: number; details?: string }) => e.code === 13 && e.details === "Error deserializing request");
    });

    /**
     * The pack with `remediating` at level remediate (on the policy, as a pack's own level is read
     * when Configure names none), and the SDK's modules with every Remediate handler dispatch makes
     * counting the requests it is given; `answerEmpty` makes those handlers answer without running any policy.
     */
    function remediateServing(remediating: readonly string[], answerEmpty = false) {
        const list = allPolicies.map(p => (remediating.includes(p.definition.name) ? { ...p.sdk, enforcementLevel: "remediate" } : p.sdk));
        const policies = allPolicies.map((p, i) => ({ ...p, sdk: list[i] })) as readonly DispatchPolicy[];
        const counter = { handled: 0 };
        const makeRemediate = (...a: unknown[]): Handler => {
            const h = (m.server.makeRemediateRpcFun as (...b: unknown[]) => Handler)(...a);
            return (call, cb) => {
                counter.handled++;
                return answerEmpty ? cb(null, new analyzerpb.RemediateResponse()) : h(call, cb);
            };
        };
        const modules = { ...m, server: { ...m.server, makeRemediateRpcFun: makeRemediate } } as typeof m;
        return { ...serving(policies, list, modules), counter };
    }
    const rotation = "aws-kms-key-rotation";
    const unrotated: ResourceInput = { type: "aws:kms/key:Key", name: "unrotated", urn: urnOf("aws:kms/key:Key", "unrotated"), props: { enableKeyRotation: false, keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT" } };

    it("answers Remediate without the SDK's handler where none of the type's policies is at level remediate, as that handler over the whole pack", async () => {
        for (const remediating of [[], [rotation]]) {
            const { sdk, dispatching, counter } = remediateServing(remediating);
            await ask(dispatching.remediate, toAnalyzeRequest(workload[0])); // Builds the table (and captures the levels).
            counter.handled = 0;
            let keys = 0;
            let fixed = 0;
            for (const r of [...workload, unrotated]) {
                const req = toAnalyzeRequest(r);
                const theirs = await ask(sdk.remediate, req);
                assert.ok((await ask(dispatching.remediate, req)).equals(theirs), `${r.type} with ${remediating.join(", ") || "no policy"} at remediate`);
                if (r.type === "aws:kms/key:Key") keys++;
                fixed += analyzerpb.RemediateResponse.deserializeBinary(theirs).getRemediationsList().length;
            }
            // The handler runs only for the type of the policy at remediate, and there it fixes the key.
            assert.strictEqual(counter.handled, remediating.length > 0 ? keys : 0);
            assert.strictEqual(fixed > 0, remediating.length > 0);
        }
    });

    it("runs the SDK's Remediate handler on every request when the levels cannot be read from its loop", async () => {
        // A loop that never calls remediateResource, not even for a control at level remediate: the
        // levels are not captured, so no request is answered without the handler.
        const { dispatching, counter } = remediateServing([], true);
        await ask(dispatching.remediate, toAnalyzeRequest(workload[0]));
        counter.handled = 0;
        for (const r of workload) await ask(dispatching.remediate, toAnalyzeRequest(r));
        assert.strictEqual(counter.handled, workload.length);
    });
});
