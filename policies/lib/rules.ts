// The common shapes of a check ("X must be true", "X must be at least N", "X must be one of",
// "X must be set"), each handling absent, unknown and wrong-typed values the same way everywhere,
// and the safe fixes that go with them. Every four-state decision in the pack goes through here.

import { Attribute } from "./facts";
import { isOutcome, Outcome, pass, undecided, violation, Violation } from "./outcome";
import { classify, describeWrongType, isSetString, Kind, Props, Read } from "./props";

// --- Reading a value, or the outcome that stops the check ------------------------------------------

/**
 * The violation for a value of the wrong type: `<path> is <what it is>, not <expected>`. A secret
 * or key material is never described, not even by its type.
 */
export function wrongType(o: { path: string; value: unknown; expected: string; fix: string; secret?: boolean }): Violation {
    const problem = o.secret ? `${o.path} is not ${o.expected}` : `${o.path} is ${describeWrongType(o.value)}, not ${o.expected}`;
    return violation({ code: "wrongType", field: o.path, problem, fix: o.fix });
}

/**
 * The value a read found, `absent` when it was omitted, or the outcome that stops the check: undecided
 * when it is unknown at preview, a wrong-type violation (naming `expected`) otherwise.
 */
export function valueOf<T, A>(read: Read<T>, o: { path: string; expected: string; fix: string; absent: A; secret?: boolean }): T | A | Outcome {
    switch (read.state) {
        case "absent":
            return o.absent;
        case "unknown":
            return undecided(o.path);
        case "wrongType":
            return wrongType({ path: o.path, value: read.value, expected: o.expected, fix: o.fix, secret: o.secret });
        case "known":
            return read.value;
    }
}

/** A nested block as a check sees it: known (an omitted one reads as empty), or the outcome that stops the check. */
export function blockOf(read: Read<Props>, o: { path: string; fix: string }): Props | Outcome {
    return valueOf(read, { path: o.path, expected: "a block", fix: o.fix, absent: EMPTY });
}

const EMPTY = new Props({});

/** One element of a list of nested blocks, with the path messages name it by. */
export interface Element {
    readonly path: string;
    readonly props: Props;
}

/**
 * The known blocks of a list-valued field. An unknown list or element leaves the check undecided
 * for it, a wrong-typed one is reported, and null elements (the engine's "nothing") are skipped.
 */
export function elementsOf(props: Props, o: { field: string; fix: string }): { elements: Element[]; outcomes: Outcome[] } {
    const elements: Element[] = [];
    const outcomes: Outcome[] = [];
    const list = valueOf(props.list(o.field), { path: o.field, expected: "a list", fix: o.fix, absent: [] as unknown[] });
    if (isOutcome(list)) return { elements, outcomes: [list] };
    list.forEach((item, i) => {
        const path = `${o.field}[${i}]`;
        const block = valueOf(classify(item, "object"), { path, expected: "a block", fix: o.fix, absent: undefined });
        if (isOutcome(block)) outcomes.push(block);
        else if (block !== undefined) elements.push({ path, props: block });
    });
    return { elements, outcomes };
}

/** A choice among documented values stored as "" is unset: outputs write "" for what the program left out. */
export function unsetWhenEmpty(read: Read<string>): Read<string> {
    return read.state === "known" && read.value.trim() === "" ? { state: "absent" } : read;
}

/** The string value of `field`, lower-cased when known (engine names are case-insensitive). */
export function lowerString(props: Props, field: string): Read<string> {
    const read = props.string(field);
    return read.state === "known" ? { state: "known", value: read.value.trim().toLowerCase() } : read;
}

// --- Deciding one value ------------------------------------------------------------------------------

/** `read` (of `path`) must be true; `absentMeans` is the provider's value for an omitted one. */
export function isTrue(read: Read<boolean>, o: { path: string; absentMeans: boolean; fix?: string }): Outcome {
    const fix = o.fix ?? `set ${o.path}: true`;
    const value = valueOf(read, { path: o.path, expected: "the boolean true", fix, absent: undefined });
    if (isOutcome(value)) return value;
    if (value === undefined) return o.absentMeans ? pass : violation({ code: "absentDefault", field: o.path, problem: `${o.path} is not set and defaults to false`, fix });
    return value ? pass : violation({ code: "notAllowed", field: o.path, problem: `${o.path} is false`, fix });
}

/** `read` (of `path`) must not be true (a risky switch); `absentMeans` is the provider's value for an omitted one. */
export function isFalse(read: Read<boolean>, o: { path: string; absentMeans: boolean; fix?: string }): Outcome {
    const fix = o.fix ?? `remove ${o.path} or set it to false`;
    const value = valueOf(read, { path: o.path, expected: "a boolean", fix, absent: undefined });
    if (isOutcome(value)) return value;
    if (value === undefined) return o.absentMeans ? violation({ code: "absentDefault", field: o.path, problem: `${o.path} is not set and defaults to true`, fix }) : pass;
    return value ? violation({ code: "notAllowed", field: o.path, problem: `${o.path} is true`, fix }) : pass;
}

/** A number must be at least `minimum`; `absentMeans` is the provider's value for an omitted one. */
export function atLeast(read: Read<number>, o: { path: string; minimum: number; absentMeans: number; fix?: string; expected?: string }): Outcome {
    const fix = o.fix ?? `set ${o.path}: ${o.minimum} or more`;
    const value = valueOf(read, { path: o.path, expected: o.expected ?? "a number", fix, absent: undefined });
    if (isOutcome(value)) return value;
    if (value === undefined) {
        return o.absentMeans >= o.minimum
            ? pass
            : violation({ code: "absentDefault", field: o.path, problem: `${o.path} is not set and defaults to ${o.absentMeans}, below ${o.minimum}`, fix });
    }
    return value >= o.minimum ? pass : violation({ code: "belowMinimum", field: o.path, problem: `${o.path} is ${value}, below ${o.minimum}`, fix });
}

/**
 * A string must be one of `allowed`. Only values in `known` (the property's documented values)
 * are echoed in messages: anything else may be free text, so it is not repeated.
 */
export function oneOf(read: Read<string>, o: { path: string; allowed: readonly string[]; known: readonly string[]; absentMeans?: string; fix: string }): Outcome {
    const value = valueOf(unsetWhenEmpty(read), { path: o.path, expected: "a string", fix: o.fix, absent: undefined });
    if (isOutcome(value)) return value;
    if (value === undefined) {
        if (o.absentMeans === undefined || o.allowed.includes(o.absentMeans)) return pass;
        return violation({ code: "absentDefault", field: o.path, problem: `${o.path} is not set and defaults to "${o.absentMeans}"`, fix: o.fix });
    }
    if (o.allowed.includes(value)) return pass;
    return o.known.includes(value)
        ? violation({ code: "notAllowed", field: o.path, problem: `${o.path} is "${value}"`, fix: o.fix })
        : violation({ code: "unrecognised", field: o.path, problem: `${o.path} is not a recognised value`, fix: o.fix });
}

/** A string (an id, ARN or key) must be set; a value unknown at preview is set. */
export function isSet(read: Read<string>, o: { path: string; fix: string; missing?: string; secret?: boolean }): Outcome {
    if (read.state === "wrongType") return wrongType({ path: o.path, value: read.value, expected: "a string", fix: o.fix, secret: o.secret });
    return isSetString(read) ? pass : violation({ code: "notSet", field: o.path, problem: o.missing ?? `${o.path} is not set`, fix: o.fix });
}

// --- Combining outcomes ---------------------------------------------------------------------------------

/** Requirements that must all hold: the first violation, else the first undecided one, else a pass. */
export function allOf(outcomes: readonly Outcome[]): Outcome {
    return outcomes.find(o => o.kind === "violation") ?? outcomes.find(o => o.kind === "undecided") ?? pass;
}

/**
 * Alternatives of which one is enough (e.g. several resources that may each configure the same
 * thing): a pass, else an undecided one (it may yet pass), else the first outcome, else `whenNone`.
 */
export function anyOf(outcomes: readonly Outcome[], whenNone: Outcome): Outcome {
    return outcomes.find(o => o.kind === "pass") ?? outcomes.find(o => o.kind === "undecided") ?? outcomes[0] ?? whenNone;
}

// --- Remediation patches -------------------------------------------------------------------------------
// Each sets a field only when its value is absent or known and non-compliant. Unknown and
// wrong-typed values are left alone: a fix never replaces a value it cannot read with a guess.

export type Patch = Record<string, unknown>;

/** `field: true` when it is false, or absent with an insecure default. */
export function patchTrue(props: Props, o: { field: string; absentMeans: boolean }): Patch {
    const read = props.boolean(o.field);
    const wrong = (read.state === "absent" && !o.absentMeans) || (read.state === "known" && !read.value);
    return wrong ? { [o.field]: true } : {};
}

/** `field: minimum` when it is below it, or absent with a default below it. */
export function patchAtLeast(props: Props, o: { field: string; minimum: number; absentMeans: number }): Patch {
    const read = props.number(o.field);
    const wrong = (read.state === "absent" && o.absentMeans < o.minimum) || (read.state === "known" && read.value < o.minimum);
    return wrong ? { [o.field]: o.minimum } : {};
}

/** `field: to` when it holds a string outside `allowed`, or is absent with such a default. */
export function patchOneOf(props: Props, o: { field: string; allowed: readonly string[]; to: string; absentMeans?: string }): Patch {
    const read = unsetWhenEmpty(props.string(o.field));
    const wrong =
        (read.state === "absent" && o.absentMeans !== undefined && !o.allowed.includes(o.absentMeans)) ||
        (read.state === "known" && !o.allowed.includes(read.value));
    return wrong ? { [o.field]: o.to } : {};
}

/** Changes to some fields of a nested block; the block's other values are filled in when the patch is applied. */
export class BlockChanges {
    constructor(readonly changes: Patch) {}
}

/**
 * Applies `fix` to the nested block `field` when it is a known map (or the one-element list some
 * exports keep), not a secret and not unknown. Only the changed fields are recorded: several fixes
 * of one block merge, and the block's other values are kept as they came when the patch is applied.
 */
export function patchBlock(props: Props, field: string, fix: (block: Props) => Patch): Patch {
    if (props.isSecret(field)) return {};
    const raw = props.raw(field);
    if (Array.isArray(raw) && raw.length !== 1) return {};
    const read = props.single(field);
    if (read.state !== "known") return {};
    const changes = fix(read.value);
    return Object.keys(changes).length === 0 ? {} : { [field]: new BlockChanges(changes) };
}

/** Patches of one resource merged; changes to one block are merged inside it. */
export function mergePatches(patches: readonly Patch[]): Patch {
    const out: Patch = {};
    for (const patch of patches) {
        for (const [key, value] of Object.entries(patch)) {
            const before = out[key];
            out[key] = before instanceof BlockChanges && value instanceof BlockChanges ? new BlockChanges({ ...before.changes, ...value.changes }) : value;
        }
    }
    return out;
}

/** The value a patch writes to `field`: block changes over the block as it came, in the form it came. */
export function patchedValue(props: Props, field: string, value: unknown): unknown {
    if (!(value instanceof BlockChanges)) return value;
    const raw = props.raw(field);
    const read = props.single(field);
    const block = { ...(read.state === "known" ? read.value.rawCopy() : {}), ...value.changes };
    return Array.isArray(raw) ? [block] : block;
}

// --- Requirements on declared attributes ------------------------------------------------------------------
// What an attribute rule is made of: the check and its safe fix, both derived from one attribute
// declaration (its field, path and provider default), so they can never disagree.

export interface Requirement<C = unknown> {
    readonly check: (props: Props, config: C) => Outcome;
    /** The patch that fixes a violation; {} when there is nothing it may change. */
    readonly patch: (props: Props, config: C) => Patch;
}

/** Reads the attribute where it lives: on the resource, or inside its block. */
function readAttribute<T>(props: Props, attribute: Attribute<T>, kind: Kind): Read<T> {
    return (attribute.block ? props.within(attribute.block, attribute.field, kind) : classify(props.raw(attribute.field), kind)) as Read<T>;
}

/** The attribute's fix applied where it lives: on the resource, or inside its block. */
function patchWhere<T>(props: Props, attribute: Attribute<T>, fix: (where: Props) => Patch): Patch {
    return attribute.block ? patchBlock(props, attribute.block, fix) : fix(props);
}

export function mustBeTrue(attribute: Attribute<boolean>, o: { fix?: string } = {}): Requirement {
    const absentMeans = attribute.absent ?? false;
    return {
        check: props => isTrue(readAttribute(props, attribute, "boolean"), { path: attribute.path, absentMeans, fix: o.fix }),
        patch: props => patchWhere(props, attribute, where => patchTrue(where, { field: attribute.field, absentMeans })),
    };
}

export function mustBeFalse(attribute: Attribute<boolean>, o: { fix?: string } = {}): Requirement {
    const absentMeans = attribute.absent ?? false;
    return {
        check: props => isFalse(readAttribute(props, attribute, "boolean"), { path: attribute.path, absentMeans, fix: o.fix }),
        patch: props => {
            const read = readAttribute(props, attribute, "boolean");
            const wrong = (read.state === "absent" && absentMeans) || (read.state === "known" && read.value);
            return wrong ? patchWhere(props, attribute, () => ({ [attribute.field]: false })) : {};
        },
    };
}

/** `allowed` values pass; a fix sets `to` (default: the first allowed value). */
export function mustBeOneOf(attribute: Attribute<string>, allowed: readonly string[], o: { fix: string; to?: string }): Requirement {
    const known = attribute.values ?? allowed;
    return {
        check: props => oneOf(readAttribute(props, attribute, "string"), { path: attribute.path, allowed, known, absentMeans: attribute.absent, fix: o.fix }),
        patch: props => patchWhere(props, attribute, where => patchOneOf(where, { field: attribute.field, allowed, to: o.to ?? allowed[0], absentMeans: attribute.absent })),
    };
}

/** The minimum may come from the policy's config. */
export function mustBeAtLeast<C>(attribute: Attribute<number>, minimum: number | ((config: C) => number), o: { fix?: (minimum: number) => string } = {}): Requirement<C> {
    const absentMeans = attribute.absent ?? 0;
    const min = (config: C) => (typeof minimum === "number" ? minimum : minimum(config));
    return {
        check: (props, config) =>
            atLeast(readAttribute(props, attribute, "number"), { path: attribute.path, minimum: min(config), absentMeans, fix: o.fix?.(min(config)) }),
        patch: (props, config) => patchWhere(props, attribute, where => patchAtLeast(where, { field: attribute.field, minimum: min(config), absentMeans })),
    };
}

/** An id, ARN or key must be set. Which one is a person's choice, so it has no patch. */
export function mustBeSet(attribute: Attribute<string>, o: { fix: string; missing?: string; secret?: boolean }): Requirement {
    return {
        check: props => isSet(readAttribute(props, attribute, "string"), { path: attribute.path, fix: o.fix, missing: o.missing, secret: o.secret }),
        patch: () => ({}),
    };
}
