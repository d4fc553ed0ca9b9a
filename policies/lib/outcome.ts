// What one check on one resource concluded. A policy returns these; the shared reporter turns
// them into SDK diagnostics, so no policy formats or reports anything on its own.

export type Outcome =
    | { readonly kind: "pass" }
    | { readonly kind: "violation"; readonly problem: string; readonly fix: string }
    /** A value the check needs is unknown at preview: never a violation, checked again at `pulumi up`. */
    | { readonly kind: "undecided"; readonly field: string }
    | { readonly kind: "notApplicable"; readonly reason: string };

export const pass: Outcome = { kind: "pass" };

/** `problem` says what is wrong (never echoing free-form text); `fix` names the property and value. */
export function violation(problem: string, fix: string): Outcome {
    return { kind: "violation", problem, fix };
}

export function undecided(field: string): Outcome {
    return { kind: "undecided", field };
}

export function notApplicable(reason: string): Outcome {
    return { kind: "notApplicable", reason };
}
