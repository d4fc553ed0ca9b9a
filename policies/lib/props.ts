// Reading resource properties without tripping the SDK's unknown-value proxy.
//
// The SDK hands policies a Proxy whose `get` trap throws when a value is unknown at preview.
// `Reflect.getOwnPropertyDescriptor` is not trapped, so it returns the raw stored value, and the
// unknown sentinels can be told apart from real values here instead of by catching exceptions.
// Everything below the top level is the SDK's plain deserialized data.

import { Secret } from "@pulumi/policy";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const sdkProxy: Record<string, unknown> = require("@pulumi/policy/proxy");

const unknownSentinels: ReadonlySet<unknown> = new Set(
    Object.keys(sdkProxy)
        .filter(k => /^unknown[A-Za-z]*Value$/.test(k))
        .map(k => sdkProxy[k]),
);
if (unknownSentinels.size === 0) {
    throw new Error("hipaa-guard: this @pulumi/policy version exposes no unknown-value sentinels");
}

/** True for a value the engine could not know at preview. */
export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && unknownSentinels.has(value);
}

/** What a property read found: the four states every check must handle. */
export type Read<T> =
    | { readonly state: "absent" }
    | { readonly state: "unknown" }
    | { readonly state: "known"; readonly value: T }
    | { readonly state: "wrongType"; readonly value: unknown };

export type Kind = "boolean" | "number" | "string" | "list" | "object";
type KindType = { boolean: boolean; number: number; string: string; list: unknown[]; object: Props };

const ABSENT = { state: "absent" } as const;
/** A decimal number as a string, the way older state stores numbers. */
const numericString = /^-?\d+(\.\d+)?$/;
const UNKNOWN = { state: "unknown" } as const;

/** Classifies one raw value. null and undefined count as absent: the provider treats them as unset. */
export function classify<K extends Kind>(value: unknown, kind: K): Read<KindType[K]> {
    // Remediate hands policies secrets wrapped (so they stay secret when written back); judge the value.
    if (value instanceof Secret) return classify(value.value, kind);
    if (value === undefined || value === null) return ABSENT;
    if (isUnknown(value)) return UNKNOWN;
    switch (kind) {
        case "boolean":
            return typeof value === "boolean" ? known(value as KindType[K]) : wrongType(value);
        case "number":
            if (typeof value === "number") return Number.isFinite(value) ? known(value as KindType[K]) : wrongType(value);
            // Older state stores numbers as strings ("3653"); the provider coerces them, so the check does too.
            return typeof value === "string" && numericString.test(value) ? known(Number(value) as KindType[K]) : wrongType(value);
        case "string":
            return typeof value === "string" ? known(value as KindType[K]) : wrongType(value);
        case "list":
            return Array.isArray(value) ? known(value as KindType[K]) : wrongType(value);
        default:
            return isPlainRecord(value) ? known(new Props(value) as KindType[K]) : wrongType(value);
    }
}

function known<T>(value: T): Read<T> {
    return { state: "known", value };
}
function wrongType<T>(value: unknown): Read<T> {
    return { state: "wrongType", value };
}
function isPlainRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A resource's (or a nested block's) properties, read by name and expected kind. */
export class Props {
    constructor(private readonly source: object) {}

    /** The raw value stored under `key`, an unknown sentinel included; never throws. */
    raw(key: string): unknown {
        try {
            return Reflect.getOwnPropertyDescriptor(this.source, key)?.value;
        } catch {
            return undefined;
        }
    }

    /** The keys set on this block (own keys; never reads a value). */
    keys(): string[] {
        try {
            return Reflect.ownKeys(this.source).filter((k): k is string => typeof k === "string");
        } catch {
            return [];
        }
    }

    /** A shallow copy of the block's raw values (unknowns and secrets kept as they are), for patching. */
    rawCopy(): Record<string, unknown> {
        const copy: Record<string, unknown> = {};
        for (const key of this.keys()) copy[key] = this.raw(key);
        return copy;
    }

    /** Whether the value under `key` is a secret (only Remediate keeps secrets wrapped). */
    isSecret(key: string): boolean {
        return this.raw(key) instanceof Secret;
    }

    /** Whether the key is set at all (an unknown value counts as set). */
    has(key: string): boolean {
        const value = this.raw(key);
        return value !== undefined && value !== null;
    }

    boolean(key: string): Read<boolean> {
        return classify(this.raw(key), "boolean");
    }
    number(key: string): Read<number> {
        return classify(this.raw(key), "number");
    }
    string(key: string): Read<string> {
        return classify(this.raw(key), "string");
    }
    list(key: string): Read<unknown[]> {
        return classify(this.raw(key), "list");
    }
    object(key: string): Read<Props> {
        return classify(this.raw(key), "object");
    }

    /** The nested block under `key` when it is a known object; an empty block otherwise. */
    block(key: string): Props {
        const read = this.object(key);
        return read.state === "known" ? read.value : EMPTY;
    }

    /**
     * `field` of the nested block `block` (an object, or a one-element list): absent when the block
     * is, and unknown or wrong-typed when the block itself is.
     */
    within<K extends Kind>(block: string, field: string, kind: K): Read<KindType[K]> {
        const outer = this.single(block);
        if (outer.state === "known") return classify(outer.value.raw(field), kind);
        return outer.state === "wrongType" ? { state: "wrongType", value: outer.value } : outer;
    }

    /**
     * The first element of a list-valued block (Terraform's single nested blocks arrive as objects
     * from Pulumi programs but as one-element lists from some exports): tolerate both.
     */
    single(key: string): Read<Props> {
        const raw = this.raw(key);
        return classify(Array.isArray(raw) ? (raw.length > 0 ? raw[0] : undefined) : raw, "object");
    }
}

const EMPTY = new Props({});

/**
 * Whether a value is a string the provider would use: a known non-empty string, or a value unknown
 * at preview (an ARN or id computed by another resource is present, just not known yet).
 */
export function isSetString(read: Read<string>): boolean {
    return read.state === "unknown" || (read.state === "known" && read.value.trim() !== "");
}

/** Describes a value that has the wrong type, without echoing free-form text (it may be a secret). */
export function describeWrongType(value: unknown): string {
    if (typeof value === "string") return "a string";
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : "not a finite number";
    if (typeof value === "boolean") return String(value);
    if (Array.isArray(value)) return "a list";
    return "an object";
}
