// IAM-style policy documents (S3 bucket policies, AWS Backup vault policies) as a check reads them:
// a JSON string or an object, `Statement` one object or a list, any part of it unknown at preview.
// Nothing here decides compliance; it says what is known, so a check can tell "no such statement"
// from "a statement we cannot read yet" (undecided, never a false alarm).

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
    readonly resource: Values;
    readonly notResource: boolean;
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

function statement(s: Props): Statement {
    const effect = s.string("Effect");
    const condition = s.object("Condition");
    return {
        effect: effect.state === "known" ? effect.value : undefined,
        effectUnknown: effect.state === "unknown",
        principal: s.has("NotPrincipal") ? "named" : principal(s.raw("Principal")),
        notPrincipal: s.has("NotPrincipal"),
        action: values(s.raw("Action")),
        notAction: s.has("NotAction"),
        resource: values(s.raw("Resource")),
        notResource: s.has("NotResource"),
        condition: condition.state === "known" ? condition.value : condition.state === "absent" ? undefined : "unknown",
    };
}

/** Reads a policy document from a property value (string or object). */
export function readDocument(raw: unknown): Document {
    if (raw === undefined || raw === null) return { state: "absent" };
    if (isUnknown(raw)) return { state: "unknown" };
    let doc: unknown = raw;
    if (typeof raw === "string") {
        if (raw.trim() === "") return { state: "absent" };
        try {
            doc = JSON.parse(raw);
        } catch {
            return { state: "invalid" };
        }
    }
    const read = classify(doc, "object");
    if (read.state !== "known") return read.state === "unknown" ? { state: "unknown" } : { state: "invalid" };
    const rawStatements = read.value.raw("Statement");
    if (rawStatements === undefined || rawStatements === null) return { state: "invalid" };
    if (isUnknown(rawStatements)) return { state: "unknown" };
    const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
    const statements: Statement[] = [];
    let partial = false;
    for (const item of list) {
        const s = classify(item, "object");
        if (s.state === "known") statements.push(statement(s.value));
        else if (s.state === "unknown") partial = true;
        else if (s.state === "wrongType") return { state: "invalid" };
    }
    return { state: "known", statements, partial };
}

/** IAM action matching: `s3:*`, `s3:Get*`, `*` match case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i");
    return re.test(action);
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
