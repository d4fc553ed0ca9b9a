// Runs one Pulumi program under the SDK's mocks, in preview mode, in a process of its own (mocks
// are global state), and reports every resource it registered to the parent over IPC.
//
// The program gets the same @pulumi/pulumi module it would get under `pulumi preview` (resolved
// from its own directory), the stack's config in PULUMI_CONFIG, and a mock monitor that behaves like
// the engine at preview: a new resource's inputs come back as its outputs and everything the cloud
// would compute (ids, ARNs) stays unknown. A data source (invoke) has no cloud account to read:
// its Output form is unknown, and its Promise form, which cannot hold an unknown, gets a placeholder
// of the result type the provider declares (invoke-results.ts). What the program sent is captured from the raw
// RegisterResource request, so unknowns, secrets (nested ones included) and property dependencies
// reach the pack exactly as the engine would forward them.

import { AsyncLocalStorage } from "async_hooks";
import * as fs from "fs";
import * as path from "path";
import { inspect } from "util";
import { ROOT_STACK_TYPE } from "./capture";
import { InvokeAnswer, placeholderResult } from "./invoke-results";
import { PLACEHOLDER_SECRET } from "./placeholder";
import { register as registerHooks } from "module";
import { fileURLToPath, pathToFileURL } from "url";
import { compareVersions, MIN_SDK_VERSION } from "./sdk-version";
import type { CapturedResource, LostResource, RunnerRequest, RunnerResponse, SourcePosition } from "./protocol";

const request: RunnerRequest = JSON.parse(process.env.HIPAA_GUARD_RUNNER_REQUEST ?? "null");

/** A registration as the mock monitor saw it: URNs are the mock's until rewritten. */
interface Registration extends Omit<CapturedResource, "urn" | "parent"> {
    readonly mockParent: string;
    mockUrn?: string;
    /** Why the mock monitor refused it, when it did. */
    error?: string;
}
let answered = false;

/** Every data source the program called, in order, and what it was answered with. */
const invokeAnswers: InvokeAnswer[] = [];

function answer(response: RunnerResponse): void {
    if (answered) return;
    answered = true;
    process.send!(response, () => process.exit(0));
}

function fail(kind: "input" | "program", message: string): void {
    answer({ ok: false, kind, message: kind === "program" ? message + invokeContext() : message });
}

/**
 * When a program fails after data sources were answered offline, which ones: a placeholder or an
 * empty result is the likeliest cause of "Cannot read properties of undefined".
 */
function invokeContext(): string {
    if (invokeAnswers.length === 0) return "";
    const empty = unique(invokeAnswers.filter(a => !a.declaredIn).map(a => a.token));
    const placeholders = unique(invokeAnswers.filter(a => a.declaredIn).map(a => a.token));
    const parts: string[] = [];
    if (empty.length > 0) parts.push(`answered with an empty result (no declared result type found): ${listed(empty)}`);
    if (placeholders.length > 0) parts.push(`answered with placeholder values of their declared result: ${listed(placeholders)}`);
    return `; offline, data sources ${parts.join("; ")}`;
}

function unique(xs: string[]): string[] {
    return [...new Set(xs)];
}

function listed(xs: string[], max = 3): string {
    return xs.length <= max ? xs.join(", ") : `${xs.slice(0, max).join(", ")} and ${xs.length - max} more`;
}

/** A logged SDK error without its stack: its message lines, and where in the user's code, when the stack says. */
function withoutStack(message: string): string {
    const lines = message.split(/\r?\n/);
    const firstFrame = lines.findIndex(l => /^\s+at\s/.test(l));
    const text = (firstFrame < 0 ? lines : lines.slice(0, firstFrame)).join(" ");
    const where = firstFrame < 0 ? undefined : userFrame(lines.slice(firstFrame - 1).join("\n"));
    return `${text.trim()}${where ? ` (at ${where})` : ""}`;
}

/** The error's message plus where in the user's code it was thrown, when the stack says so. */
function describeError(err: unknown): string {
    if (err instanceof Error) {
        const typeErrors = err.message.includes("Unable to compile TypeScript") ? typeScriptErrors(err.message) : undefined;
        if (typeErrors) return typeErrors;
    } else if (err !== null && typeof err === "object") {
        // ts-node's TSError thrown in the ES module hooks' thread reaches this one as an object
        // that only knows how to print its diagnostics.
        return typeScriptErrors(inspect(err)) ?? "the program threw an object that is not an Error";
    } else return `the program threw ${typeof err === "string" ? JSON.stringify(err) : typeof err}`;
    const name = err.name && err.name !== "Error" && !err.message.startsWith(err.name) ? `${err.name}: ` : "";
    const where = userFrame(err.stack ?? "");
    return `${name}${err.message}${where ? ` (at ${where})` : ""}`;
}

/**
 * ts-node's "Unable to compile TypeScript" (a type error, as pulumi preview reports it) as one
 * line: the first error at file:line:column, and how many more there are.
 */
function typeScriptErrors(message: string): string | undefined {
    const errors = message
        .split(/\r?\n/)
        .map(line => /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim()))
        .filter((m): m is RegExpExecArray => m !== null);
    if (errors.length === 0) return undefined;
    const [, file, line, column, code, text] = errors[0];
    const shown = path.isAbsolute(file) ? path.relative(request.projectDir, file) : file;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more type error${errors.length > 2 ? "s" : ""})` : "";
    return `type error at ${shown}:${line}:${column}: ${code} ${text.replace(/\.$/, "")}${more}; pulumi preview type-checks TypeScript programs too (PULUMI_NODEJS_TRANSPILE_ONLY=true or the tsconfig's noCheck skips it)`;
}

function userFrame(stack: string): string | undefined {
    for (const frame of frames(stack)) {
        const { file } = frame;
        if (file.includes(`${path.sep}node_modules${path.sep}`) || file === __filename) continue;
        if (!file.startsWith(request.projectDir + path.sep)) continue;
        return `${path.relative(request.projectDir, file)}:${frame.line}:${frame.column}`;
    }
    return undefined;
}

/** The files and positions of a V8 stack's frames ("at f (file:1:2)", "at file:1:2", file: URLs), absolute paths only. */
function frames(stack: string): { file: string; line: string; column: string }[] {
    const out: { file: string; line: string; column: string }[] = [];
    for (const line of stack.split("\n").slice(1)) {
        const match = /^at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line.trim());
        if (!match) continue;
        let file = match[1];
        if (file.startsWith("file://")) {
            try {
                file = fileURLToPath(file);
            } catch {
                continue;
            }
        }
        if (path.isAbsolute(file)) out.push({ file, line: match[2], column: match[3] });
    }
    return out;
}

/** Which form of invoke is under way: the Promise forms set it, around the SDK's own call. */
const invokeForm = new AsyncLocalStorage<{ readonly callers: readonly string[] }>();

async function main(): Promise<void> {
    const fromProgram = (id: string): string => require.resolve(id, { paths: [request.projectDir] });
    let pulumiPath: string;
    try {
        pulumiPath = fromProgram("@pulumi/pulumi");
    } catch {
        return fail("input", `cannot find @pulumi/pulumi from ${request.projectDir}: run npm install (or npm ci) there first`);
    }
    // Below the oldest SDK the check is tested with, say so rather than fail somewhere inside it.
    const sdkDir = path.dirname(fromProgram("@pulumi/pulumi/package.json"));
    const sdkVersion: unknown = JSON.parse(fs.readFileSync(path.join(sdkDir, "package.json"), "utf8")).version;
    if (typeof sdkVersion !== "string" || compareVersions(sdkVersion, MIN_SDK_VERSION) < 0) {
        return fail(
            "input",
            `the program uses @pulumi/pulumi ${String(sdkVersion)}, older than ${MIN_SDK_VERSION}, the oldest the offline check supports; upgrade it there (npm install @pulumi/pulumi@^${MIN_SDK_VERSION.split(".")[0]}.${MIN_SDK_VERSION.split(".")[1]})`,
        );
    }
    const pulumi = require(pulumiPath);
    const settings = require(fromProgram("@pulumi/pulumi/runtime/settings"));
    const pulumiLog = require(fromProgram("@pulumi/pulumi/log"));

    // The SDK logs errors it cannot throw (e.g. a failed registration) instead of throwing them.
    let loggedError: string | undefined;
    const logError = pulumiLog.error;
    pulumiLog.error = (msg: string, ...rest: unknown[]) => {
        loggedError ??= withoutStack(String(msg));
        return logError.call(pulumiLog, msg, ...rest);
    };

    // Whether this SDK lets an invoke answer "unknown" (the engine's answer at preview when it cannot
    // read a data source); older ones only take a result.
    const resproto = require(fromProgram("@pulumi/pulumi/proto/resource_pb"));
    const provproto = require(fromProgram("@pulumi/pulumi/proto/provider_pb"));
    const InvokeResponse = resproto.ResourceInvokeResponse ?? provproto.InvokeResponse;
    const answersUnknown = typeof InvokeResponse?.prototype?.setUnknown === "function";

    await pulumi.runtime.setMocks(
        {
            // At preview the engine answers a new resource with its inputs; computed outputs
            // (absent here) and the id ("" here) resolve as unknown because this is a dry run.
            newResource: (args: { inputs: Record<string, unknown> }) => ({ id: undefined, state: args.inputs }),
            // A data source: a Promise form gets a placeholder of its declared result; an Output
            // form on an SDK that cannot answer "unknown" gets none (its Output is made unknown below).
            call: (args: { token: string; inputs: Record<string, unknown> }) => {
                const promiseForm = invokeForm.getStore();
                if (!promiseForm) return {};
                const { result, answer } = placeholderResult(args.token, args.inputs ?? {}, promiseForm.callers, request.projectDir);
                invokeAnswers.push(answer);
                return result;
            },
        },
        request.project,
        request.stack,
        true,
    );

    const monitor = settings.getMonitor();
    const registrations: Registration[] = [];

    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, resp?: any) => void) => {
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
            propertyDependencies[key] = deps.getUrnsList();
        });
        const registration: Registration = {
            type: req.getType(),
            name: req.getName(),
            custom: req.getCustom(),
            remote: typeof req.getRemote === "function" && req.getRemote() === true,
            mockParent: req.getParent(),
            inputs: req.getObject()?.toJavaScript() ?? {},
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            protect: typeof req.getProtect === "function" ? req.getProtect() === true : undefined,
            source: sourceOf(req),
        };
        registrations.push(registration);
        registerResource(req, (err: unknown, resp?: any) => {
            if (!err && resp) registration.mockUrn = resp.getUrn();
            else registration.error = err instanceof Error ? err.message : String(err ?? "no response");
            callback(err, resp);
        });
    };

    // An Output-form invoke is unknown, as at preview when an input is unknown: the engine's answer
    // where the SDK takes it; otherwise the Output itself is made unknown before any RPC.
    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (req: any, callback: (err: unknown, resp?: any) => void) => {
        if (req.getTok() === "pulumi:pulumi:getResource" || invokeForm.getStore() || !answersUnknown) return invoke(req, callback);
        invoke(req, (err: unknown, resp?: any) => {
            if (!err && resp) resp.setUnknown(true);
            callback(err, resp);
        });
    };
    const runtime = pulumi.runtime;
    for (const name of ["invoke", "invokeSingle"]) {
        const original = runtime[name];
        if (typeof original !== "function") continue;
        runtime[name] = function (this: unknown, ...args: unknown[]) {
            return invokeForm.run({ callers: callerFiles(new Error().stack ?? "", sdkDir) }, () => original.apply(this, args));
        };
    }
    if (!answersUnknown) {
        for (const name of ["invokeOutput", "invokeSingleOutput"]) {
            if (typeof runtime[name] === "function") runtime[name] = () => pulumi.output(pulumi.unknown);
        }
    }

    // A secret the program requires but the stack does not set: the check runs without it.
    const placeholders = new Set<string>();
    const requireSecret = pulumi.Config.prototype.requireSecret;
    pulumi.Config.prototype.requireSecret = function (this: { name: string }, key: string, opts?: unknown) {
        const fullKey = key.includes(":") ? key : `${this.name}:${key}`;
        if (pulumi.runtime.getConfig(fullKey) === undefined) {
            placeholders.add(fullKey);
            return pulumi.secret(PLACEHOLDER_SECRET);
        }
        return requireSecret.call(this, key, opts);
    };

    const entryFile = programEntry();
    if (!entryFile) return fail("input", `no program entry at ${request.entry}`);
    registerTypeScript();
    await pulumi.runtime.runInPulumiStack(async () => {
        let exported = request.esm ? await importModule(pathToFileURL(entryFile).href) : require(entryFile);
        // As the Pulumi runtime does: an ES module's default export, when it has one, is the program.
        if (request.esm && Object.getOwnPropertyDescriptor(exported, "default") !== undefined) exported = exported.default;
        return exported instanceof Function ? await exported() : exported;
    });
    // Registrations still in flight when the program returns (waitForRPCs is internal).
    await settings.waitForRPCs();
    // A registration whose inputs rejected surfaces as an unhandled rejection once the microtasks
    // run out: let it fail the run (as the engine fails the program) before anything is answered.
    await new Promise(resolve => setImmediate(resolve));
    if (loggedError !== undefined) return fail("program", loggedError);

    const { resources, urnMap, lost } = withEngineUrns(registrations);
    const invokes = invokeAnswers.map(a => ({ token: a.token, placeholder: a.declaredIn !== undefined }));
    answer({ ok: true, resources, urnMap, placeholders: Array.from(placeholders), entryFile, lost, invokes }); // not a spread: the program's tsconfig may target ES5
}

/** import() that survives compilation to CommonJS (which would turn it into require()). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<any>;

/** The file the program starts from: Node's resolution for CommonJS, the Pulumi runtime's index lookup for ES modules. */
function programEntry(): string | undefined {
    if (!request.esm) {
        try {
            return require.resolve(request.entry);
        } catch {
            return undefined;
        }
    }
    if (fs.existsSync(request.entry) && fs.statSync(request.entry).isFile()) return request.entry;
    for (const candidate of [`${request.entry}.ts`, `${request.entry}.js`]) if (fs.existsSync(candidate)) return candidate;
    for (const index of ["index.js", "index.mjs", "index.ts", "index.mts"]) {
        const file = path.join(request.entry, index);
        if (fs.existsSync(file)) return file;
    }
    return undefined;
}

/**
 * Compiles the program's TypeScript as `pulumi preview` does: with the project's tsconfig.json,
 * type-checked unless PULUMI_NODEJS_TRANSPILE_ONLY or the tsconfig's noCheck says not to, ES
 * modules through ts-node's ESM hooks. Only the project's own files go through it; the check's
 * files keep the transpile-only registration the runner started with.
 */
function registerTypeScript(): void {
    const tsNode = require("ts-node");
    const ts = require("typescript");
    const tsconfig = path.join(request.projectDir, "tsconfig.json");
    let declared: Record<string, unknown> = {};
    if (fs.existsSync(tsconfig)) {
        const parsed = ts.parseConfigFileTextToJson(tsconfig, fs.readFileSync(tsconfig, "utf8"));
        declared = (parsed.config?.compilerOptions as Record<string, unknown> | undefined) ?? {};
    }
    const transpileOnly = request.transpileOnly ?? declared.noCheck === true;
    const options = {
        cwd: request.projectDir,
        project: tsconfig,
        skipProject: !fs.existsSync(tsconfig),
        transpileOnly,
        scope: true,
        scopeDir: request.projectDir,
        // The Pulumi runtime's defaults, under what the project's tsconfig.json sets. A CommonJS
        // program is compiled to CommonJS whatever its tsconfig's module says.
        compilerOptions: request.esm
            ? { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", sourceMap: true, ...declared }
            : { target: "ES2020", sourceMap: true, ...declared, module: "commonjs", moduleResolution: "node" },
    };
    if (request.esm) registerHooks(pathToFileURL(path.join(__dirname, "esm-hooks.mjs")).href, { data: options });
    else tsNode.register(options);
}

/** The files on a call stack outside the SDK and the check (a provider's function file first). */
function callerFiles(stack: string, sdkDir: string): string[] {
    const files: string[] = [];
    for (const { file } of frames(stack)) {
        if (file.startsWith(sdkDir + path.sep) || file.startsWith(__dirname + path.sep)) continue;
        if (!files.includes(file)) files.push(file);
    }
    return files;
}

/**
 * Where the program's own code created the resource: the SDK sends the position of the code that
 * called the resource's constructor and the stack above it (older SDKs send neither); the
 * first frame in the project's own files, not in its packages, is the one a reader can open.
 */
function sourceOf(req: any): SourcePosition | undefined {
    if (typeof req.getSourceposition !== "function") return undefined;
    const positions = [req.getSourceposition(), ...(req.getStacktrace()?.getFramesList() ?? []).map((f: any) => f.getPc())];
    for (const pos of positions) {
        if (!pos || !pos.getUri() || pos.getLine() <= 0) continue;
        let file: string;
        try {
            file = fileURLToPath(pos.getUri());
        } catch {
            continue;
        }
        if (!file.startsWith(request.projectDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        return { file, line: pos.getLine(), column: pos.getColumn() };
    }
    return undefined;
}

/**
 * The mock monitor prefixes a child's type with only its parent's own type, and also does so
 * under the root stack; the engine prefixes the parent's whole qualified type, except for children
 * of the stack. Rewrite every URN (and every reference to one) the engine's way.
 */
function withEngineUrns(registrations: readonly Registration[]): { resources: CapturedResource[]; urnMap: Record<string, string>; lost: LostResource[] } {
    const engineUrn = new Map<string, string>();
    const stackUrns = new Set<string>();
    const out: CapturedResource[] = [];
    const lost: LostResource[] = [];
    const seen = new Set<string>();
    for (const r of registrations) {
        if (!r.mockUrn) {
            // The program went on, but this resource never got a URN: the check cannot send it to the pack.
            lost.push({ type: r.type, name: r.name, reason: r.error ?? "the registration never completed" });
            continue;
        }
        const parent = r.mockParent ? engineUrn.get(r.mockParent) ?? r.mockParent : "";
        const parentType = parent && !stackUrns.has(parent) ? parent.split("::")[2] : "";
        const urn = `urn:pulumi:${request.stack}::${request.project}::${parentType ? `${parentType}$` : ""}${r.type}::${r.name}`;
        if (seen.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        seen.add(urn);
        engineUrn.set(r.mockUrn, urn);
        if (r.type === ROOT_STACK_TYPE) stackUrns.add(urn);
        out.push({ type: r.type, name: r.name, custom: r.custom, remote: r.remote, urn, parent: parent || undefined, inputs: r.inputs, dependencies: r.dependencies, propertyDependencies: r.propertyDependencies, protect: r.protect, source: r.source });
    }
    const translate = (u: string) => engineUrn.get(u) ?? u;
    for (const r of out) {
        r.dependencies = r.dependencies.map(translate);
        for (const key of Object.keys(r.propertyDependencies)) r.propertyDependencies[key] = r.propertyDependencies[key].map(translate);
    }
    return { resources: out, urnMap: Object.fromEntries(engineUrn), lost };
}

// The check that started this run is gone (it was interrupted, or killed): so is the run.
process.on("disconnect", () => process.exit(1));
process.on("uncaughtException", err => fail("program", describeError(err)));
process.on("unhandledRejection", err => fail("program", describeError(err)));

if (!request || typeof process.send !== "function") {
    console.error("runner.ts is started by the offline check (tools/check.ts), not directly");
    process.exit(2);
}
main().catch(err => fail("program", describeError(err)));
