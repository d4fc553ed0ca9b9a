// What one check on one resource concluded. A policy returns these; the shared reporter turns
// them into SDK diagnostics, so no policy formats or reports anything on its own.
//
// Every violation carries a code and the property path it is about, so tests (and anything else
// that reads outcomes) assert what was found rather than how it was worded.

/** Why a value violates a rule. Policy-specific findings use a code of their own. */
export type ViolationCode =
    /** The property is omitted and the provider's default is not compliant. */
    | "absentDefault"
    /** A required value (an id, ARN or key) is not set. */
    | "notSet"
    /** A known value of the right type that the rule does not accept. */
    | "notAllowed"
    /** A string that is none of the property's documented values. */
    | "unrecognised"
    | "belowMinimum"
    | "aboveMaximum"
    | "wrongType"
    /** Anything a policy names itself (e.g. "standaloneRedis"). */
    | (string & {});

export interface Violation {
    readonly kind: "violation";
    readonly code: ViolationCode;
    /** The property path the finding is about ("" when it is about the resource as a whole). */
    readonly field: string;
    /** What is wrong, never echoing free-form text. */
    readonly problem: string;
    /** The property and value that fix it. */
    readonly fix: string;
}

export type Outcome =
    | { readonly kind: "pass" }
    | Violation
    /** A value the check needs is unknown at preview: never a violation, checked again at `pulumi up`. */
    | { readonly kind: "undecided"; readonly field: string }
    | { readonly kind: "notApplicable"; readonly reason: string };

export const pass: Outcome = { kind: "pass" };

export function violation(o: { code: ViolationCode; field?: string; problem: string; fix: string }): Violation {
    return { kind: "violation", code: o.code, field: o.field ?? "", problem: o.problem, fix: o.fix };
}

export function undecided(field: string): Outcome {
    return { kind: "undecided", field };
}

export function notApplicable(reason: string): Outcome {
    return { kind: "notApplicable", reason };
}

const outcomeKinds: ReadonlySet<unknown> = new Set(["pass", "violation", "undecided", "notApplicable"]);

/** Tells an outcome from the value a helper returns when it could read one (`T | Outcome`). */
export function isOutcome<T>(value: T | Outcome): value is Outcome {
    return typeof value === "object" && value !== null && outcomeKinds.has((value as { kind?: unknown }).kind);
}
