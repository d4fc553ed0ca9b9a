// AnalyzeStack requests read from their bytes (policies/lib/stack-wire.ts) give exactly the
// resources the SDK's protobuf decoding and stack-request.ts build give, or nothing (the request
// then goes the SDK's way): on generated requests, on their bytes cut short or altered, and on
// values the SDK treats specially (secrets, assets, signature keys, `__proto__`). Analyze requests
// read from their bytes give what the SDK's decoding and its Analyze loop hand policies, or nothing.
// Configure requests read from their bytes give what the SDK's configure handler reads, or nothing.

import * as assert from "assert";
import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { decodeAnalyzeRequest, decodeConfigureRequest, decodeStackRequest, Signatures } from "../policies/lib/stack-wire";
import { stackResources, ProtoResource } from "../policies/lib/stack-request";
import { loadSdkModules, stackWireReader } from "../policies/lib/dispatch";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const rpc = require("@pulumi/pulumi/runtime/rpc");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize");

const sig: Signatures = { key: rpc.specialSigKey, secret: rpc.specialSecretSig };
const decodeOptions = (b: Uint8Array) => analyzerpb.AnalyzerResourceOptions.deserializeBinary(b);
const read = (bytes: Uint8Array) => decodeStackRequest(bytes, sig, decodeOptions);
const seed = Number(process.env.STACK_WIRE_SEED ?? 20261202);

/** What the SDK's way gives for these bytes: its resources, or undefined where decoding or the build fails. */
function sdkWay(bytes: Uint8Array): unknown {
    let request: analyzerpb.AnalyzeStackRequest;
    try {
        request = analyzerpb.AnalyzeStackRequest.deserializeBinary(bytes);
    } catch {
        return { failed: "decode" };
    }
    return stackResources(request.getResourcesList() as unknown as ProtoResource[], deserializeProperties) ?? { failed: "build" };
}

/** Our reading must be the SDK's, key order and all, whenever it gives one. */
function agrees(bytes: Uint8Array): boolean {
    const ours = read(bytes);
    if (ours === undefined) return false;
    const theirs = sdkWay(bytes);
    assert.ok(Array.isArray(theirs), `read a request the SDK's way refuses (${JSON.stringify(theirs)})`);
    assert.deepStrictEqual(ours, theirs);
    assert.strictEqual(JSON.stringify(ours), JSON.stringify(theirs));
    return true;
}

const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom("bucket", "tags", "vpcId", "b", "a", "10", "2", "", "ü", "😀", "Z", "a b") },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "value", sig.key) },
);
const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string({ unit: "grapheme", maxLength: 6 }),
    fc.constant("04da6b54-80e4-46f7-96ec-b56ff0331ba9"),
);
const { tree } = fc.letrec<{ tree: unknown; node: unknown }>(tie => ({
    tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("node")),
    node: fc.oneof(
        fc.array(tie("tree"), { maxLength: 3 }),
        fc.dictionary(key, tie("tree"), { maxKeys: 4 }),
        // Values the SDK unpacks or refuses: secrets (with and without a value), assets, a blank signature.
        tie("tree").map(v => ({ [sig.key]: sig.secret, value: v })),
        fc.constant({ [sig.key]: sig.secret }),
        fc.constant({ [sig.key]: rpc.specialAssetSig, text: "x" }),
        tie("tree").map(v => ({ [sig.key]: "", v })),
    ),
}));

const resourceArb = fc.record(
    {
        type: fc.constantFrom("aws:s3/bucket:Bucket", "gcp:compute/network:Network", "", "x:y:Z"),
        name: fc.string({ maxLength: 5 }),
        urn: fc.constantFrom("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b", ""),
        props: fc.option(fc.dictionary(key, tree, { maxKeys: 5 }), { freq: 8 }),
        options: fc.nat(9).map(n => n !== 0), // nine in ten with options
        provider: fc.option(fc.option(fc.dictionary(key, tree, { maxKeys: 2 }), { freq: 5 }), { freq: 2 }),
        deps: fc.dictionary(key, fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), { maxKeys: 3 }),
        parent: fc.option(fc.string({ maxLength: 4 })),
    },
    { requiredKeys: ["type", "name", "urn", "props", "options", "provider", "deps"] },
) as fc.Arbitrary<Generated>;

interface Generated {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown> | null;
    options: boolean;
    provider: Record<string, unknown> | null | undefined;
    deps: Record<string, string[]>;
    parent?: string | null;
}

function encode(resources: readonly Generated[]): Uint8Array {
    const request = new analyzerpb.AnalyzeStackRequest();
    request.setResourcesList(
        resources.map(g => {
            const r = withCommonFields(new analyzerpb.AnalyzerResource(), g);
            if (g.parent) r.setParent(g.parent);
            for (const [k, urns] of Object.entries(g.deps)) r.getPropertydependenciesMap().set(k, new analyzerpb.AnalyzerPropertyDependencies().setUrnsList(urns));
            return r;
        }),
    );
    return request.serializeBinary();
}

/** An AnalyzeRequest for one generated resource: the fields it shares with a stack's resource. */
function encodeAnalyze(g: Generated): Uint8Array {
    return withCommonFields(new analyzerpb.AnalyzeRequest(), g).serializeBinary();
}

function withCommonFields<R extends analyzerpb.AnalyzeRequest | analyzerpb.AnalyzerResource>(r: R, g: Generated): R {
    r.setType(g.type);
    r.setName(g.name);
    r.setUrn(g.urn);
    if (g.props) r.setProperties(Struct.fromJavaScript(g.props as never));
    if (g.options) r.setOptions(new analyzerpb.AnalyzerResourceOptions().setProtect(g.name.length % 2 === 0));
    if (g.provider !== null) {
        const p = new analyzerpb.AnalyzerProviderResource();
        p.setType("pulumi:providers:aws");
        if (g.provider) p.setProperties(Struct.fromJavaScript(g.provider as never));
        r.setProvider(p);
    }
    return r;
}

/** A length-delimited field as the wire carries it. */
function lenField(field: number, body: Uint8Array): Buffer {
    const len: number[] = [];
    for (let n = body.length; ; n >>>= 7) {
        if (n < 0x80) {
            len.push(n);
            break;
        }
        len.push((n & 0x7f) | 0x80);
    }
    return Buffer.concat([Buffer.from([(field << 3) | 2, ...len]), body]);
}

/** Bytes to overwrite (position, value), and where to cut: what `altered` does to an encoding. */
const editsArb = fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 3 });

/** `encoded` with some bytes overwritten, and cut short one time in three. */
function altered(encoded: Uint8Array, edits: [number, number][], cut: number): Buffer {
    const bytes = Buffer.from(encoded);
    for (const [at, byte] of edits) if (bytes.length > 0) bytes[at % bytes.length] = byte;
    return cut % 3 === 0 ? bytes.subarray(0, cut % (bytes.length + 1)) : bytes;
}

describe("AnalyzeStack requests read from their bytes", function () {
    this.timeout(120000);

    it("give the SDK's resources, key order and all, or leave the request to the SDK", () => {
        let read = 0;
        let runs = 0;
        fc.assert(
            fc.property(fc.array(resourceArb, { maxLength: 4 }), resources => {
                runs++;
                if (agrees(encode(resources))) read++;
            }),
            { numRuns: 600, seed },
        );
        // Most generated requests are plain enough to be read here: the comparison covered something.
        assert.ok(read > runs / 4, `read ${read} of ${runs}`);
    });

    it("read the bench's stack as the SDK does", () => {
        const { benchResources } = require("../bench/fixtures");
        const { toAnalyzeStackRequest } = require("../tools/lib/analyzer-client");
        assert.ok(agrees(toAnalyzeStackRequest(benchResources(400)).serializeBinary()));
    });

    it("read map entries in the order the SDK gives them, whatever their order on the wire", () => {
        // Go's protobuf encoder writes map entries in random order; concatenated Structs make one
        // Struct whose entries come in the order written, a repeated key included.
        const struct = (...parts: Record<string, unknown>[]) => Buffer.concat(parts.map(p => Struct.fromJavaScript(p as never).serializeBinary()));
        const base = (deps: Record<string, string[]>) =>
            Buffer.from(encode([{ type: "t", name: "n", urn: "u", props: {}, options: true, provider: null, deps }])).subarray(2); // the resource, without its request field header
        const nested = Struct.fromJavaScript({ y: 1 }).serializeBinary();
        const props = Buffer.concat([struct({ zeta: 1 }, { b: { q: 1, p: 2 } }, { a: 2, "10": 1 }, { "2": 0, zeta: "last" }), lenField(1, Buffer.concat([lenField(1, Buffer.from("c")), lenField(2, lenField(5, nested))]))]);
        const depsOutOfOrder = Buffer.concat([base({ z: ["u1"] }), base({ a: ["u2"] }).subarray(base({}).length)]);
        const resource = Buffer.concat([depsOutOfOrder, lenField(2, props)]);
        const bytes = lenField(1, resource);
        assert.ok(agrees(bytes));
        const [r] = read(bytes) as unknown as { props: Record<string, unknown>; propertyDependencies: object }[];
        assert.deepStrictEqual(Object.keys(r.props), ["2", "10", "a", "b", "c", "zeta"]);
        assert.strictEqual(r.props.zeta, "last");
        assert.deepStrictEqual(Object.keys(r.propertyDependencies), ["a", "z"]);
    });

    it("never read bytes cut short or altered differently from the SDK", () => {
        let read = 0;
        fc.assert(
            fc.property(fc.array(resourceArb, { minLength: 1, maxLength: 2 }), editsArb, fc.nat(), (resources, edits, cut) => {
                if (agrees(altered(encode(resources), edits, cut))) read++;
            }),
            { numRuns: 1500, seed },
        );
        assert.ok(read > 0);
    });

    it("leave what the SDK treats specially to the SDK", () => {
        const one = (props: Record<string, unknown>, o: { options?: boolean } = {}) => encode([{ type: "t", name: "n", urn: "u", props, options: o.options ?? true, provider: null, deps: {} }]);
        assert.strictEqual(read(one({ a: { [sig.key]: rpc.specialAssetSig, text: "x" } })), undefined);
        assert.strictEqual(read(one({ a: { [sig.key]: sig.secret } })), undefined);
        assert.strictEqual(read(one({ a: 1 }, { options: false })), undefined);
        // A `__proto__` key, which the protobuf library's maps cannot hold either (written as bytes).
        const withKey = (props: Record<string, unknown>) => {
            const bytes = Buffer.from(one(props));
            bytes.write("__proto__", bytes.indexOf("__prota__"), "latin1");
            return bytes;
        };
        assert.strictEqual(read(withKey({ a: { __prota__: { x: 1 } } })), undefined);
        assert.strictEqual(read(withKey({ __prota__: 1 })), undefined);
        // A signature sent as a struct, even one that unwraps to a plain value: the SDK's build refuses it.
        const wrappedSignature = one({ a: { [sig.key]: { [sig.key]: sig.secret, value: false } } });
        assert.deepStrictEqual(sdkWay(wrappedSignature), { failed: "build" });
        assert.strictEqual(read(wrappedSignature), undefined);
        // A Struct entry with a field besides its key and value: the library's map reader reads on
        // inside that field, so what it gives is not what skipping it would.
        const withProps = (props: Uint8Array) => lenField(1, Buffer.concat([Buffer.from(one({})).subarray(2), lenField(2, props)]));
        const entry = Buffer.from(Struct.fromJavaScript({ a: "xyz" }).serializeBinary()).subarray(2); // key "a", value "xyz"
        // Field 3, 18 bytes long, skipped here; the library reads its length byte as the tag of a second value ("abc…").
        const extra = Buffer.concat([Buffer.from([0x1a, 0x12, 0x11, 0x1a, 0x0f]), Buffer.from("abcdefghijklmno")]);
        assert.ok(agrees(withProps(lenField(1, entry))));
        const misread = withProps(lenField(1, Buffer.concat([entry, extra])));
        assert.deepStrictEqual((sdkWay(misread) as { props: unknown }[])[0].props, { a: "abcdefghijklmno" });
        assert.strictEqual(read(misread), undefined);
        // A dependency entry whose value comes twice: the library merges the two lists.
        const twice = Buffer.from(encode([{ type: "t", name: "n", urn: "u", props: {}, options: true, provider: null, deps: { k: ["u1"] } }]));
        const depsAt = twice.lastIndexOf(Buffer.from([0x4a]));
        const value = twice.subarray(depsAt + 5); // the entry's value field (0x12, length, URNs)
        const merged = Buffer.concat([twice.subarray(0, depsAt), Buffer.from([0x4a, twice[depsAt + 1] + value.length]), twice.subarray(depsAt + 2), value]);
        merged[1] += value.length;
        const sdkDeps = (sdkWay(merged) as { propertyDependencies: Record<string, unknown[]> }[])[0].propertyDependencies;
        assert.deepStrictEqual(sdkDeps, { k: [{ urn: "u1" }, { urn: "u1" }] });
        assert.strictEqual(read(merged), undefined);
        // A secret is unwrapped, as the SDK's deserializer does for policies.
        assert.deepStrictEqual((read(one({ a: { [sig.key]: sig.secret, value: { b: [1] } } })) as { props: unknown }[])[0].props, { a: { b: [1] } });
        // Strings that are not UTF-8 are left to the SDK's decoder.
        const bytes = Buffer.from(one({ a: "xyz" }));
        const at = bytes.indexOf(Buffer.from("xyz"));
        bytes[at] = 0xff;
        assert.strictEqual(read(bytes), undefined);
        // Options the SDK's decoder refuses (protect sent as a string) make the whole request the SDK's.
        const r = new analyzerpb.AnalyzerResource();
        r.setType("t");
        r.setProperties(Struct.fromJavaScript({ a: 1 }));
        const options = Buffer.from([0x0a, 0x03, 0x61, 0x62, 0x63]);
        const resource = Buffer.concat([Buffer.from(r.serializeBinary()), Buffer.from([0x2a, options.length]), options]);
        const request = Buffer.concat([Buffer.from([0x0a, resource.length]), resource]);
        assert.throws(() => analyzerpb.AnalyzeStackRequest.deserializeBinary(request));
        assert.strictEqual(read(request), undefined);
    });

    it("are read so only when a probe request reads exactly as the SDK reads it", () => {
        const m = loadSdkModules()!;
        assert.strictEqual(typeof stackWireReader(m), "function");
        assert.strictEqual(stackWireReader({ ...m, rpc: { ...m.rpc, specialSigKey: undefined } }), undefined);
        // A deserializer that reads values otherwise than this module does fails the probe.
        const changed = { ...m.deserialize, deserializeProperties: (s: object, p: boolean) => ({ ...deserializeProperties(s, p), extra: 1 }) };
        assert.strictEqual(stackWireReader({ ...m, deserialize: changed }), undefined);
    });
});

describe("Analyze requests read from their bytes", function () {
    this.timeout(120000);
    const readAnalyze = (bytes: Uint8Array) => decodeAnalyzeRequest(bytes, sig, decodeOptions);

    /** What the SDK's decoding and Analyze loop give policies, or why they would not run. */
    function sdkWay(bytes: Uint8Array): unknown {
        let r: analyzerpb.AnalyzeRequest;
        try {
            r = analyzerpb.AnalyzeRequest.deserializeBinary(bytes);
        } catch {
            return { failed: "decode" };
        }
        const options = r.getOptions();
        if (!options) return { failed: "no options" };
        try {
            const props = deserializeProperties(r.getProperties(), false);
            const provider = r.getProvider();
            if (provider) deserializeProperties(provider.getProperties(), false);
            return { type: r.getType(), name: r.getName(), urn: r.getUrn(), props, protect: options.getProtect() };
        } catch {
            return { failed: "deserialize" };
        }
    }

    function agreesOne(bytes: Uint8Array): boolean {
        const ours = readAnalyze(bytes);
        if (ours === undefined) return false;
        const theirs = sdkWay(bytes) as Record<string, unknown>;
        assert.ok(!("failed" in theirs), `read a request the SDK's way refuses (${JSON.stringify(theirs)})`);
        const mine = { type: ours.type, name: ours.name, urn: ours.urn, props: ours.props, protect: (ours.options as analyzerpb.AnalyzerResourceOptions).getProtect() };
        assert.deepStrictEqual(mine, theirs);
        assert.strictEqual(JSON.stringify(mine), JSON.stringify(theirs));
        return true;
    }

    it("give what the SDK's loop hands policies, key order and all, or leave the request to the SDK", () => {
        let read = 0;
        let runs = 0;
        fc.assert(
            fc.property(resourceArb, g => {
                runs++;
                if (agreesOne(encodeAnalyze(g))) read++;
            }),
            { numRuns: 600, seed },
        );
        assert.ok(read > runs / 3, `read ${read} of ${runs}`);
    });

    it("read the bench's requests as the SDK does", () => {
        const { benchResources } = require("../bench/fixtures");
        const { toAnalyzeRequest } = require("../tools/lib/analyzer-client");
        for (const r of benchResources(200)) assert.ok(agreesOne(toAnalyzeRequest(r).serializeBinary()), r.type);
    });

    it("never read bytes cut short or altered differently from the SDK", () => {
        let read = 0;
        fc.assert(
            fc.property(resourceArb, editsArb, fc.nat(), (g, edits, cut) => {
                if (agreesOne(altered(encodeAnalyze(g), edits, cut))) read++;
            }),
            { numRuns: 1500, seed },
        );
        assert.ok(read > 0);
    });

    it("hand over the options the SDK decodes, the last on the wire winning", () => {
        const g: Generated = { type: "t", name: "nn", urn: "u", props: { a: 1 }, options: true, provider: null, deps: {} };
        const unprotected = Buffer.from(new analyzerpb.AnalyzerResourceOptions().setProtect(false).serializeBinary());
        const twice = Buffer.concat([Buffer.from(encodeAnalyze(g)), Buffer.from([0x2a, unprotected.length]), unprotected]);
        assert.ok(agreesOne(twice));
        assert.strictEqual((readAnalyze(twice)!.options as analyzerpb.AnalyzerResourceOptions).getProtect(), false);
        assert.strictEqual((readAnalyze(encodeAnalyze(g))!.options as analyzerpb.AnalyzerResourceOptions).getProtect(), true);
        // Without options or properties the SDK's loop fails: left to it.
        assert.strictEqual(readAnalyze(encodeAnalyze({ ...g, options: false })), undefined);
        assert.strictEqual(readAnalyze(encodeAnalyze({ ...g, props: null })), undefined);
    });
});

describe("Configure requests read from their bytes", function () {
    this.timeout(120000);

    /** What the SDK's configure handler reads of these bytes: key, level and properties per entry, or why it would fail. */
    function sdkWay(bytes: Uint8Array): unknown {
        let r: analyzerpb.ConfigureAnalyzerRequest;
        try {
            r = analyzerpb.ConfigureAnalyzerRequest.deserializeBinary(bytes);
        } catch {
            return { failed: "decode" };
        }
        try {
            return [...r.getPolicyconfigMap().entries()].map(([k, c]: [string, analyzerpb.PolicyConfig]) => [k, c.getEnforcementlevel(), c.getProperties()!.toJavaScript()]);
        } catch {
            return { failed: "read" };
        }
    }

    function agreesConfigure(bytes: Uint8Array): boolean {
        const ours = decodeConfigureRequest(bytes);
        if (ours === undefined) return false;
        const theirs = sdkWay(bytes);
        assert.ok(Array.isArray(theirs), `read a request the SDK's way refuses (${JSON.stringify(theirs)})`);
        const mine = ours.map(([k, c]) => [k, c.enforcementLevel, c.properties()]);
        assert.deepStrictEqual(mine, theirs);
        assert.strictEqual(JSON.stringify(mine), JSON.stringify(theirs));
        // Each call gives a new object, as the library's conversion does: the SDK's handler writes into it.
        for (const [, c] of ours) assert.notStrictEqual(c.properties(), c.properties());
        assert.deepStrictEqual(
            ours.map(([, c]) => c.properties()),
            mine.map(([, , p]) => p),
        );
        return true;
    }

    interface GeneratedConfig {
        level: number;
        props: Record<string, unknown> | null;
    }
    const configArb: fc.Arbitrary<GeneratedConfig> = fc.record({
        level: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 2 ** 31 - 1 }) }),
        props: fc.option(fc.dictionary(key, tree, { maxKeys: 5 }), { freq: 8 }),
    });
    const requestArb = fc.dictionary(fc.oneof(key, fc.constantFrom("aws-s3-bucket-versioning", "gcp-compute-disk-cmek")), configArb, { maxKeys: 5 });

    function encodeConfigure(configs: Record<string, GeneratedConfig>): Uint8Array {
        const request = new analyzerpb.ConfigureAnalyzerRequest();
        for (const [name, g] of Object.entries(configs)) {
            const c = new analyzerpb.PolicyConfig();
            c.setEnforcementlevel(g.level as analyzerpb.EnforcementLevel);
            if (g.props) c.setProperties(Struct.fromJavaScript(g.props as never));
            request.getPolicyconfigMap().set(name, c);
        }
        return request.serializeBinary();
    }

    it("give the configurations the SDK's handler reads, in its order, or leave the request to the SDK", () => {
        let read = 0;
        let runs = 0;
        fc.assert(
            fc.property(requestArb, configs => {
                runs++;
                if (agreesConfigure(encodeConfigure(configs))) read++;
            }),
            { numRuns: 600, seed },
        );
        assert.ok(read > runs / 3, `read ${read} of ${runs}`);
    });

    it("read the pack's own Configure request as the SDK does", () => {
        const { configureRequest, packInfoOf } = require("../tools/lib/analyzer-client");
        const info = require("fs").readFileSync(require("path").join(__dirname, "..", "dist", "pack", "analyzer-info.json"));
        const bytes = configureRequest(packInfoOf(Buffer.from(JSON.parse(info.toString()).bytes, "base64"))).serializeBinary();
        assert.ok(agreesConfigure(bytes));
        assert.ok(decodeConfigureRequest(bytes)!.length > 200);
    });

    it("never read bytes cut short or altered differently from the SDK", () => {
        let read = 0;
        fc.assert(
            fc.property(requestArb, editsArb, fc.nat(), (configs, edits, cut) => {
                if (agreesConfigure(altered(encodeConfigure(configs), edits, cut))) read++;
            }),
            { numRuns: 1500, seed },
        );
        assert.ok(read > 0);
    });

    it("leave to the SDK what its protobuf library would merge or default", () => {
        const one = encodeConfigure({ p: { level: 1, props: { a: 1 } } });
        assert.ok(agreesConfigure(one));
        const entry = Buffer.from(one).subarray(2); // the map entry, without the request's field header
        const config = entry.subarray(entry.indexOf(0x12) + 2); // the PolicyConfig, without its entry field header
        const field = (n: number, body: Uint8Array) => Buffer.concat([Buffer.from([(n << 3) | 2, body.length]), body]);
        // An entry whose value comes twice (the library merges the two).
        assert.strictEqual(decodeConfigureRequest(field(1, Buffer.concat([entry, field(2, config)]))), undefined);
        // An entry whose key comes twice, or not at all: the last key, or "", as the library reads it.
        const rekeyed = field(1, Buffer.concat([entry, field(1, Buffer.from("q"))]));
        assert.ok(agreesConfigure(rekeyed));
        assert.strictEqual(decodeConfigureRequest(rekeyed)![0][0], "q");
        assert.ok(agreesConfigure(field(1, field(2, config))));
        assert.strictEqual(decodeConfigureRequest(field(1, field(2, config)))![0][0], "");
        // A key given in two entries, an entry without a value.
        assert.strictEqual(decodeConfigureRequest(Buffer.concat([one, one])), undefined);
        assert.strictEqual(decodeConfigureRequest(field(1, field(1, Buffer.from("p")))), undefined);
        // Properties given twice (merged by the library), or not at all (the SDK's handler fails).
        const props = config.subarray(config.indexOf(0x12));
        assert.strictEqual(decodeConfigureRequest(field(1, Buffer.concat([field(1, Buffer.from("p")), field(2, Buffer.concat([config, props]))]))), undefined);
        assert.deepStrictEqual(sdkWay(encodeConfigure({ p: { level: 1, props: null } })), { failed: "read" });
        assert.strictEqual(decodeConfigureRequest(encodeConfigure({ p: { level: 1, props: null } })), undefined);
        // A level the library reads as another number.
        const big = Buffer.from([0x08, 0x80, 0x80, 0x80, 0x80, 0x08]);
        assert.strictEqual(decodeConfigureRequest(field(1, Buffer.concat([field(1, Buffer.from("p")), field(2, Buffer.concat([big, props]))]))), undefined);
        // Signatures are plain keys in a configuration: nothing is unwrapped.
        const signed = { s: { [sig.key]: sig.secret, value: "v" } };
        assert.deepStrictEqual(decodeConfigureRequest(encodeConfigure({ p: { level: 0, props: signed } }))![0][1].properties(), signed);
    });
});
