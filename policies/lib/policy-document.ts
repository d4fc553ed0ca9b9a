// IAM-style policy documents (IAM identity policies, S3 bucket policies, KMS key policies, AWS Backup
// vault policies) as a check reads them: a JSON string or an object, `Statement` one object or a
// list, `Action`/`NotAction` and `Resource`/`NotResource` one value or a list, with IAM's wildcards,
// any part of it unknown at preview (a document from `aws.iam.getPolicyDocumentOutput` is unknown as
// a whole). Nothing here decides compliance; it says what is known, so a check can tell "no such
// statement" from "a statement we cannot read yet" (undecided, never a false alarm). A JSON string
// is parsed once: the policies that read the same document share the parse.

import { classify, isUnknown, Props } from "./props";

/** A list-or-single string field (`Action`, `Resource`): its known values, and whether any is unknown. */
export interface Values {
    readonly known: readonly string[];
    readonly unknown: boolean;
    /** The field is absent. */
    readonly absent: boolean;
}

export interface Statement {
    /** "Allow" or "Deny" when known; undefined when unknown or not a string. */
    readonly effect: string | undefined;
    readonly effectUnknown: boolean;
    readonly principal: Principal;
    readonly notPrincipal: boolean;
    readonly action: Values;
    readonly notAction: boolean;
    /** The `NotAction` values (absent when the statement names `Action`). */
    readonly notActions: Values;
    readonly resource: Values;
    readonly notResource: boolean;
    /** The `NotResource` values (absent when the statement names `Resource`). */
    readonly notResources: Values;
    /** The statement's position in `Statement` (0 for a single statement object), for messages. */
    readonly index: number;
    /** The Condition block, when it is a known object; "unknown" when it is; undefined when absent. */
    readonly condition: Props | "unknown" | undefined;
}

/** Who a statement applies to: everyone (`*`, `{ AWS: "*" }`), someone named, or not known yet. */
export type Principal = "everyone" | "named" | "unknown" | "absent";

export type Document =
    | { readonly state: "known"; readonly statements: readonly Statement[]; readonly partial: boolean }
    | { readonly state: "absent" }
    | { readonly state: "unknown" }
    /** Not JSON, or not a policy document: the provider would reject it. */
    | { readonly state: "invalid" };

function values(raw: unknown): Values {
    if (raw === undefined || raw === null) return { known: [], unknown: false, absent: true };
    if (isUnknown(raw)) return { known: [], unknown: true, absent: false };
    const list = Array.isArray(raw) ? raw : [raw];
    const known: string[] = [];
    let unknown = false;
    for (const v of list) {
        if (typeof v === "string" && !isUnknown(v)) known.push(v);
        else unknown = true; // an unknown element, or one the provider would reject: not a value we can match
    }
    return { known, unknown, absent: false };
}

function principal(raw: unknown): Principal {
    if (raw === undefined || raw === null) return "absent";
    if (isUnknown(raw)) return "unknown";
    if (raw === "*") return "everyone";
    if (typeof raw === "string") return "named";
    const p = classify(raw, "object");
    if (p.state !== "known") return "unknown";
    let unknown = false;
    for (const key of p.value.keys()) {
        const v = values(p.value.raw(key));
        if (key === "AWS" && v.known.includes("*")) return "everyone";
        if (v.unknown) unknown = true;
    }
    return unknown ? "unknown" : "named";
}

function statement(s: Props, index: number): Statement {
    const effect = s.string("Effect");
    const condition = s.object("Condition");
    return {
        effect: effect.state === "known" ? effect.value : undefined,
        effectUnknown: effect.state === "unknown",
        principal: s.has("NotPrincipal") ? "named" : principal(s.raw("Principal")),
        notPrincipal: s.has("NotPrincipal"),
        action: values(s.raw("Action")),
        notAction: s.has("NotAction"),
        notActions: values(s.raw("NotAction")),
        resource: values(s.raw("Resource")),
        notResource: s.has("NotResource"),
        notResources: values(s.raw("NotResource")),
        index,
        condition: condition.state === "known" ? condition.value : condition.state === "absent" ? undefined : "unknown",
    };
}

// The documents last read from JSON strings: every policy that reads one resource's document (the
// IAM policies read each identity policy four times) gets the same parse. Bounded, oldest dropped.
const parsed = new Map<string, Document>();
const parsedLimit = 64;

/** Reads a policy document from a property value (string or object). */
export function readDocument(raw: unknown): Document {
    if (raw === undefined || raw === null) return { state: "absent" };
    if (isUnknown(raw)) return { state: "unknown" };
    if (typeof raw !== "string") return readObject(raw);
    if (raw.trim() === "") return { state: "absent" };
    const cached = parsed.get(raw);
    if (cached) return cached;
    let doc: Document;
    try {
        doc = readObject(JSON.parse(raw));
    } catch {
        doc = { state: "invalid" };
    }
    if (parsed.size >= parsedLimit) parsed.delete(parsed.keys().next().value as string);
    parsed.set(raw, doc);
    return doc;
}

function readObject(doc: unknown): Document {
    const read = classify(doc, "object");
    if (read.state !== "known") return read.state === "unknown" ? { state: "unknown" } : { state: "invalid" };
    const rawStatements = read.value.raw("Statement");
    if (rawStatements === undefined || rawStatements === null) return { state: "invalid" };
    if (isUnknown(rawStatements)) return { state: "unknown" };
    const list: unknown[] = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
    const statements: Statement[] = [];
    let partial = false;
    for (const [i, item] of list.entries()) {
        const s = classify(item, "object");
        if (s.state === "known") statements.push(statement(s.value, i));
        else if (s.state === "unknown") partial = true;
        else if (s.state === "wrongType") return { state: "invalid" };
    }
    return { state: "known", statements, partial };
}

/**
 * IAM wildcard matching: `*` matches any run of characters (none included), `?` any one character.
 * No regular expression is built, so matching costs nothing to set up per call.
 */
export function wildcardMatches(pattern: string, value: string, caseInsensitive = false): boolean {
    const p = caseInsensitive ? pattern.toLowerCase() : pattern;
    const v = caseInsensitive ? value.toLowerCase() : value;
    let pi = 0;
    let vi = 0;
    let star = -1;
    let resume = 0;
    while (vi < v.length) {
        if (pi < p.length && (p[pi] === "?" || p[pi] === v[vi])) {
            pi++;
            vi++;
        } else if (pi < p.length && p[pi] === "*") {
            star = pi++;
            resume = vi;
        } else if (star >= 0) {
            pi = star + 1;
            vi = ++resume;
        } else {
            return false;
        }
    }
    while (pi < p.length && p[pi] === "*") pi++;
    return pi === p.length;
}

/** IAM action matching: `s3:*`, `s3:Get*`, `*` match case-insensitively (action names are). */
export function actionMatches(pattern: string, action: string): boolean {
    return wildcardMatches(pattern, action, true);
}

/** Whether any known action of the statement matches `action`. */
export function allowsAction(values: Values, action: string): boolean {
    return values.known.some(p => actionMatches(p, action));
}

/** A condition's value for `operator`/`key` (keys compare case-insensitively, as IAM does). */
export function conditionValues(condition: Props, operator: string, key: string): Values | undefined {
    for (const op of condition.keys()) {
        if (op.toLowerCase() !== operator.toLowerCase()) continue;
        const block = condition.object(op);
        if (block.state === "unknown") return { known: [], unknown: true, absent: false };
        if (block.state !== "known") continue;
        for (const k of block.value.keys()) {
            if (k.toLowerCase() !== key.toLowerCase()) continue;
            const raw = block.value.raw(k);
            // JSON booleans are accepted for Bool conditions; read them as IAM does, as strings.
            return values(typeof raw === "boolean" ? String(raw) : Array.isArray(raw) ? raw.map(v => (typeof v === "boolean" ? String(v) : v)) : raw);
        }
    }
    return undefined;
}

/** A three-way answer about a statement: a value unknown at preview leaves it open. */
export type Tri = "yes" | "no" | "unknown";

/** Whether the statement's effect is Allow. */
export function isAllow(s: Statement): Tri {
    if (s.effectUnknown) return "unknown";
    return s.effect === "Allow" ? "yes" : "no";
}

/**
 * Whether the statement's actions include `action`: an `Action` pattern matches it, or (for
 * `NotAction`, which names what the statement leaves out) no `NotAction` pattern does.
 */
export function coversAction(s: Statement, action: string): Tri {
    if (s.notAction) {
        if (s.notActions.known.some(p => actionMatches(p, action))) return "no";
        return s.notActions.unknown ? "unknown" : "yes";
    }
    if (s.action.known.some(p => actionMatches(p, action))) return "yes";
    return s.action.unknown ? "unknown" : "no";
}

/** Whether some `Resource` value passes `test` (a `NotResource` statement is the caller's to judge). */
export function someResource(s: Statement, test: (resource: string) => boolean): Tri {
    if (s.resource.known.some(test)) return "yes";
    return s.resource.unknown ? "unknown" : "no";
}

/** Both must hold: "no" wins, then "unknown". */
export function both(a: Tri, b: Tri): Tri {
    if (a === "no" || b === "no") return "no";
    return a === "unknown" || b === "unknown" ? "unknown" : "yes";
}
