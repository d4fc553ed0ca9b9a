// Runs one Pulumi program under the SDK's mocks, in preview mode, in a process of its own (mocks
// are global state), and reports every resource it registered to the parent over IPC.
//
// The program gets the same @pulumi/pulumi module it would get under `pulumi preview` (resolved
// from its own directory), the stack's config in PULUMI_CONFIG, and a mock monitor that behaves like
// the engine at preview: a new resource's inputs come back as its outputs and everything the cloud
// would compute (ids, ARNs) stays unknown; every data source (invoke) is unknown too, because
// there is no cloud account to read it from. What the program sent is captured from the raw
// RegisterResource request, so unknowns, secrets (nested ones included) and property dependencies
// reach the pack exactly as the engine would forward them.

import * as path from "path";
import { ROOT_STACK_TYPE } from "./capture";
import { PLACEHOLDER_SECRET } from "./placeholder";
import { fileURLToPath } from "url";
import type { CapturedResource, RunnerRequest, RunnerResponse, SourcePosition } from "./protocol";

const request: RunnerRequest = JSON.parse(process.env.HIPAA_GUARD_RUNNER_REQUEST ?? "null");

/** A registration as the mock monitor saw it: URNs are the mock's until rewritten. */
interface Registration extends Omit<CapturedResource, "urn" | "parent"> {
    readonly mockParent: string;
    mockUrn?: string;
}
let answered = false;

function answer(response: RunnerResponse): void {
    if (answered) return;
    answered = true;
    process.send!(response, () => process.exit(0));
}

function fail(kind: "input" | "program", message: string): void {
    answer({ ok: false, kind, message });
}

/** The error's message plus where in the user's code it was thrown, when the stack says so. */
function describeError(err: unknown): string {
    if (!(err instanceof Error)) return `the program threw ${typeof err === "string" ? JSON.stringify(err) : typeof err}`;
    const name = err.name && err.name !== "Error" && !err.message.startsWith(err.name) ? `${err.name}: ` : "";
    const where = userFrame(err.stack ?? "");
    return `${name}${err.message}${where ? ` (at ${where})` : ""}`;
}

function userFrame(stack: string): string | undefined {
    for (const line of stack.split("\n").slice(1)) {
        const match = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
        if (!match) continue;
        const file = match[1];
        if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`) || file === __filename) continue;
        if (!file.startsWith(request.projectDir + path.sep)) continue;
        return `${path.relative(request.projectDir, file)}:${match[2]}:${match[3]}`;
    }
    return undefined;
}

async function main(): Promise<void> {
    const fromProgram = (id: string): string => require.resolve(id, { paths: [request.projectDir] });
    let pulumiPath: string;
    try {
        pulumiPath = fromProgram("@pulumi/pulumi");
    } catch {
        return fail("input", `cannot find @pulumi/pulumi from ${request.projectDir}: run npm install (or npm ci) there first`);
    }
    const pulumi = require(pulumiPath);
    const settings = require(fromProgram("@pulumi/pulumi/runtime/settings"));
    const resproto = require(fromProgram("@pulumi/pulumi/proto/resource_pb"));
    const pulumiLog = require(fromProgram("@pulumi/pulumi/log"));

    // The SDK logs errors it cannot throw (e.g. a failed registration) instead of throwing them.
    let loggedError: string | undefined;
    const logError = pulumiLog.error;
    pulumiLog.error = (msg: string, ...rest: unknown[]) => {
        loggedError ??= String(msg);
        return logError.call(pulumiLog, msg, ...rest);
    };

    await pulumi.runtime.setMocks(
        {
            // At preview the engine answers a new resource with its inputs; computed outputs
            // (absent here) and the id ("" here) resolve as unknown because this is a dry run.
            newResource: (args: { inputs: Record<string, unknown> }) => ({ id: undefined, state: args.inputs }),
            call: () => ({}),
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
            mockParent: req.getParent(),
            inputs: req.getObject()?.toJavaScript() ?? {},
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            source: sourceOf(req),
        };
        registrations.push(registration);
        registerResource(req, (err: unknown, resp?: any) => {
            if (!err && resp) registration.mockUrn = resp.getUrn();
            callback(err, resp);
        });
    };

    // No cloud account: a data source's result is unknown, as it is at preview when its inputs are.
    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (req: any, callback: (err: unknown, resp?: any) => void) => {
        const resp = new resproto.ResourceInvokeResponse();
        // SDKs before the engine could answer "unknown" get the mocks' empty result instead.
        if (req.getTok() === "pulumi:pulumi:getResource" || typeof resp.setUnknown !== "function") return invoke(req, callback);
        resp.setUnknown(true);
        callback(null, resp);
    };

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

    let entryFile: string;
    try {
        entryFile = require.resolve(request.entry);
    } catch {
        return fail("input", `no program entry at ${request.entry}`);
    }
    await pulumi.runtime.runInPulumiStack(async () => {
        const exported = require(request.entry);
        return exported instanceof Function ? await exported() : exported;
    });
    // Registrations still in flight when the program returns (waitForRPCs is internal; older SDKs lack it).
    if (typeof settings.waitForRPCs === "function") await settings.waitForRPCs();
    else await new Promise(resolve => setTimeout(resolve, 100));
    if (loggedError !== undefined) return fail("program", loggedError);

    const { resources, urnMap } = withEngineUrns(registrations);
    answer({ ok: true, resources, urnMap, placeholders: Array.from(placeholders), entryFile }); // not a spread: the program's tsconfig may target ES5
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
function withEngineUrns(registrations: readonly Registration[]): { resources: CapturedResource[]; urnMap: Record<string, string> } {
    const engineUrn = new Map<string, string>();
    const stackUrns = new Set<string>();
    const out: CapturedResource[] = [];
    const seen = new Set<string>();
    for (const r of registrations) {
        if (!r.mockUrn) continue; // registration failed; the program error says why
        const parent = r.mockParent ? engineUrn.get(r.mockParent) ?? r.mockParent : "";
        const parentType = parent && !stackUrns.has(parent) ? parent.split("::")[2] : "";
        const urn = `urn:pulumi:${request.stack}::${request.project}::${parentType ? `${parentType}$` : ""}${r.type}::${r.name}`;
        if (seen.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        seen.add(urn);
        engineUrn.set(r.mockUrn, urn);
        if (r.type === ROOT_STACK_TYPE) stackUrns.add(urn);
        out.push({ type: r.type, name: r.name, custom: r.custom, urn, parent: parent || undefined, inputs: r.inputs, dependencies: r.dependencies, propertyDependencies: r.propertyDependencies, source: r.source });
    }
    const translate = (u: string) => engineUrn.get(u) ?? u;
    for (const r of out) {
        r.dependencies = r.dependencies.map(translate);
        for (const key of Object.keys(r.propertyDependencies)) r.propertyDependencies[key] = r.propertyDependencies[key].map(translate);
    }
    return { resources: out, urnMap: Object.fromEntries(engineUrn) };
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
