// AnalyzeStack's request read straight from its protobuf bytes into the resources stack policies
// read (type, name, URN, deserialized properties, property dependencies by URN).
//
// The protobuf library the SDK uses decodes the request into message objects, and stack-request.ts
// then converts each resource's properties to plain JavaScript: on a 10,000-resource stack the
// decoding alone is most of what the empty pack spends, and the conversion most of what this pack
// adds to it. Read here in one pass, the same resources cost a fraction of either.
//
// The result must be exactly what decoding with the protobuf library and deserializing with the
// SDK would give, so only what is known to be read the same way is read; anything else makes
// `decodeStackRequest` return undefined, and the caller decodes the request the SDK's way (which
// then also fails where it would have failed):
// - the wire format as protobuf defines it: varints, 64-bit doubles, length-delimited fields, and
//   unknown fields skipped; a group, a truncated field or an unexpected wire type is not read here;
// - strings that are valid UTF-8 (the library's and Node's decoders agree on those);
// - map entries in key order, the last of a repeated key winning, as the library gives them; an
//   entry with a field other than its key and value is not read (the library's map reader does not
//   skip such a field but reads on inside it), nor one whose message value comes twice (merged);
// - a resource without options or properties, a `Value` with no kind, a key `__proto__`, or a value
//   signed as anything but a secret (assets, archives, resource references) is left to the SDK.
// A resource's options, which stack policies do not read, are decoded with the SDK's own decoder
// (`decodeOptions`), so a request the SDK's decoding refuses is never read here.
// dispatch.ts checks on a probe request at start that this reads as the SDK does, and
// tests/stack-wire.test.ts compares the two on generated requests.
//
// A ConfigureAnalyzerRequest is read by `decodeConfigureRequest` into the configurations the SDK's
// configure handler reads (properties as `Struct.toJavaScript` gives them, nothing unwrapped).
//
// An AnalyzeRequest has the fields of a stack's resource (type, properties, URN, name, options,
// provider), so `decodeAnalyzeRequest` reads one the same way, with its options as the SDK decodes
// them (Analyze hands policies `protect`).

import { PolicyResource } from "@pulumi/policy";
import { isUtf8 } from "buffer";

/** Pulumi's signature key and the secret signature, as the SDK's deserializer reads them. */
export interface Signatures {
    readonly key: string;
    readonly secret: string;
}

/** A resource's options message as the SDK's protobuf code decodes it; throws where that code cannot. */
export type OptionsDecode = (bytes: Uint8Array) => unknown;

/** Thrown inside the decoder for anything it does not read; never escapes it. */
class NotRead extends Error {}
const notRead = new NotRead();

const VARINT = 0;
const FIXED64 = 1;
const LEN = 2;
const FIXED32 = 5;

class Reader {
    pos: number;
    constructor(readonly buf: Buffer, start: number, readonly end: number) {
        this.pos = start;
    }
    done(): boolean {
        return this.pos >= this.end;
    }
    /** A varint that fits in 2^53 (a tag, a length, an enum or a bool). */
    varint(): number {
        let result = 0;
        let scale = 1;
        for (let i = 0; i < 10; i++) {
            if (this.pos >= this.end) throw notRead;
            const byte = this.buf[this.pos++];
            result += (byte & 0x7f) * scale;
            if (byte < 0x80) {
                if (result > Number.MAX_SAFE_INTEGER) throw notRead;
                return result;
            }
            scale *= 128;
        }
        throw notRead;
    }
    /** The bounds of a length-delimited field's contents. */
    span(): [number, number] {
        const length = this.varint();
        const start = this.pos;
        if (length > this.end - start) throw notRead;
        this.pos = start + length;
        return [start, this.pos];
    }
    string(): string {
        const [start, end] = this.span();
        if (start === end) return "";
        if (!isUtf8(this.buf.subarray(start, end))) throw notRead;
        return this.buf.toString("utf8", start, end);
    }
    double(): number {
        if (this.end - this.pos < 8) throw notRead;
        const value = this.buf.readDoubleLE(this.pos);
        this.pos += 8;
        return value;
    }
    skip(wireType: number): void {
        switch (wireType) {
            case VARINT:
                this.varint();
                return;
            case FIXED64:
                if (this.end - this.pos < 8) throw notRead;
                this.pos += 8;
                return;
            case LEN:
                this.span();
                return;
            case FIXED32:
                if (this.end - this.pos < 4) throw notRead;
                this.pos += 4;
                return;
            default:
                throw notRead; // groups (deprecated) and invalid wire types
        }
    }
    /** The next field's number and wire type; a field number of 0 is invalid. */
    tag(): [number, number] {
        const tag = this.varint();
        const field = Math.floor(tag / 8);
        if (field === 0) throw notRead;
        return [field, tag & 7];
    }
    sub(start: number, end: number): Reader {
        return new Reader(this.buf, start, end);
    }
    /** The next length-delimited field numbered `field` (other fields skipped), or undefined at the end. */
    next(field: number): Reader | undefined {
        while (!this.done()) {
            const [f, wire] = this.tag();
            if (f !== field) {
                this.skip(wire);
                continue;
            }
            if (wire !== LEN) throw notRead;
            const [start, end] = this.span();
            return this.sub(start, end);
        }
        return undefined;
    }
}

/**
 * A map entry's key ("" when absent, the last when repeated, as the library gives it) and its
 * message value. A value given twice (the library merges the two) or any other field is not read:
 * the library's map reader does not skip such a field, but reads its contents as the entry's next fields.
 */
function mapEntry(entry: Reader): { key: string; value: Reader | undefined } {
    let key = "";
    let value: Reader | undefined;
    while (!entry.done()) {
        const [field, wire] = entry.tag();
        if (wire !== LEN || (field !== 1 && field !== 2) || (field === 2 && value)) throw notRead;
        if (field === 1) {
            key = entry.string();
        } else {
            const [start, end] = entry.span();
            value = entry.sub(start, end);
        }
    }
    return { key, value };
}

// Most resources carry the same few options messages: each is decoded once per decoder.
const optionsKept = 1024;
const decodedOptions = new WeakMap<OptionsDecode, Map<string, unknown>>();

function options(bytes: Buffer, decode: OptionsDecode): unknown {
    let cache = decodedOptions.get(decode);
    if (!cache) decodedOptions.set(decode, (cache = new Map()));
    const key = bytes.length <= 256 ? bytes.toString("latin1") : undefined;
    if (key !== undefined && cache.has(key)) return cache.get(key);
    let decoded: unknown;
    try {
        decoded = decode(bytes);
    } catch {
        throw notRead;
    }
    if (key !== undefined && cache.size < optionsKept) cache.set(key, decoded);
    return decoded;
}

/** Builds an object from map entries in key order, as the protobuf library iterates a map. */
function sorted<T>(entries: Map<string, T>): Record<string, T> {
    const out: Record<string, T> = {};
    for (const key of [...entries.keys()].sort()) {
        if (key === "__proto__") throw notRead; // the SDK's copy and a plain assignment differ on it
        out[key] = entries.get(key)!;
    }
    return out;
}

/**
 * A `google.protobuf.Value`, deserialized as the SDK's deserializer gives it, or without `sig` as
 * the protobuf library's `toJavaScript` converts it (signatures are then plain keys).
 */
function value(r: Reader, sig: Signatures | undefined): unknown {
    let result: unknown;
    let kind = false;
    while (!r.done()) {
        const [field, wire] = r.tag();
        switch (field) {
            case 1: // null_value
                if (wire !== VARINT) throw notRead;
                r.varint();
                result = null;
                break;
            case 2: // number_value
                if (wire !== FIXED64) throw notRead;
                result = r.double();
                break;
            case 3: // string_value
                if (wire !== LEN) throw notRead;
                result = r.string();
                break;
            case 4: // bool_value
                if (wire !== VARINT) throw notRead;
                result = r.varint() !== 0;
                break;
            case 5: {
                // struct_value
                if (wire !== LEN) throw notRead;
                const [start, end] = r.span();
                const fields = struct(r.sub(start, end), sig);
                result = sig ? signed(fields, sig, () => signatureKind(r.sub(start, end), sig.key)) : fields;
                break;
            }
            case 6: {
                // list_value
                if (wire !== LEN) throw notRead;
                const [start, end] = r.span();
                result = list(r.sub(start, end), sig);
                break;
            }
            default:
                r.skip(wire);
                continue;
        }
        kind = true; // the last kind on the wire wins, as with any oneof
    }
    if (!kind) throw notRead; // the library cannot convert a Value with no kind
    return result;
}

/**
 * An object that carries the signature key, as the SDK's deserializer unpacks it. The SDK reads
 * the signature before unpacking anything inside it: one sent as a struct or a list (a secret
 * unpacked here, say) is left to it.
 */
function signed(obj: Record<string, unknown>, sig: Signatures, rawKind: () => number): unknown {
    if (!Object.prototype.hasOwnProperty.call(obj, sig.key)) return obj;
    if (rawKind() >= STRUCT_VALUE) throw notRead;
    const signature = obj[sig.key];
    if (!signature) return obj; // not a signature: the SDK copies the object as it is
    if (signature === sig.secret && obj.value !== undefined) return obj.value;
    throw notRead; // assets, archives, references, a secret without a value: the SDK decides
}

const STRUCT_VALUE = 5;

/** The kind (its field number) of the last value under `key` in a Struct's bytes: the one `struct` keeps. */
function signatureKind(r: Reader, key: string): number {
    let kind = 0;
    for (let entry = r.next(1); entry; entry = r.next(1)) {
        const { key: k, value } = mapEntry(entry);
        if (k !== key || !value) continue;
        while (!value.done()) {
            const [field, wire] = value.tag();
            if (field >= 1 && field <= 6) kind = field;
            value.skip(wire);
        }
    }
    return kind;
}

/** A `google.protobuf.Struct`'s fields, each value read as `value` reads it. */
function struct(r: Reader, sig: Signatures | undefined): Record<string, unknown> {
    // Entries usually come in key order, each key once (the protobuf library's own encoder writes
    // them so): those make the object as they come. Any other order goes through `sorted`.
    const keys: string[] = [];
    const values: unknown[] = [];
    let inOrder = true;
    for (let entry = r.next(1); entry; entry = r.next(1)) {
        const { key, value: read } = mapEntry(entry);
        if (!read) throw notRead; // an entry without a value holds an empty Value
        const v = value(read, sig);
        if (inOrder && keys.length > 0 && !(key > keys[keys.length - 1])) inOrder = false;
        keys.push(key);
        values.push(v);
    }
    if (!inOrder) return sorted(new Map(keys.map((k, i) => [k, values[i]])));
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
        if (keys[i] === "__proto__") throw notRead; // as in `sorted`
        out[keys[i]] = values[i];
    }
    return out;
}

function list(r: Reader, sig: Signatures | undefined): unknown[] {
    const items: unknown[] = [];
    for (let item = r.next(1); item; item = r.next(1)) items.push(value(item, sig));
    return items;
}

/** `pulumirpc.AnalyzerPropertyDependencies`: its URNs. */
function urns(r: Reader): string[] {
    const out: string[] = [];
    while (!r.done()) {
        const [field, wire] = r.tag();
        if (field !== 1) {
            r.skip(wire);
            continue;
        }
        if (wire !== LEN) throw notRead;
        out.push(r.string());
    }
    return out;
}

/** A `pulumirpc.AnalyzerProviderResource`: checked like the SDK's build (its properties must deserialize). */
function provider(r: Reader, sig: Signatures): void {
    let properties = false;
    while (!r.done()) {
        const [field, wire] = r.tag();
        if (field === 2) {
            if (wire !== LEN) throw notRead;
            const [start, end] = r.span();
            struct(r.sub(start, end), sig);
            properties = true;
        } else if (field === 1 || field === 3 || field === 4) {
            if (wire !== LEN) throw notRead;
            r.string();
        } else {
            r.skip(wire);
        }
    }
    if (!properties) throw notRead;
}

/** A `pulumirpc.AnalyzerResource`, as stack-request.ts builds it, and its options as the SDK decodes them. */
function resource(r: Reader, sig: Signatures, decodeOptions: OptionsDecode): [PolicyResource, unknown] {
    let type = "";
    let urn = "";
    let name = "";
    let props: Record<string, unknown> | undefined;
    let decoded: unknown;
    let hasOptions = false;
    const dependencies = new Map<string, { urn: string }[]>();
    while (!r.done()) {
        const [field, wire] = r.tag();
        switch (field) {
            case 1:
            case 3:
            case 4:
            case 7: // parent
            case 8: {
                // dependencies
                if (wire !== LEN) throw notRead;
                const s = r.string();
                if (field === 1) type = s;
                else if (field === 3) urn = s;
                else if (field === 4) name = s;
                break;
            }
            case 2: {
                if (wire !== LEN) throw notRead;
                const [start, end] = r.span();
                props = struct(r.sub(start, end), sig);
                break;
            }
            case 5: {
                if (wire !== LEN) throw notRead;
                const [start, end] = r.span();
                // The last options message on the wire is the one the SDK's decoding keeps.
                decoded = options(r.buf.subarray(start, end), decodeOptions);
                hasOptions = true;
                break;
            }
            case 6: {
                if (wire !== LEN) throw notRead;
                const [start, end] = r.span();
                provider(r.sub(start, end), sig);
                break;
            }
            case 9: {
                if (wire !== LEN) throw notRead;
                const [start, end] = r.span();
                const { key, value } = mapEntry(r.sub(start, end));
                dependencies.set(key, value ? urns(value).map(u => ({ urn: u })) : []);
                break;
            }
            default:
                r.skip(wire);
        }
    }
    // The SDK's build fails on a resource without options or properties: left to it.
    if (!hasOptions || props === undefined) throw notRead;
    const propertyDependencies: Record<string, { urn: string }[]> = {};
    for (const key of [...dependencies.keys()].sort()) {
        if (key === "__proto__") throw notRead;
        propertyDependencies[key] = dependencies.get(key)!;
    }
    return [{ type, name, urn, props, propertyDependencies } as unknown as PolicyResource, decoded];
}

/** Runs a read, turning what it does not read into undefined. */
function reading<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (e) {
        if (e === notRead || e instanceof RangeError) return undefined; // RangeError: a structure too deep to walk
        throw e;
    }
}

/**
 * The resources of an AnalyzeStackRequest's bytes, as stack-request.ts builds them from the decoded
 * request; undefined for anything read differently here or refused by the SDK's build.
 */
export function decodeStackRequest(bytes: Uint8Array, sig: Signatures, decodeOptions: OptionsDecode): PolicyResource[] | undefined {
    const buf = asBuffer(bytes);
    const r = new Reader(buf, 0, buf.length);
    return reading(() => {
        const resources: PolicyResource[] = [];
        for (let read = r.next(1); read; read = r.next(1)) resources.push(resource(read, sig, decodeOptions)[0]);
        return resources;
    });
}

/** An AnalyzeRequest as read from its bytes: what the SDK's Analyze loop hands policies of it. */
export interface AnalyzedRequest {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** Deserialized as the SDK's deserializer gives them to policies (secrets unwrapped). */
    readonly props: Record<string, unknown>;
    /** The options message as the SDK's protobuf code decodes it. */
    readonly options: unknown;
}

/**
 * An AnalyzeRequest's bytes read as the SDK's decoding and its Analyze loop read them, or undefined
 * for anything read differently here, or that the SDK's loop would fail on (no options, properties
 * or provider properties that do not deserialize).
 */
export function decodeAnalyzeRequest(bytes: Uint8Array, sig: Signatures, decodeOptions: OptionsDecode): AnalyzedRequest | undefined {
    const buf = asBuffer(bytes);
    return reading(() => {
        const [read, options] = resource(new Reader(buf, 0, buf.length), sig, decodeOptions);
        const { type, name, urn, props } = read as unknown as AnalyzedRequest;
        return { type, name, urn, props, options };
    });
}

/** One policy's entry in a Configure request, as the SDK's configure handler reads it. */
export interface ReadPolicyConfig {
    /** The enforcement level's number on the wire (the SDK converts it, and fails on one it does not know). */
    readonly enforcementLevel: number;
    /** Its properties as the protobuf library's `toJavaScript` gives them: a new object on each call. */
    properties(): Record<string, unknown>;
}

/**
 * A ConfigureAnalyzerRequest's policy configurations in the order the protobuf library's map gives
 * them (by key), or undefined for anything read differently here or that the SDK's handler fails
 * on: an entry without a value or properties, a key in two entries, a field given twice where the
 * library would merge the two (an entry's value, a configuration's properties), an unknown field
 * inside an entry, a level beyond what the library reads as the same number.
 */
export function decodeConfigureRequest(bytes: Uint8Array): [string, ReadPolicyConfig][] | undefined {
    const buf = asBuffer(bytes);
    return reading(() => {
        const configs = new Map<string, ReadPolicyConfig>();
        const r = new Reader(buf, 0, buf.length);
        for (let entry = r.next(1); entry; entry = r.next(1)) {
            const { key, value } = mapEntry(entry);
            // Without a value the library makes an empty configuration, which the SDK's handler fails on.
            if (!value || configs.has(key)) throw notRead;
            configs.set(key, policyConfig(value));
        }
        return [...configs.keys()].sort().map(k => [k, configs.get(k)!]);
    });
}

/** A `pulumirpc.PolicyConfig`: its level, and its properties read now and again on each later call. */
function policyConfig(r: Reader): ReadPolicyConfig {
    let level = 0;
    let span: [number, number] | undefined;
    while (!r.done()) {
        const [field, wire] = r.tag();
        if (field === 1) {
            if (wire !== VARINT) throw notRead;
            level = r.varint();
            if (level > 0x7fffffff) throw notRead; // the library reads an enum as a signed 32-bit number
        } else if (field === 2) {
            if (wire !== LEN || span) throw notRead;
            span = r.span();
        } else {
            r.skip(wire);
        }
    }
    if (!span) throw notRead; // the SDK's handler fails on a configuration without properties
    const [start, end] = span;
    const read = () => struct(r.sub(start, end), undefined);
    let first: Record<string, unknown> | undefined = read();
    return {
        enforcementLevel: level,
        properties: () => {
            const props = first ?? read();
            first = undefined;
            return props;
        },
    };
}

function asBuffer(bytes: Uint8Array): Buffer {
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
