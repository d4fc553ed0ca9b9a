// Finding what to check: a Pulumi project directory (Pulumi.yaml, its stacks' Pulumi.<stack>.yaml
// files and the config they set) or a `pulumi stack export` file, resolved the way the Pulumi CLI
// resolves them before it starts a program.

import * as fs from "fs";
import * as path from "path";
import { CheckError, ExitCode, shownPath } from "./errors";
import { isRecord } from "./json";
import { PLACEHOLDER_SECRET } from "./placeholder";

/** One stack of one program, with the config the Pulumi CLI would hand it. */
export interface ProgramTarget {
    readonly kind: "program";
    readonly projectDir: string;
    readonly entry: string;
    readonly project: string;
    readonly stack: string;
    /** PULUMI_CONFIG: fully qualified keys to string values (JSON for structured values). */
    readonly config: Record<string, string>;
    readonly secretKeys: readonly string[];
    /** An ES module program: its package.json says "type": "module". */
    readonly esm: boolean;
    /** Things the user should know about how the stack was checked offline. */
    readonly notes: readonly string[];
}

export interface ExportTarget {
    readonly kind: "export";
    readonly file: string;
}

export type Target = ProgramTarget | ExportTarget;

type Yaml = { load(text: string): unknown };

/** js-yaml, as the Pulumi SDK ships it (the check adds no dependency of its own). */
function yaml(): Yaml {
    const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    return require(require.resolve("js-yaml", { paths: [sdk] }));
}

function readYaml(file: string): Record<string, unknown> {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new CheckError(ExitCode.inputNotFound, `cannot read ${shownPath(file)} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    let parsed: unknown;
    try {
        parsed = yaml().load(text);
    } catch (e) {
        throw new CheckError(ExitCode.inputNotFound, `cannot read ${shownPath(file)}: ${yamlError(e)}`);
    }
    if (parsed === undefined || parsed === null) return {};
    if (typeof parsed !== "object" || Array.isArray(parsed)) throw new CheckError(ExitCode.inputNotFound, `cannot read ${shownPath(file)}: not a YAML mapping`);
    return parsed as Record<string, unknown>;
}

/**
 * Why js-yaml failed, without its message: that carries a code frame of the file, and a stack
 * file's config may hold a secret. Only the reason and the line:column (1-based) are shown.
 */
function yamlError(e: unknown): string {
    const err = e as { reason?: unknown; mark?: { line?: unknown; column?: unknown } } | undefined;
    const reason = typeof err?.reason === "string" && err.reason !== "" ? err.reason : "not valid YAML";
    const mark = err?.mark;
    return typeof mark?.line === "number" && typeof mark.column === "number" ? `${reason} at line ${mark.line + 1}, column ${mark.column + 1}` : reason;
}

/**
 * The targets a command-line argument names: a stack export file, or every stack of a program
 * directory (only `stack` when given).
 */
export function resolveTargets(arg: string, stack?: string, base = process.cwd()): Target[] {
    const target = path.resolve(base, arg);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(target);
    } catch {
        throw new CheckError(ExitCode.inputNotFound, `${arg}: no such file or directory`);
    }
    if (stat.isFile()) return [{ kind: "export", file: target }];
    if (!stat.isDirectory()) throw new CheckError(ExitCode.inputNotFound, `${arg}: not a directory or a stack export file`);
    return programTargets(target, arg, stack);
}

function programTargets(dir: string, arg: string, onlyStack?: string): ProgramTarget[] {
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map(f => path.join(dir, f)).find(f => fs.existsSync(f));
    const packageJson = readPackageJson(dir);
    const project = projectFile ? readYaml(projectFile) : {};
    if (projectFile) {
        const runtime = isRecord(project.runtime) ? project.runtime.name : project.runtime;
        if (runtime !== "nodejs") {
            throw new CheckError(ExitCode.inputNotFound, `${arg}: runtime is ${JSON.stringify(runtime)}, but the offline check runs Node.js (TypeScript/JavaScript) programs only`);
        }
    }
    const name = typeof project.name === "string" && project.name !== "" ? project.name : typeof packageJson.name === "string" ? packageJson.name.replace(/^@[^/]+\//, "") : path.basename(dir);
    const entry = typeof project.main === "string" && project.main !== "" ? path.resolve(dir, project.main) : dir;
    if (!hasProgram(entry)) {
        throw new CheckError(ExitCode.inputNotFound, `${arg}: no Pulumi program there (expected ${projectFile ? "the Pulumi.yaml main file" : "an index.ts or index.js"} at ${shownPath(entry)})`);
    }

    const configDir = typeof project.stackConfigDir === "string" ? path.resolve(dir, project.stackConfigDir) : dir;
    const stackFiles = projectFile ? stackFilesIn(configDir) : new Map<string, string>();
    let stacks: string[];
    if (onlyStack !== undefined) {
        // A mistyped --stack would otherwise be checked with the project defaults only, and pass.
        if (stackFiles.size > 0 && !stackFiles.has(onlyStack)) {
            throw new CheckError(ExitCode.inputNotFound, `${arg}: no stack ${onlyStack} (no Pulumi.${onlyStack}.yaml); its stacks are ${[...stackFiles.keys()].sort().join(", ")}`);
        }
        stacks = [onlyStack];
    } else stacks = stackFiles.size > 0 ? [...stackFiles.keys()].sort() : ["dev"];

    return stacks.map(stack => {
        const notes: string[] = [];
        const file = stackFiles.get(stack) ?? path.join(configDir, `Pulumi.${stack}.yaml`);
        const stackFile = projectFile && fs.existsSync(file) ? readYaml(file) : undefined;
        if (projectFile && !stackFile) notes.push(`no Pulumi.${stack}.yaml: checked with the project's config defaults only`);
        const config = assembleConfig(name, stack, project.config, stackFile, notes);
        return { kind: "program", projectDir: dir, entry, project: name, stack, config: config.values, secretKeys: config.secretKeys, esm: packageJson.type === "module", notes };
    });
}

function readPackageJson(dir: string): Record<string, unknown> {
    try {
        const parsed = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        return isRecord(parsed) ? parsed : {};
    } catch {
        return {};
    }
}

/** Whether Node (with TypeScript registered) can load a program from `entry`. */
function hasProgram(entry: string): boolean {
    const candidates = [entry, `${entry}.ts`, `${entry}.js`];
    for (const c of candidates) {
        if (!fs.existsSync(c)) continue;
        if (fs.statSync(c).isFile()) return true;
        const main = readPackageJson(c).main;
        if (typeof main === "string" && hasProgram(path.resolve(c, main))) return true;
        if (["index.ts", "index.js"].some(f => fs.existsSync(path.join(c, f)))) return true;
    }
    return false;
}

function stackFilesIn(dir: string): Map<string, string> {
    const stacks = new Map<string, string>();
    let names: string[] = [];
    try {
        names = fs.readdirSync(dir);
    } catch {
        return stacks;
    }
    for (const f of names) {
        const m = /^Pulumi\.(.+)\.ya?ml$/.exec(f);
        if (m) stacks.set(m[1], path.join(dir, f));
    }
    return stacks;
}

/**
 * The config the CLI passes a program: the project's declared defaults overlaid with the stack
 * file's values. An encrypted (`secure:`) value cannot be decrypted offline; it and a declared
 * secret with no value are replaced by a placeholder secret (the check never needs the real one).
 */
function assembleConfig(
    project: string,
    stack: string,
    declared: unknown,
    stackFile: Record<string, unknown> | undefined,
    notes: string[],
): { values: Record<string, string>; secretKeys: string[] } {
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);

    const required: { key: string; secret: boolean }[] = [];
    for (const [key, decl] of Object.entries(isRecord(declared) ? declared : {})) {
        const full = qualify(key);
        if (!isRecord(decl)) {
            if (decl !== null && decl !== undefined) values[full] = asConfigString(decl);
            continue;
        }
        const value = "value" in decl ? decl.value : decl.default;
        if (value !== undefined && value !== null) values[full] = asConfigString(value);
        else required.push({ key: full, secret: decl.secret === true });
        if (decl.secret === true) secretKeys.add(full);
    }

    const stackConfig = stackFile && isRecord(stackFile.config) ? stackFile.config : {};
    for (const [key, value] of Object.entries(stackConfig)) {
        const full = qualify(key);
        let encrypted = false;
        const plain = replaceSecure(value, () => (encrypted = true));
        if (plain === undefined || plain === null) continue;
        values[full] = asConfigString(plain);
        if (encrypted) {
            secretKeys.add(full);
            notes.push(`secret config ${full} is encrypted and is not decrypted offline: a placeholder secret stands in for it`);
        }
    }
    if (stackFile && stackFile.environment !== undefined) {
        notes.push("the stack's ESC environments (environment:) are not resolved offline: their config is missing");
    }

    for (const { key, secret } of required) {
        if (key in values) continue;
        if (!secret) {
            throw new CheckError(ExitCode.programFailed, `stack ${stack} is missing configuration value '${key}': set it in Pulumi.${stack}.yaml (pulumi config set ${key.replace(`${project}:`, "")} <value> --stack ${stack})`);
        }
        values[key] = PLACEHOLDER_SECRET;
        secretKeys.add(key);
        notes.push(`secret config ${key} is not set: a placeholder secret stands in for it`);
    }
    return { values, secretKeys: [...secretKeys] };
}

function replaceSecure(value: unknown, onSecure: () => void): unknown {
    if (isRecord(value)) {
        if (Object.keys(value).length === 1 && typeof value.secure === "string") {
            onSecure();
            return PLACEHOLDER_SECRET;
        }
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSecure(v, onSecure)]));
    }
    if (Array.isArray(value)) return value.map(v => replaceSecure(v, onSecure));
    return value;
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}
