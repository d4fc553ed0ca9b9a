// The common shapes of a check ("X must be true", "X must be at least N", "X must be one of",
// "X must be set"), each handling absent, unknown and wrong-typed values the same way everywhere.

import { Outcome, pass, undecided, violation } from "./outcome";
import { describeWrongType, isSetString, Props, Read } from "./props";

/** What the provider does when the property is omitted. */
export type WhenAbsent<T> = { readonly default: T } | { readonly absent: "violation"; readonly because: string };

/** `field` must be `true`; `absentMeans` is the provider's default for an omitted value. */
export function mustBeTrue(props: Props, field: string, absentMeans: boolean, fix = `set ${field}: true`): Outcome {
    return booleanOutcome(props.boolean(field), field, absentMeans, fix);
}

export function booleanOutcome(read: Read<boolean>, field: string, absentMeans: boolean, fix = `set ${field}: true`): Outcome {
    switch (read.state) {
        case "absent":
            return absentMeans ? pass : violation(`${field} is not set and defaults to false`, fix);
        case "unknown":
            return undecided(field);
        case "known":
            return read.value ? pass : violation(`${field} is false`, fix);
        case "wrongType":
            return violation(`${field} is ${describeWrongType(read.value)}, not the boolean true`, fix);
    }
}

/** `field` must not be `true` (e.g. a risky feature switch); omitted means `absentMeans`. */
export function mustBeFalse(props: Props, field: string, absentMeans: boolean, fix = `remove ${field} or set it to false`): Outcome {
    const read = props.boolean(field);
    switch (read.state) {
        case "absent":
            return absentMeans ? violation(`${field} is not set and defaults to true`, fix) : pass;
        case "unknown":
            return undecided(field);
        case "known":
            return read.value ? violation(`${field} is true`, fix) : pass;
        case "wrongType":
            return violation(`${field} is ${describeWrongType(read.value)}, not a boolean`, fix);
    }
}

/** A number `field` must be at least `minimum`; omitted means `absentMeans`. */
export function mustBeAtLeast(
    props: Props,
    field: string,
    minimum: number,
    absentMeans: number,
    fix = `set ${field}: ${minimum} or more`,
): Outcome {
    return numberAtLeast(props.number(field), field, minimum, absentMeans, fix);
}

export function numberAtLeast(read: Read<number>, field: string, minimum: number, absentMeans: number, fix: string): Outcome {
    switch (read.state) {
        case "absent":
            return absentMeans >= minimum ? pass : violation(`${field} is not set and defaults to ${absentMeans}, below ${minimum}`, fix);
        case "unknown":
            return undecided(field);
        case "known":
            return read.value >= minimum ? pass : violation(`${field} is ${read.value}, below ${minimum}`, fix);
        case "wrongType":
            return violation(`${field} is ${describeWrongType(read.value)}, not a number`, fix);
    }
}

/**
 * A string `field` must be one of `allowed`. Only values in `known` (the property's documented
 * values) are echoed in messages: anything else may be free text, so it is not repeated.
 */
export function mustBeOneOf(
    props: Props,
    field: string,
    allowed: readonly string[],
    known: readonly string[],
    absentMeans: string | undefined,
    fix: string,
): Outcome {
    return stringOneOf(props.string(field), field, allowed, known, absentMeans, fix);
}

/** `mustBeOneOf` on a value already read (e.g. from a nested block, named by its full path). */
export function stringOneOf(
    read: Read<string>,
    field: string,
    allowed: readonly string[],
    known: readonly string[],
    absentMeans: string | undefined,
    fix: string,
): Outcome {
    switch (read.state) {
        case "absent":
            if (absentMeans === undefined || allowed.includes(absentMeans)) return pass;
            return violation(`${field} is not set and defaults to "${absentMeans}"`, fix);
        case "unknown":
            return undecided(field);
        case "known":
            if (allowed.includes(read.value)) return pass;
            return violation(`${field} is ${known.includes(read.value) ? `"${read.value}"` : "not a recognised value"}`, fix);
        case "wrongType":
            return violation(`${field} is ${describeWrongType(read.value)}, not a string`, fix);
    }
}

/** A string `field` (an id, ARN or key) must be set; a value unknown at preview is set. */
export function mustBeSet(props: Props, field: string, fix: string, missing = `${field} is not set`): Outcome {
    const read = props.string(field);
    if (read.state === "wrongType") return violation(`${field} is ${describeWrongType(read.value)}, not a string`, fix);
    return isSetString(read) ? pass : violation(missing, fix);
}

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

/** The string value of `field`, lower-cased when known (engine names are case-insensitive). */
export function lowerString(props: Props, field: string): Read<string> {
    const read = props.string(field);
    return read.state === "known" ? { state: "known", value: read.value.trim().toLowerCase() } : read;
}

// Remediation patches: each sets a field only when its value is absent or known and
// non-compliant. Unknown and wrong-typed values are left alone: a fix never replaces a value it
// cannot read with a guess.

export type Patch = Record<string, unknown>;

/** Sets `field: true` when it is false, or absent with an insecure default. */
export function fixTrue(props: Props, field: string, absentMeans: boolean): Patch {
    const read = props.boolean(field);
    const wrong = (read.state === "absent" && !absentMeans) || (read.state === "known" && !read.value);
    return wrong ? { [field]: true } : {};
}

/** Raises `field` to `minimum` when it is below it, or absent with a default below it. */
export function fixAtLeast(props: Props, field: string, minimum: number, absentMeans: number): Patch {
    const read = props.number(field);
    const wrong = (read.state === "absent" && absentMeans < minimum) || (read.state === "known" && read.value < minimum);
    return wrong ? { [field]: minimum } : {};
}

/** Sets `field: value` when it holds a string outside `allowed`, or is absent with such a default. */
export function fixOneOf(props: Props, field: string, allowed: readonly string[], value: string, absentMeans: string | undefined): Patch {
    const read = props.string(field);
    const wrong =
        (read.state === "absent" && absentMeans !== undefined && !allowed.includes(absentMeans)) ||
        (read.state === "known" && !allowed.includes(read.value));
    return wrong ? { [field]: value } : {};
}

/**
 * Applies `fix` to the nested block `field` when it is a known map (not a secret, not unknown),
 * returning the whole block with every other value kept as it came.
 */
export function fixBlock(props: Props, field: string, fix: (block: Props) => Patch): Patch {
    if (props.isSecret(field)) return {};
    const read = props.object(field);
    if (read.state !== "known") return {};
    const patch = fix(read.value);
    return Object.keys(patch).length === 0 ? {} : { [field]: { ...read.value.rawCopy(), ...patch } };
}
