// What decides, before any check runs, whether a resource is in scope for a policy: waivers
// (from the policy's config or a tag/label on the resource) and the optional PHI scope. Both are
// ordinary knobs of every policy, so a waiver can only ever name the policy whose config holds it.

import { Knob } from "./knobs";
import { formatOutOfPhiScope, formatWaived } from "./messages";
import { Props } from "./props";

export interface Waiver {
    /** A URN (when it starts with "urn:") or resource name; `*` matches any run of characters. */
    readonly match: string;
    readonly reason: string;
    /** Last day (UTC, inclusive) the waiver holds, as YYYY-MM-DD. */
    readonly expires: string;
}

const datePattern = "^\\d{4}-\\d{2}-\\d{2}$";

function isRealDate(text: string): boolean {
    if (!new RegExp(datePattern).test(text)) return false;
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export const waiversKnob: Knob<readonly Waiver[]> = {
    schema: {
        type: "array",
        description: "Resources exempt from this policy: each needs a URN or name pattern (`*` wildcards), a reason and an expiry date (YYYY-MM-DD, inclusive).",
        items: {
            type: "object",
            properties: {
                match: { type: "string", minLength: 1 },
                reason: { type: "string", minLength: 1 },
                expires: { type: "string", pattern: datePattern },
            },
            required: ["match", "reason", "expires"],
            additionalProperties: false,
        },
        default: [],
    },
    default: [],
    allowed: "a list of { match, reason, expires } entries with a non-empty match and reason and a real YYYY-MM-DD expiry date",
    parse: v => {
        if (!Array.isArray(v)) return undefined;
        const waivers: Waiver[] = [];
        for (const w of v) {
            if (typeof w !== "object" || w === null) return undefined;
            const { match, reason, expires } = w as Record<string, unknown>;
            if (typeof match !== "string" || match.trim() === "") return undefined;
            if (typeof reason !== "string" || reason.trim() === "") return undefined;
            if (typeof expires !== "string" || !isRealDate(expires)) return undefined;
            waivers.push({ match, reason: reason.trim(), expires });
        }
        return waivers;
    },
};

export type PhiScope = "all" | "phi";

export const scopeKnob: Knob<PhiScope> = {
    schema: {
        type: "string",
        enum: ["all", "phi"],
        default: "all",
        description: 'Which resources this policy checks: "all", or only "phi" ones (the stack tag or the resource tag/label hipaa-guard-phi set to "true").',
    },
    default: "all",
    allowed: '"all" or "phi"',
    parse: v => (v === "all" || v === "phi" ? v : undefined),
};

/** The tag (AWS) or label (GCP) key that waives `policy` on one resource; valid in both clouds. */
export function waiverTagKey(policy: string): string {
    return `hipaa-guard-waive-${policy}`;
}
export const phiTagKey = "hipaa-guard-phi";

export type Gate =
    | { readonly kind: "inScope" }
    | { readonly kind: "skip"; readonly reason: string }
    /** A problem with a waiver (expired, malformed) or the PHI tag (neither true nor false): a violation, and the policy still runs. */
    | { readonly kind: "waiverProblem"; readonly problem: string; readonly fix: string };

type GateProblem = Extract<Gate, { kind: "waiverProblem" }>;

const IN_SCOPE: Gate = { kind: "inScope" };

function today(): string {
    return new Date().toISOString().slice(0, 10);
}

function globToRegExp(glob: string): RegExp {
    return new RegExp(`^${glob.split("*").map(part => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}

/** Tags (AWS `tags`) or labels (GCP `labels`) when they are a known map; never throws. */
function tagsOf(props: Props): Props | undefined {
    for (const key of ["tags", "labels"]) {
        const read = props.object(key);
        if (read.state === "known") return read.value;
    }
    return undefined;
}

function tagValue(tags: Props | undefined, key: string): string | undefined {
    if (!tags) return undefined;
    const read = tags.string(key);
    return read.state === "known" ? read.value.trim() : undefined;
}

function waiverOutcome(expires: string, reason: string, source: string): Gate {
    const shortReason = reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
    if (expires < today()) {
        return {
            kind: "waiverProblem",
            problem: `the waiver from ${source} expired on ${expires} (${shortReason}), so this resource is checked again`,
            fix: `fix the resource and remove the waiver, or renew it with a later expiry date`,
        };
    }
    return { kind: "skip", reason: formatWaived(expires, source, shortReason) };
}

/** Tag/label value format: "YYYY-MM-DD_reason" (GCP label values allow only [a-z0-9_-]). */
const tagWaiverPattern = /^(\d{4}-\d{2}-\d{2})[_: ]+(\S.*)$/;

export interface GateInput {
    readonly policy: string;
    readonly urn: string;
    readonly name: string;
    readonly props: Props;
    readonly stackTags: ReadonlyMap<string, string> | undefined;
    readonly waivers: readonly Waiver[];
    readonly scope: PhiScope;
}

/** Decides whether the policy checks this resource, from its waivers and the PHI scope. */
export function gate(input: GateInput): Gate {
    // A hipaa-guard-phi value that is neither true nor false is reported, and the resource checked.
    let phiProblem: GateProblem | undefined;
    if (input.scope === "phi") {
        const mark = marksPhi(input);
        if (mark === "notPhi") return { kind: "skip", reason: formatOutOfPhiScope(`neither the stack nor the resource has the tag/label ${phiTagKey}=true`) };
        if (mark !== "phi") phiProblem = mark;
    }
    for (const w of input.waivers) {
        const target = w.match.startsWith("urn:") ? input.urn : input.name;
        if (globToRegExp(w.match).test(target)) return both(waiverOutcome(w.expires, w.reason, "the policy config"), phiProblem);
    }
    const tagKey = waiverTagKey(input.policy);
    const value = tagValue(tagsOf(input.props), tagKey);
    if (value === undefined) return phiProblem ?? IN_SCOPE;
    const m = tagWaiverPattern.exec(value);
    if (!m || !isRealDate(m[1])) {
        return both(
            {
                kind: "waiverProblem",
                problem: `the tag/label ${tagKey} is not a valid waiver, so it was ignored`,
                fix: `set ${tagKey} to "YYYY-MM-DD_reason" (expiry date, then why)`,
            },
            phiProblem,
        );
    }
    return both(waiverOutcome(m[1], m[2].trim(), `the tag/label ${tagKey}`), phiProblem);
}

/** A waiver's outcome with the PHI tag's problem, if any: a waived resource is not checked, so it has none. */
function both(outcome: Gate, phiProblem: GateProblem | undefined): Gate {
    if (!phiProblem || outcome.kind === "skip") return outcome;
    if (outcome.kind === "inScope") return phiProblem;
    return { kind: "waiverProblem", problem: `${outcome.problem}; ${phiProblem.problem}`, fix: `${outcome.fix}; ${phiProblem.fix}` };
}

/** "true" or "false", any case, around spaces; anything else is not a PHI mark. */
function phiValue(value: string): boolean | undefined {
    const v = value.trim().toLowerCase();
    return v === "true" ? true : v === "false" ? false : undefined;
}

function badPhiMark(where: "stack tag" | "tag/label", owner: "stack" | "resource"): GateProblem {
    // The value itself is never echoed: a tag may hold anything.
    return {
        kind: "waiverProblem",
        problem: `the ${where} ${phiTagKey} is neither "true" nor "false", so this resource is checked as PHI`,
        fix: `set ${phiTagKey} to "true" or "false" on the ${owner}`,
    };
}

/**
 * Whether the stack or the resource marks PHI. A value other than true/false (any case) marks
 * nothing it could be trusted for: the resource is checked as PHI and the problem reported.
 */
function marksPhi(input: GateInput): "phi" | "notPhi" | GateProblem {
    const stackValue = input.stackTags?.get(phiTagKey);
    const stackMark = typeof stackValue === "string" ? phiValue(stackValue) : undefined;
    if (stackMark === true) return "phi";
    if (typeof stackValue === "string" && stackMark === undefined) return badPhiMark("stack tag", "stack");
    // Tags unknown at preview may well mark the resource: check it rather than risk a false pass.
    if (input.props.object("tags").state === "unknown" || input.props.object("labels").state === "unknown") return "phi";
    const read = tagsOf(input.props)?.string(phiTagKey);
    if (!read || read.state === "absent") return "notPhi";
    if (read.state === "unknown") return "phi";
    const mark = read.state === "known" ? phiValue(read.value) : undefined;
    if (mark === undefined) return badPhiMark("tag/label", "resource");
    return mark ? "phi" : "notPhi";
}
