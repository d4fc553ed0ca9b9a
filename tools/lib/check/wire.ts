// Turning property values as Pulumi stores and sends them (the gRPC wire form a program registers,
// or the JSON of `pulumi stack export`) into the values the analyzer client sends to the pack:
// `unknown` for a value not known at preview, `secret(...)` for a secret (never decrypted, never
// printed), and resource references downgraded to the id or URN the engine would pass.

import { OUTPUT_VALUE_SIG, RESOURCE_REF_SIG, secret, SECRET_SIG, SIG_KEY, unknown, UNKNOWN_SENTINEL } from "../analyzer-client";

export interface DecodeOptions {
    /** Maps a URN inside a resource reference to the one the engine would use. */
    readonly urn?: (urn: string) => string;
}

/**
 * Decodes one property value. Assets and archives keep their signature object (the engine sends
 * them that way too); anything else unrecognised is kept as plain data.
 */
export function fromWire(value: unknown, opts: DecodeOptions = {}): unknown {
    if (value === UNKNOWN_SENTINEL) return unknown;
    if (Array.isArray(value)) return value.map(v => fromWire(v, opts));
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    switch (record[SIG_KEY]) {
        case SECRET_SIG:
            return secret(secretContent(record, opts));
        case RESOURCE_REF_SIG: {
            // A custom resource passes its id (unknown until created), a component its URN.
            if (typeof record.id === "string") return record.id === "" ? unknown : record.id;
            return typeof record.urn === "string" ? (opts.urn ? opts.urn(record.urn) : record.urn) : unknown;
        }
        case OUTPUT_VALUE_SIG: {
            const inner = "value" in record ? fromWire(record.value, opts) : unknown;
            return record.secret === true ? secret(inner) : inner;
        }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = fromWire(v, opts);
    return out;
}

/**
 * A secret's content: the value itself (program wire form), the decrypted JSON of
 * `pulumi stack export --show-secrets`, or, for an encrypted export, unknown: the check never
 * decrypts, and a policy treats an unknown as set rather than guessing its content.
 */
function secretContent(record: Record<string, unknown>, opts: DecodeOptions): unknown {
    if ("value" in record) return fromWire(record.value, opts);
    if (typeof record.plaintext === "string") {
        try {
            return fromWire(JSON.parse(record.plaintext), opts);
        } catch {
            return record.plaintext;
        }
    }
    return unknown;
}

/** Decodes a whole property map (a resource's inputs). */
export function propsFromWire(value: unknown, opts: DecodeOptions = {}): Record<string, unknown> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
    return fromWire(value, opts) as Record<string, unknown>;
}
