// Logging query language, as far as deciding whether one filter selects every entry another one
// selects: a parser for its Boolean structure (the rules are in facts.ts) and a sound, incomplete
// containment test. "Contains" may answer false for an equivalent rewriting; it never answers true
// for a filter that can select fewer entries, so a metric it accepts counts what CIS's counts.

export type Query =
    | { readonly k: "and" | "or"; readonly items: readonly Query[] }
    | { readonly k: "not"; readonly item: Query }
    /** `field op value`; the value unquoted and lower-cased (string comparisons are not case sensitive). */
    | { readonly k: "cmp"; readonly field: string; readonly op: string; readonly value: string }
    /** A bare value: a global restriction on every field. */
    | { readonly k: "term"; readonly value: string }
    /** A function call (SEARCH, log_id, sample...), compared as written. */
    | { readonly k: "fn"; readonly text: string };

type Token = { readonly t: "(" | ")" | "op" | "word" | "string" | "not"; readonly v: string };

const comparators = ["=~", "!~", "!=", ">=", "<=", "=", ":", ">", "<"];
const wordChar = /[^\s()"'=!:<>~]/;

function tokenize(text: string): Token[] | undefined {
    const out: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) i++;
        else if (text.startsWith("--", i)) while (i < text.length && text[i] !== "\n") i++;
        else if (c === "(" || c === ")") out.push({ t: c, v: c }), i++;
        else if (c === '"' || c === "'") {
            let v = "";
            for (i++; i < text.length && text[i] !== c; i++) v += text[i] === "\\" && i + 1 < text.length ? text[++i] : text[i];
            if (i >= text.length) return undefined; // unterminated string
            out.push({ t: "string", v }), i++;
        } else {
            const op = comparators.find(o => text.startsWith(o, i));
            if (op) {
                out.push({ t: "op", v: op }), (i += op.length);
                continue;
            }
            // A leading - negates what follows it, unless it starts the value after a comparator.
            if (c === "-" && out[out.length - 1]?.t !== "op" && /\S/.test(text[i + 1] ?? " ")) {
                out.push({ t: "not", v: "-" }), i++;
                continue;
            }
            let v = "";
            while (i < text.length && wordChar.test(text[i])) v += text[i++];
            if (v === "") return undefined;
            out.push(v === "NOT" ? { t: "not", v } : { t: "word", v });
        }
    }
    return out;
}

function join(k: "and" | "or", items: Query[]): Query {
    const flat = items.flatMap(q => (q.k === k ? q.items : [q]));
    return flat.length === 1 ? flat[0] : { k, items: flat };
}

/** Recursive descent over AIP-160's grammar: expression = sequence {AND sequence}; sequence = factor {factor}; factor = term {OR term}. */
class Parser {
    private i = 0;
    constructor(private readonly tokens: Token[]) {}

    parse(): Query | undefined {
        const q = this.expression();
        return this.i === this.tokens.length ? q : undefined;
    }

    private peek(): Token | undefined {
        return this.tokens[this.i];
    }
    private isKeyword(v: string): boolean {
        const t = this.peek();
        return t?.t === "word" && t.v === v;
    }

    /** `context` is the field and comparator a parenthesized value list applies to: `f = ("a" OR "b")`. */
    private expression(context?: { field: string; op: string }): Query {
        const items = [this.sequence(context)];
        while (this.isKeyword("AND")) this.i++, items.push(this.sequence(context));
        return join("and", items);
    }
    private sequence(context?: { field: string; op: string }): Query {
        const items = [this.factor(context)];
        for (let t = this.peek(); t && t.t !== ")" && !this.isKeyword("AND") && !this.isKeyword("OR"); t = this.peek()) items.push(this.factor(context));
        return join("and", items);
    }
    private factor(context?: { field: string; op: string }): Query {
        const items = [this.term(context)];
        while (this.isKeyword("OR")) this.i++, items.push(this.term(context));
        return join("or", items);
    }
    private term(context?: { field: string; op: string }): Query {
        if (this.peek()?.t === "not") {
            this.i++;
            return { k: "not", item: this.term(context) };
        }
        return this.simple(context);
    }
    private simple(context?: { field: string; op: string }): Query {
        const t = this.tokens[this.i++];
        if (!t) throw new SyntaxError("expected a term");
        if (t.t === "(") {
            const q = this.expression(context);
            if (this.tokens[this.i++]?.t !== ")") throw new SyntaxError("expected )");
            return q;
        }
        if ((t.t !== "word" && t.t !== "string") || (t.t === "word" && (t.v === "AND" || t.v === "OR"))) throw new SyntaxError("expected a value");
        if (t.t === "word" && this.peek()?.t === "(") return { k: "fn", text: `${t.v}(${this.rawGroup()})` };
        if (context) return { k: "cmp", field: context.field, op: context.op, value: t.v.toLowerCase() };
        const op = this.peek();
        if (op?.t !== "op") return { k: "term", value: t.v.toLowerCase() };
        this.i++;
        const arg = this.tokens[this.i];
        if (arg?.t === "(") {
            this.i++;
            const q = this.expression({ field: t.v, op: op.v });
            if (this.tokens[this.i++]?.t !== ")") throw new SyntaxError("expected )");
            return q;
        }
        this.i++;
        if (arg?.t !== "word" && arg?.t !== "string") throw new SyntaxError("expected a value");
        return { k: "cmp", field: t.v, op: op.v, value: arg.v.toLowerCase() };
    }
    /** A function's arguments, kept as written (the pack never needs to read inside one). */
    private rawGroup(): string {
        let depth = 0;
        const parts: string[] = [];
        do {
            const t = this.tokens[this.i++];
            if (!t) throw new SyntaxError("unbalanced (");
            if (t.t === "(") depth++;
            else if (t.t === ")") depth--;
            parts.push(t.t === "string" ? JSON.stringify(t.v) : t.v);
        } while (depth > 0);
        return parts.slice(1, -1).join(" ");
    }
}

/** The filter's structure, or undefined when it is not a filter this parser can read. */
export function parseQuery(text: string): Query | undefined {
    const tokens = tokenize(text);
    if (!tokens || tokens.length === 0) return undefined;
    try {
        return new Parser(tokens).parse();
    } catch (e) {
        if (e instanceof SyntaxError) return undefined;
        throw e;
    }
}

/** Whether atom `wide` selects every entry atom `narrow` selects. */
function atomCovers(wide: Query, narrow: Query): boolean {
    if (wide.k === "cmp" && narrow.k === "cmp") {
        // `:` (has) selects every entry `=` (equals) does for the same value.
        return wide.field === narrow.field && wide.value === narrow.value && (wide.op === narrow.op || (wide.op === ":" && narrow.op === "="));
    }
    if (wide.k === "term" && narrow.k === "term") return wide.value === narrow.value;
    if (wide.k === "fn" && narrow.k === "fn") return wide.text === narrow.text;
    // NOT a ⊇ NOT b exactly when b ⊇ a.
    if (wide.k === "not" && narrow.k === "not") return covers(narrow.item, wide.item);
    return false;
}

/** Whether `wide` selects every entry `narrow` selects (sound: true only when it is sure). */
export function covers(wide: Query, narrow: Query): boolean {
    if (wide.k === "and") return wide.items.every(w => covers(w, narrow));
    if (narrow.k === "or") return narrow.items.every(n => covers(wide, n));
    if (narrow.k === "and" && narrow.items.some(n => covers(wide, n))) return true;
    if (wide.k === "or" && wide.items.some(w => covers(w, narrow))) return true;
    return atomCovers(wide, narrow);
}

/** Whether the filter `text` selects every entry `reference` selects; false when either cannot be read. */
export function selectsAtLeast(text: string, reference: string): boolean {
    const wide = parseQuery(text);
    const narrow = parseQuery(reference);
    return wide !== undefined && narrow !== undefined && covers(wide, narrow);
}
