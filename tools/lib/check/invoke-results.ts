// Plausible results for data sources (invokes) a program awaits as Promises, offline. At
// `pulumi preview` the engine asks the cloud; offline there is no cloud, and a Promise cannot hold
// an unknown, so the program gets a value of the shape its provider package declares for the
// function's result (the `Get...Result` interface in the package's .d.ts files): every required
// field set, lists non-empty, ids and names strings, inputs echoed back where the result repeats
// them. The provider's files are read as text, never loaded: this runs in the program's process.
//
// The Output forms (`getVpcOutput(...)`) stay unknown, as at preview when an input is unknown.

import * as fs from "fs";
import * as path from "path";
import type * as TS from "typescript";

/** What one invoke was answered with, for the run's notes and error messages. */
export interface InvokeAnswer {
    readonly token: string;
    /** The .d.ts the shape came from, or undefined when none was found (the result is then empty). */
    readonly declaredIn?: string;
}

/** How many elements a placeholder list holds: enough for programs that take the first two or three. */
const LIST_LENGTH = 3;
/** Nested object types are followed this deep; past it an object is left empty. */
const MAX_DEPTH = 4;

let tsModule: typeof TS | undefined;
function ts(): typeof TS {
    // The check's own TypeScript (a dev dependency of hipaa-guard), loaded only when an invoke needs it.
    tsModule ??= require("typescript") as typeof TS;
    return tsModule;
}

const parsed = new Map<string, TS.SourceFile | undefined>();
function parse(file: string): TS.SourceFile | undefined {
    if (!parsed.has(file)) {
        let text: string | undefined;
        try {
            text = fs.readFileSync(file, "utf8");
        } catch {
            text = undefined;
        }
        parsed.set(file, text === undefined ? undefined : ts().createSourceFile(file, text, ts().ScriptTarget.Latest, false));
    }
    return parsed.get(file);
}

/**
 * The .d.ts that declares the function behind `token` ("aws:ec2/getVpc:getVpc"): next to the
 * provider's JavaScript file that made the call (from `callerFiles`, innermost first), else in the
 * package of the token's name resolved from the program (`@pulumi/<name>`), at the token's module path.
 */
export function declarationFile(token: string, callerFiles: readonly string[], projectDir: string): string | undefined {
    const fn = functionName(token);
    if (!fn) return undefined;
    for (const file of callerFiles) {
        const dts = file.replace(/\.js$/, ".d.ts");
        if (dts !== file && declaresFunction(dts, fn)) return dts;
    }
    const [pkg, mod] = token.split(":");
    let pkgDir: string;
    try {
        pkgDir = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [projectDir] }));
    } catch {
        return undefined;
    }
    const modDir = mod.split("/")[0];
    for (const candidate of [path.join(pkgDir, ...(modDir === "index" ? [] : [modDir]), `${fn}.d.ts`), path.join(pkgDir, `${mod}.d.ts`)]) {
        if (declaresFunction(candidate, fn)) return candidate;
    }
    return undefined;
}

function functionName(token: string): string | undefined {
    const parts = token.split(":");
    return parts.length === 3 && parts[2] !== "" ? parts[2] : undefined;
}

function declaresFunction(file: string, fn: string): boolean {
    return resultTypeName(file, fn) !== undefined;
}

/** The `X` of `export declare function fn(...): Promise<X>` in `file`. */
function resultTypeName(file: string, fn: string): string | undefined {
    const sf = fs.existsSync(file) ? parse(file) : undefined;
    if (!sf) return undefined;
    const t = ts();
    for (const st of sf.statements) {
        if (!t.isFunctionDeclaration(st) || st.name?.text !== fn || !st.type || !t.isTypeReferenceNode(st.type)) continue;
        if (st.type.typeName.getText(sf) !== "Promise" || st.type.typeArguments?.length !== 1) continue;
        const arg = st.type.typeArguments[0];
        if (t.isTypeReferenceNode(arg)) return arg.typeName.getText(sf);
    }
    return undefined;
}

/**
 * The placeholder result of `token` called with `inputs`: the declared result's required fields
 * (and the optional ones the inputs give), or `{}` when no declaration was found.
 */
export function placeholderResult(token: string, inputs: Record<string, unknown>, callerFiles: readonly string[], projectDir: string): { result: Record<string, unknown>; answer: InvokeAnswer } {
    const file = declarationFile(token, callerFiles, projectDir);
    const fn = functionName(token);
    const typeName = file && fn ? resultTypeName(file, fn) : undefined;
    const iface = file && typeName ? findInterface(file, typeName) : undefined;
    if (!iface) return { result: {}, answer: { token } };
    const value = objectValue(iface, inputs, 0, functionName(token)!);
    return { result: value, answer: { token, declaredIn: file } };
}

interface Located {
    readonly file: string;
    readonly node: TS.InterfaceDeclaration;
}

/** An interface by name: `Name` in `file`, or `alias.ns.Name` through `import * as alias from "..."` in it. */
function findInterface(file: string, name: string): Located | undefined {
    const sf = parse(file);
    if (!sf) return undefined;
    const t = ts();
    const parts = name.split(".");
    if (parts.length === 1) {
        const node = sf.statements.find((s): s is TS.InterfaceDeclaration => t.isInterfaceDeclaration(s) && s.name.text === name);
        return node ? { file, node } : undefined;
    }
    const [alias, ...rest] = parts;
    for (const st of sf.statements) {
        if (!t.isImportDeclaration(st) || !st.importClause?.namedBindings || !t.isNamespaceImport(st.importClause.namedBindings)) continue;
        if (st.importClause.namedBindings.name.text !== alias || !t.isStringLiteral(st.moduleSpecifier)) continue;
        const target = path.resolve(path.dirname(file), st.moduleSpecifier.text);
        const targetFile = [`${target}.d.ts`, path.join(target, "index.d.ts")].find(f => fs.existsSync(f));
        if (!targetFile) return undefined;
        return inNamespaces(targetFile, parse(targetFile)!.statements, rest);
    }
    return undefined;
}

function inNamespaces(file: string, statements: readonly TS.Statement[], parts: readonly string[]): Located | undefined {
    const t = ts();
    if (parts.length === 1) {
        const node = statements.find((s): s is TS.InterfaceDeclaration => t.isInterfaceDeclaration(s) && s.name.text === parts[0]);
        return node ? { file, node } : undefined;
    }
    for (const st of statements) {
        if (t.isModuleDeclaration(st) && st.name.text === parts[0] && st.body && t.isModuleBlock(st.body)) return inNamespaces(file, st.body.statements, parts.slice(1));
    }
    return undefined;
}

function objectValue(iface: Located, inputs: Record<string, unknown>, depth: number, hint: string): Record<string, unknown> {
    const t = ts();
    const out: Record<string, unknown> = {};
    const sf = parse(iface.file)!;
    for (const member of iface.node.members) {
        if (!t.isPropertySignature(member) || !member.type || !(t.isIdentifier(member.name) || t.isStringLiteral(member.name))) continue;
        const key = member.name.text;
        if (key in inputs && inputs[key] !== undefined) {
            out[key] = inputs[key];
            continue;
        }
        if (member.questionToken) continue; // optional: absent, as when the caller did not set it
        const value = typeValue(member.type, iface.file, sf, depth, key || hint, 0);
        if (value !== undefined) out[key] = value;
    }
    return out;
}

function typeValue(type: TS.TypeNode, file: string, sf: TS.SourceFile, depth: number, key: string, index: number): unknown {
    const t = ts();
    switch (type.kind) {
        case t.SyntaxKind.StringKeyword:
            return stringValue(key, index);
        case t.SyntaxKind.NumberKeyword:
            return index + 1;
        case t.SyntaxKind.BooleanKeyword:
            return false;
    }
    if (t.isArrayTypeNode(type)) {
        const items: unknown[] = [];
        for (let i = 0; i < LIST_LENGTH; i++) items.push(typeValue(type.elementType, file, sf, depth, singular(key), i));
        return items.some(v => v === undefined) ? [] : items;
    }
    if (t.isParenthesizedTypeNode(type)) return typeValue(type.type, file, sf, depth, key, index);
    if (t.isTypeLiteralNode(type)) return {}; // maps ({[key: string]: string}): no entries
    if (t.isUnionTypeNode(type)) {
        const first = type.types.find(u => u.kind !== t.SyntaxKind.UndefinedKeyword && u.kind !== t.SyntaxKind.NullKeyword);
        return first ? typeValue(first, file, sf, depth, key, index) : undefined;
    }
    if (t.isLiteralTypeNode(type)) {
        if (t.isStringLiteral(type.literal)) return type.literal.text;
        if (t.isNumericLiteral(type.literal)) return Number(type.literal.text);
        return type.literal.kind === t.SyntaxKind.TrueKeyword;
    }
    if (t.isTypeReferenceNode(type)) {
        const name = type.typeName.getText(sf);
        if (name === "Record") return {};
        if (depth >= MAX_DEPTH) return {};
        const nested = findInterface(file, name);
        return nested ? objectValue(nested, {}, depth + 1, key) : undefined;
    }
    return undefined;
}

/**
 * A string that reads as what it stands for: ARNs look like ARNs, CIDR blocks parse, everything
 * else names its field, and list elements differ.
 */
function stringValue(key: string, index: number): string {
    const n = index + 1;
    if (/cidr/i.test(key)) return `10.${index}.0.0/16`;
    if (/arn$/i.test(key)) return `arn:aws:offline:us-east-1:000000000000:placeholder-${key}-${n}`;
    return `offline-${key.replace(/[^A-Za-z0-9]+/g, "-")}-${n}`;
}

function singular(key: string): string {
    return key.endsWith("ies") ? `${key.slice(0, -3)}y` : key.endsWith("s") ? key.slice(0, -1) : key;
}
