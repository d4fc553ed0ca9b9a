// Per-type dispatch: a resource costs what the policies for its type cost, not what the pack has.
//
// The SDK's handlers walk every policy for every request. A policy bound to another type still
// costs a config lookup, a reason string and a PolicyNotApplicable message, and serializing those
// messages is the larger part: at 250 policies, about 0.4 ms per resource against some 0.02 ms for
// the SDK's whole handler with one policy. AnalyzeStack rebuilds every resource once per stack
// policy. Pulumi Cloud still needs every not-applicable entry (it counts a policy missing from the
// response as passed), so the work cannot just be skipped; it is done once instead:
//
// - Analyze and Remediate: each policy's answer for a type it does not check is the same for every
//   such type, so the SDK's own handler is asked once per Configure, with probe resources of types
//   no policy checks, and its not-applicable entries are kept with their serialized bytes. A
//   request then runs the SDK's own handler over only the policies that check its type, and the
//   kept entries are merged in policy order. The pack's own policies need not even the SDK's handler:
//   its loop costs per policy about what the policy's check costs (arguments, a config copy, a
//   report function, a thrown not-applicable error and an await each), so the levels, configs and
//   stack tags that loop gives each policy are captured from it once per Configure and ConfigureStack,
//   by stand-ins with the same names and levels, and a request runs its type's policies in one pass
//   over one arguments object (`evaluate` in policy.ts), built into the SDK's makeAnalyzeResponse.
//   A policy that throws sends the request to the SDK's handler. Remediate's handler runs only
//   when one of the type's policies is at level remediate, which stand-ins learn from its loop once
//   per Configure: otherwise it would only read the request, which is read anyway to tell whether
//   the SDK could. Serializing the response writes the SDK's part with its protobuf code and
//   appends the kept bytes for the rest (the not-applicable list is the last field of both
//   responses, so this is byte for byte what the SDK would send), and gRPC gets those bytes
//   without the generated serializer's extra copy. Analyze requests are read
//   from their bytes (stack-wire.ts) into what the SDK's loop hands policies, where they read exactly
//   as the SDK's protobuf code and deserializer read them: the protobuf library's decoding costs
//   more than the rest of a resource's answer. The SDK's decoding is done only for its handler.
// - AnalyzeStack: the stack's resources are built once per request, read from the request's bytes
//   (stack-wire.ts), else from the decoded request (stack-request.ts), else by the SDK's own
//   handler (for a capturing policy); every stack policy runs under the SDK's own handler with
//   those same resources; a policy whose type the stack lacks gets the SDK's own type check. Stack
//   policies can then share one `Stack` index per request (stack.ts looks it up by the resource list).
// - Configure: its request is read from its bytes (stack-wire.ts) into the policy configurations
//   the SDK's own handler reads of it, which then stores them: at start-up the protobuf library's
//   first decoding of one Struct per policy costs more than the pack's reading of all of them.
//
// What a policy is given and reports is the SDK's: enforcement levels, configs and stack tags as its
// loop gives them, diagnostics and responses as its report function and response builder make them,
// and advisories for unknown values, remediations and AnalyzeStack through its handlers. Whatever
// this module cannot show to be answered the same way goes to the SDK's own handler for the whole
// pack: a request whose properties, provider or options the SDK would fail on, a policy whose
// answer for other types the probes could not pin down (it then runs on every request), an SDK
// whose internals are not shaped as expected (nothing is hooked at all), and HIPAA_GUARD_DISPATCH=sdk.

import { recordedAnalyzerInfo } from "./analyzer-info";
import { DiagnosticReport, EvaluationArgs } from "./policy";
import { ProtoResource, stackResources } from "./stack-request";
import { AnalyzedRequest, decodeAnalyzeRequest, decodeConfigureRequest, decodeStackRequest, ReadPolicyConfig, Signatures } from "./stack-wire";
import * as path from "path";
import { Policies, PolicyPack, PolicyPackArgs, PolicyResource, ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";

type SdkPolicy = Policies[number];

/** What dispatch needs of a pack policy: the SDK object and the types it checks. */
export interface DispatchPolicy {
    readonly sdk: SdkPolicy;
    readonly definition: { readonly name: string; readonly types: readonly string[] };
    /** The SDK validation's own work, without the SDK's loop (policy.ts); resource policies only. */
    readonly evaluate?: (args: EvaluationArgs, report: DiagnosticReport) => string | undefined;
}

/**
 * HIPAA_GUARD_DISPATCH=sdk serves every request with the SDK's own handlers; =serialize dispatches
 * but has the SDK's protobuf code decode requests and serialize whole responses (what the pack's
 * own reading and kept bytes must equal); =handlers dispatches but runs every policy under the
 * SDK's handler, as before policies were evaluated in one pass (for the bench's comparison).
 */
export const dispatchSwitch = "HIPAA_GUARD_DISPATCH";

/** Where the serving path is recorded, for tests: "dispatch", "dispatch, analyze, stack and configure from bytes" or "sdk". */
export const dispatchStateKey = Symbol.for("hipaa-guard.dispatch");

/** Serves the pack through the SDK's PolicyPack, with per-type dispatch when the SDK allows it. */
export function servePolicyPack(
    name: string,
    args: Omit<PolicyPackArgs, "policies">,
    policies: readonly DispatchPolicy[],
    /** Where `npm run build` recorded this pack's GetAnalyzerInfo answer (analyzer-info.ts); without one the SDK builds it. */
    analyzerInfoRecord?: string,
): void {
    const mode = process.env[dispatchSwitch];
    const hooks = mode === "sdk" ? undefined : hookSdk(policies, loadSdkModules(), { keptBytes: mode !== "serialize", evaluate: mode !== "handlers", analyzerInfoRecord });
    try {
        new PolicyPack(name, { ...args, policies: policies.map(p => p.sdk) });
    } finally {
        hooks?.restore();
    }
    const read = hooks ? [hooks.readsAnalyzeBytes() && "analyze", hooks.readsStackBytes() && "stack", hooks.readsConfigureBytes() && "configure"].filter((r): r is string => !!r) : [];
    const fromBytes = read.length > 1 ? `${read.slice(0, -1).join(", ")} and ${read[read.length - 1]}` : read.join("");
    (globalThis as Record<symbol, unknown>)[dispatchStateKey] = hooks?.installed() ? (fromBytes ? `dispatch, ${fromBytes} from bytes` : "dispatch") : "sdk";
}

// ---------------------------------------------------------------------------------------------
// The SDK's internals this module uses, each checked for its shape before anything is hooked.

type Callback = (err: unknown, resp?: unknown) => void;
type Handler = (call: { request: unknown }, callback: Callback) => unknown;
type MakeHandler = (packName: string, version: string, level: string, policies: readonly SdkPolicy[]) => Handler;

interface NotApplicableMessage {
    getPolicyName(): string;
    getReason(): string;
}
/** AnalyzeResponse and RemediateResponse: the not-applicable list is the last field of both. */
interface ResponseMessage {
    getNotApplicableList(): NotApplicableMessage[];
    setNotApplicableList(list: NotApplicableMessage[]): void;
    serializeBinary(): Uint8Array;
}
type ResponseClass = new () => ResponseMessage;

interface ProtoRequest {
    getType(): string;
    getProperties(): object | undefined;
    getOptions(): unknown;
    getProvider(): { getProperties(): object | undefined } | undefined;
}

export interface SdkModules {
    server: Record<string, unknown>;
    policy: Record<string, unknown>;
    deserialize: Record<string, unknown>;
    grpcServer: { prototype: Record<string, unknown> };
    analyzerService: unknown;
    proto: Record<string, unknown>;
    Struct: new () => object;
    /** @pulumi/pulumi/runtime/rpc, for the signature key the SDK's deserializer reads. */
    rpc?: Record<string, unknown>;
    /** @pulumi/policy/protoutil and proxy, for evaluating policies in one pass (optional). */
    protoutil?: Record<string, unknown>;
    proxy?: Record<string, unknown>;
}

/** The modules the SDK's server uses, resolved from the SDK's own directory; undefined if any is missing. */
export function loadSdkModules(): SdkModules | undefined {
    try {
        const sdkDir = path.dirname(require.resolve("@pulumi/policy/server"));
        const fromSdk = (id: string) => require(require.resolve(id, { paths: [sdkDir] }));
        return {
            server: require("@pulumi/policy/server"),
            policy: require("@pulumi/policy/policy"),
            deserialize: require("@pulumi/policy/deserialize"),
            grpcServer: fromSdk("@grpc/grpc-js").Server,
            analyzerService: fromSdk("@pulumi/pulumi/proto/analyzer_grpc_pb").AnalyzerService,
            proto: fromSdk("@pulumi/pulumi/proto/analyzer_pb"),
            Struct: fromSdk("google-protobuf/google/protobuf/struct_pb").Struct,
            rpc: fromSdk("@pulumi/pulumi/runtime/rpc"),
            protoutil: require("@pulumi/policy/protoutil"),
            proxy: require("@pulumi/policy/proxy"),
        };
    } catch {
        return undefined;
    }
}

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === "function";

/**
 * Hooks the SDK's `serve` (to learn the pack name, version and level it serves with) and gRPC's
 * `addService` (to put dispatching handlers in front of the SDK's), for one PolicyPack construction.
 * Undefined, and nothing hooked, when the SDK or gRPC is not shaped as expected.
 */
export function hookSdk(
    policies: readonly DispatchPolicy[],
    m: SdkModules | undefined,
    options: DispatchOptions = { keptBytes: true, evaluate: true },
): { restore(): void; installed(): boolean; readsStackBytes(): boolean; readsAnalyzeBytes(): boolean; readsConfigureBytes(): boolean } | undefined {
    if (!m) return undefined;
    const { server, grpcServer } = m;
    const serve = server.serve;
    const addService = grpcServer?.prototype?.addService;
    const shaped =
        isFunction(serve) && isFunction(addService) && isFunction(server.makeAnalyzeRpcFun) && isFunction(server.makeAnalyzeStackRpcFun) &&
        isFunction(server.makeRemediateRpcFun) && isFunction(m.policy.getPulumiType) && isFunction(m.deserialize.deserializeProperties) &&
        ["AnalyzeRequest", "AnalyzerResourceOptions", "AnalyzeResponse", "RemediateResponse", "PolicyNotApplicable"].every(k => isFunction(m.proto[k]));
    if (!shaped) return undefined;

    let served: Served | undefined;
    let installed = false;
    let readsStackBytes = false;
    let readsAnalyzeBytes = false;
    let readsConfigureBytes = false;
    const hookedServe = function (this: unknown, ...args: unknown[]) {
        const [packName, version, level, packArgs] = args as [string, string, string, { policies?: readonly SdkPolicy[] } | undefined];
        served = { packName, version, level, policies: packArgs?.policies ?? [], args };
        return (serve as (...a: unknown[]) => unknown).apply(this, args);
    };
    const hookedAddService = function (this: unknown, service: unknown, implementation: Record<string, unknown>) {
        if (served && service === m.analyzerService && !installed) {
            let dispatching: Record<string, unknown> | undefined;
            try {
                dispatching = dispatchingImplementation(served, implementation, policies, m, options);
            } catch {
                dispatching = undefined; // Serve with the SDK's own handlers rather than not at all.
            }
            if (dispatching) {
                installed = true;
                implementation = dispatching;
                const readStack = options.keptBytes ? stackWireReader(m) : undefined;
                const readAnalyze = options.keptBytes ? analyzeWireReader(m) : undefined;
                const readConfigure = options.keptBytes ? configureWireReader(m) : undefined;
                readsStackBytes = readStack !== undefined;
                readsAnalyzeBytes = readAnalyze !== undefined;
                readsConfigureBytes = readConfigure !== undefined;
                service = servingService(service, readStack, readAnalyze, readConfigure);
            }
        }
        return (addService as (...a: unknown[]) => unknown).call(this, service, implementation);
    };
    try {
        server.serve = hookedServe;
        grpcServer.prototype.addService = hookedAddService;
    } catch {
        // A module whose exports cannot be reassigned: leave the SDK as it is.
    }
    const restore = () => {
        if (server.serve === hookedServe) server.serve = serve;
        if (grpcServer.prototype.addService === hookedAddService) grpcServer.prototype.addService = addService;
    };
    if (server.serve !== hookedServe || grpcServer.prototype.addService !== hookedAddService) {
        restore();
        return undefined;
    }
    return { restore, installed: () => installed, readsStackBytes: () => readsStackBytes, readsAnalyzeBytes: () => readsAnalyzeBytes, readsConfigureBytes: () => readsConfigureBytes };
}

export interface DispatchOptions {
    /**
     * Work on bytes where the SDK's protobuf code would: responses serialized by appending the kept
     * entries' bytes, GetAnalyzerInfo from its record, Analyze, AnalyzeStack and Configure requests
     * read from their bytes (else the SDK's code serializes and decodes everything).
     */
    readonly keptBytes: boolean;
    /**
     * Run the pack's own policies (those with `evaluate`) on a request in one pass, not one SDK
     * loop iteration each, with what the SDK's loop would give them captured from that loop.
     */
    readonly evaluate: boolean;
    /** The GetAnalyzerInfo record to serve from, if the pack has one. */
    readonly analyzerInfoRecord?: string;
}

export interface Served {
    packName: string;
    version: string;
    level: string;
    policies: readonly SdkPolicy[];
    /** Everything serve() was given, for the recorded GetAnalyzerInfo answer (analyzer-info.ts). */
    args?: readonly unknown[];
}

// ---------------------------------------------------------------------------------------------
// The dispatching handlers.

/** Byte runs of kept not-applicable entries, with the entries themselves. */
interface Run {
    readonly entries: readonly NotApplicableMessage[];
    readonly bytes: Buffer;
}

/** How requests for one type are answered under one configuration. */
interface Route {
    /** Indices of the policies that run on the type, in pack order. */
    readonly runs: readonly number[];
    /** The SDK's handler over those policies; undefined when none would run (or change) anything. */
    readonly handler?: Handler;
    /** Instead of the handler, the policies to evaluate in one pass (Analyze only): those not disabled. */
    readonly evaluated?: readonly Evaluated[];
    /** Kept entries before, between and after the policies that run: runs.length + 1 of them. */
    readonly gaps: readonly Run[];
    /** All gaps in one. */
    readonly all: Run;
}

/** One RPC's dispatch table under one configuration. */
interface Table {
    routes: Map<string, Route>;
    /** Per policy: its entries for a type it does not check, or undefined when it must always run. */
    kept: readonly (readonly NotApplicableMessage[] | undefined)[];
    /** What the SDK's loop gives policies under this configuration; undefined when not captured. */
    loop?: Loop;
    /** Remediate: the policies its loop runs under this configuration (level remediate); undefined when not captured. */
    remediating?: ReadonlySet<number>;
}

/**
 * What the SDK's Analyze loop gives each policy under one configuration, as the loop itself gave
 * it to capturing stand-ins of the pack's policies (same names and levels): the enforcement level
 * it reports with ("disabled": skipped), the config `getConfig` returns, and the stack tags.
 */
interface Loop {
    readonly levels: ReadonlyMap<number, string>;
    readonly configs: ReadonlyMap<number, object>;
    readonly stackTags: unknown;
}

/** One policy as a one-pass evaluation runs it. */
interface Evaluated {
    readonly name: string;
    readonly description: string;
    readonly severity: unknown;
    readonly level: string;
    readonly getConfig: () => object;
    readonly evaluate: NonNullable<DispatchPolicy["evaluate"]>;
}

/** A diagnostic as the SDK's report function records it, for its makeAnalyzeResponse. */
interface RecordedDiagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    message: string;
    urn?: string;
    description: string;
    enforcementLevel: string;
    severity: unknown;
}

/** The getConfig of a policy that has none (never called: each policy gets its own). */
const noConfig = (): object => ({});

const probeTypes = ["hipaa-guard:dispatch/probe:ProbeA", "hipaa-guard:dispatch/probe:ProbeB"];
const captureName = "hipaa-guard-dispatch-capture";

/**
 * The SDK's implementation with Analyze, AnalyzeStack and Remediate dispatched, or undefined when
 * the pack the SDK serves is not exactly `policies` (same objects, same order, unique names).
 */
export function dispatchingImplementation(
    served: Served,
    sdk: Record<string, unknown>,
    policies: readonly DispatchPolicy[],
    m: SdkModules,
    options: DispatchOptions = { keptBytes: true, evaluate: true },
): Record<string, unknown> | undefined {
    const { analyze, analyzeStack, remediate, configure, configureStack, getAnalyzerInfo } = sdk as Record<string, Handler | undefined>;
    if (!analyze || !analyzeStack || !remediate || !configure || !getAnalyzerInfo) return undefined;
    const sdkPolicies = served.policies;
    if (sdkPolicies.length !== policies.length || policies.some((p, i) => p.sdk !== sdkPolicies[i])) return undefined;
    const names = policies.map(p => p.sdk.name);
    if (new Set(names).size !== names.length) return undefined;
    const indexOf = new Map(names.map((n, i) => [n, i]));
    const types = policies.map(p => new Set(p.definition.types));

    const make = (fn: unknown) => (list: readonly SdkPolicy[]) => (fn as MakeHandler)(served.packName, served.version, served.level, list);
    const makeAnalyze = make(m.server.makeAnalyzeRpcFun);
    const makeRemediate = make(m.server.makeRemediateRpcFun);
    const makeStack = make(m.server.makeAnalyzeStackRpcFun);
    const getPulumiType = m.policy.getPulumiType as (o: unknown) => string | undefined;
    const deserialize = () => m.deserialize.deserializeProperties as (struct: object | undefined, proxySecrets: boolean) => unknown;
    const proto = m.proto as Proto;
    const AnalyzeResponse = m.proto.AnalyzeResponse as ResponseClass;
    const RemediateResponse = m.proto.RemediateResponse as ResponseClass;

    /** Serializes `entries` as they appear in a response of class `Resp` (the field's bytes only). */
    const encode = (Resp: ResponseClass, entries: readonly NotApplicableMessage[]): Buffer => {
        if (entries.length === 0) return Buffer.alloc(0);
        const r = new Resp();
        r.setNotApplicableList([...entries]);
        const bytes = r.serializeBinary();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    };

    /** The SDK handlers over subsets of the pack, by the subset: they do not depend on config. */
    const handlers = new Map<string, Handler>();
    const handlerFor = (kind: "analyze" | "remediate", runs: readonly number[]): Handler => {
        const key = `${kind}:${runs.join(",")}`;
        let h = handlers.get(key);
        if (!h) {
            const list = runs.map(i => sdkPolicies[i]);
            h = kind === "analyze" ? makeAnalyze(list) : makeRemediate(list);
            handlers.set(key, h);
        }
        return h;
    };

    const probeRequest = (type: string) => {
        const req = new proto.AnalyzeRequest();
        req.setType(type);
        req.setName("probe");
        req.setUrn(`urn:pulumi:probe::probe::${type}::probe`);
        req.setProperties(new m.Struct());
        req.setOptions(new proto.AnalyzerResourceOptions());
        return req;
    };
    const ask = (handler: Handler, request: unknown) =>
        new Promise<Record<string, (...a: unknown[]) => unknown>>((resolve, reject) => {
            handler({ request }, (err, resp) => (err ? reject(err) : resolve(resp as Record<string, (...a: unknown[]) => unknown>)));
        });

    /** Each policy's entries for types it does not check, from the SDK's own handler, or undefined. */
    const probe = async (kind: "analyze" | "remediate"): Promise<Table["kept"]> => {
        const answers: { reported: Set<string>; entries: Map<string, NotApplicableMessage[]> }[] = [];
        for (const type of probeTypes) {
            const resp = await ask(kind === "analyze" ? analyze : remediate, probeRequest(type));
            const findings = (kind === "analyze" ? resp.getDiagnosticsList() : resp.getRemediationsList()) as { getPolicyname(): string }[];
            const reported = new Set(findings.map(f => f.getPolicyname()));
            const entries = new Map<string, NotApplicableMessage[]>();
            for (const na of resp.getNotApplicableList() as NotApplicableMessage[]) {
                entries.set(na.getPolicyName(), [...(entries.get(na.getPolicyName()) ?? []), na]);
            }
            answers.push({ reported, entries });
        }
        return names.map(name => {
            if (answers.some(a => a.reported.has(name))) return undefined;
            const [a, ...rest] = answers.map(x => x.entries.get(name) ?? []);
            const same = rest.every(b => b.length === a.length && b.every((na, j) => na.getReason() === a[j].getReason()));
            return same ? a : undefined;
        });
    };

    // One-pass evaluation uses the SDK's own response builder and unknown-checking proxy.
    const makeAnalyzeResponse = m.protoutil?.makeAnalyzeResponse as ((ds: RecordedDiagnostic[], na?: NotApplicableMessage[]) => ResponseMessage) | undefined;
    const unknownCheckingProxy = m.proxy?.unknownCheckingProxy as ((o: unknown) => unknown) | undefined;
    const isResourcePolicy = m.policy.isResourcePolicy as ((p: SdkPolicy) => boolean) | undefined;
    const levelNames = new Map(Object.entries((m.proto.EnforcementLevel ?? {}) as Record<string, unknown>).map(([k, v]) => [v, k.toLowerCase()]));
    const evaluable = options.evaluate && isFunction(makeAnalyzeResponse) && isFunction(unknownCheckingProxy) && levelNames.size > 0
        ? policies.flatMap((p, i) => (p.evaluate && isFunction((p.sdk as { validateResource?: unknown }).validateResource) ? [i] : []))
        : [];

    /**
     * What the SDK's Analyze loop gives the pack's evaluable policies under the current
     * configuration, from running that loop over stand-ins that record it; undefined when the
     * answer is not what capturing expects.
     */
    const captureLoop = async (): Promise<Loop | undefined> => {
        if (evaluable.length === 0) return undefined;
        const seen = new Map<number, { config: unknown; stackTags: unknown }>();
        const standIns = evaluable.map(i => {
            const p = sdkPolicies[i];
            const validateResource = (args: { getConfig(): unknown; stackTags: unknown }, report: (d: { message: string }) => void) => {
                seen.set(i, { config: args.getConfig(), stackTags: args.stackTags });
                report({ message: captureName });
            };
            return { name: p.name, description: p.description, enforcementLevel: p.enforcementLevel, severity: p.severity, validateResource } as unknown as SdkPolicy;
        });
        const resp = await ask(makeAnalyze(standIns), probeRequest(probeTypes[0]));
        const reported = new Map<string, string | undefined>();
        for (const d of resp.getDiagnosticsList() as { getPolicyname(): string; getEnforcementlevel(): unknown }[]) {
            if (reported.has(d.getPolicyname())) return undefined;
            reported.set(d.getPolicyname(), levelNames.get(d.getEnforcementlevel()));
        }
        if ((resp.getNotApplicableList() as unknown[]).length > 0) return undefined;
        const levels = new Map<number, string>();
        const configs = new Map<number, object>();
        let stackTags: unknown;
        for (const i of evaluable) {
            const run = seen.get(i);
            const level = reported.get(names[i]);
            if (!run) {
                // The loop skips a disabled policy without a word; anything else is not understood.
                if (reported.has(names[i])) return undefined;
                levels.set(i, "disabled");
                continue;
            }
            if (level === undefined || level === "disabled" || typeof run.config !== "object" || run.config === null) return undefined;
            if (stackTags !== undefined && run.stackTags !== stackTags) return undefined;
            stackTags = run.stackTags;
            levels.set(i, level);
            // Frozen, so policy.ts knows the resolved config by the object (see resolveKnobConfig).
            configs.set(i, Object.freeze(run.config));
        }
        return { levels, configs, stackTags };
    };

    /**
     * The policies the SDK's Remediate loop runs under the current configuration (it skips any not
     * at level remediate without a word), as that loop runs stand-ins of the pack's resource
     * policies (same names and levels) beside a control at level remediate; undefined when the
     * control did not run, so the loop is not the one this reads.
     */
    const captureRemediating = async (): Promise<ReadonlySet<number> | undefined> => {
        if (!isFunction(isResourcePolicy)) return undefined;
        const ran = new Set<number>();
        let controlRan = false;
        const standIns = sdkPolicies.flatMap((p, i) => {
            if (!isResourcePolicy(p)) return [];
            const standIn = { name: p.name, description: p.description, enforcementLevel: p.enforcementLevel, severity: p.severity, validateResource: () => undefined, remediateResource: () => void ran.add(i) };
            return [standIn as unknown as SdkPolicy];
        });
        const control = { name: captureName, description: "", enforcementLevel: "remediate", remediateResource: () => void (controlRan = true) } as unknown as SdkPolicy;
        const resp = await ask(makeRemediate([...standIns, control]), probeRequest(probeTypes[0]));
        if ((resp.getRemediationsList() as unknown[]).length > 0 || (resp.getNotApplicableList() as unknown[]).length > 0) return undefined;
        return controlRan ? ran : undefined;
    };

    /** The policies a route evaluates in one pass, or undefined when the SDK's handler must run them. */
    const evaluatedFor = (loop: Loop | undefined, key: string, runs: readonly number[]): readonly Evaluated[] | undefined => {
        if (!loop || key === "" || runs.length === 0 || !isFunction(isResourcePolicy)) return undefined;
        // The loop passes over a stack policy without a word, whatever its level.
        const evaluating = runs.filter(i => isResourcePolicy(sdkPolicies[i]));
        if (!evaluating.every(i => loop.levels.has(i) && types[i].has(key))) return undefined;
        return evaluating.flatMap(i => {
            const level = loop.levels.get(i)!;
            if (level === "disabled") return [];
            const p = sdkPolicies[i];
            const config = loop.configs.get(i)!;
            return [{ name: p.name, description: p.description, severity: p.severity, level, getConfig: () => config, evaluate: policies[i].evaluate! }];
        });
    };

    /** A decoded request as the SDK's loop reads it (the properties through its deserializer). */
    const analyzed = (req: ProtoRequest & { getName(): string; getUrn(): string }): AnalyzedRequest => ({
        type: req.getType(),
        name: req.getName(),
        urn: req.getUrn(),
        props: deserialize()(req.getProperties(), false) as Record<string, unknown>,
        options: req.getOptions(),
    });

    /**
     * The SDK's Analyze answer over `evaluated` for one request, built as its loop builds it: the
     * same arguments (properties behind the same unknown-checking proxy), diagnostics recorded as
     * its report function records them, not-applicable entries as it makes them, and the SDK's
     * makeAnalyzeResponse. A policy that throws leaves the request to the SDK's own handler.
     */
    const evaluateOnce = (req: AnalyzedRequest, evaluated: readonly Evaluated[], loop: Loop): ResponseMessage => {
        const props = unknownCheckingProxy!(req.props);
        const options = req.options as { getProtect(): boolean };
        const ds: RecordedDiagnostic[] = [];
        let notApplicable: NotApplicableMessage[] | undefined;
        // One arguments object for the request; each policy is handed it with its own getConfig.
        const args = { type: req.type, name: req.name, urn: req.urn, props, opts: { protect: options.getProtect() }, stackTags: loop.stackTags, getConfig: noConfig };
        for (const e of evaluated) {
            const report = (d: { message?: string; enforcementLevel?: string; urn?: string; name?: string; description?: string; severity?: unknown }) => {
                ds.push({
                    policyName: d.name || e.name,
                    policyPackName: served.packName,
                    policyPackVersion: served.version,
                    message: d.message || d.description || e.description,
                    urn: d.urn,
                    description: d.description || e.description,
                    enforcementLevel: d.enforcementLevel || e.level,
                    severity: d.severity || e.severity,
                });
            };
            args.getConfig = e.getConfig;
            const reason = e.evaluate(args as unknown as EvaluationArgs, report as DiagnosticReport);
            if (reason !== undefined) {
                const na = new proto.PolicyNotApplicable() as unknown as NotApplicableMessage & { setPolicyName(n: string): void; setReason(r: string): void };
                na.setPolicyName(e.name);
                if (reason) na.setReason(reason);
                (notApplicable ??= []).push(na);
            }
        }
        return makeAnalyzeResponse!(ds, notApplicable);
    };

    // Types no policy checks share one route (key ""), so the tables hold only the pack's own types.
    const checked = new Set(policies.flatMap(p => p.definition.types));
    const route = (kind: "analyze" | "remediate", table: Table, type: string): Route => {
        const key = checked.has(type) ? type : "";
        const cached = table.routes.get(key);
        if (cached) return cached;
        const runs: number[] = [];
        const gaps: NotApplicableMessage[][] = [[]];
        table.kept.forEach((kept, i) => {
            if (kept === undefined || types[i].has(key)) {
                runs.push(i);
                gaps.push([]);
            } else {
                gaps[gaps.length - 1].push(...kept);
            }
        });
        const Resp = kind === "analyze" ? AnalyzeResponse : RemediateResponse;
        const all = gaps.flat();
        const evaluated = kind === "analyze" ? evaluatedFor(table.loop, key, runs) : undefined;
        // Remediate's handler reads the request before any policy, and with none of them at level
        // remediate does nothing else: then wellFormed's reading of it (resourceRpc) stands for it.
        const remediates = kind === "remediate" && (table.remediating === undefined || runs.some(i => table.remediating!.has(i)));
        const r: Route = {
            runs,
            evaluated,
            handler: (kind === "analyze" && runs.length > 0 && !evaluated) || remediates ? handlerFor(kind, runs) : undefined,
            gaps: gaps.map(entries => ({ entries, bytes: encode(Resp, entries) })),
            all: { entries: all, bytes: encode(Resp, all) },
        };
        table.routes.set(key, r);
        return r;
    };

    /**
     * Puts the kept entries into the handler's response in pack order. The response object holds
     * the full list; its serialization appends the kept bytes to the SDK's own for the rest.
     */
    const complete = (Resp: ResponseClass, resp: ResponseMessage, r: Route): ResponseMessage => {
        const own = resp.getNotApplicableList();
        let entries: readonly NotApplicableMessage[];
        let chunks: Buffer[];
        if (own.length === 0) {
            entries = r.all.entries;
            chunks = [r.all.bytes];
        } else {
            const byPolicy = new Map<number, NotApplicableMessage[]>();
            const stray: NotApplicableMessage[] = [];
            for (const na of own) {
                const i = indexOf.get(na.getPolicyName());
                if (i === undefined) stray.push(na);
                else byPolicy.set(i, [...(byPolicy.get(i) ?? []), na]);
            }
            const merged: NotApplicableMessage[] = [];
            entries = merged;
            chunks = [];
            r.gaps.forEach((gap, j) => {
                merged.push(...gap.entries);
                chunks.push(gap.bytes);
                const mine = j < r.runs.length ? byPolicy.get(r.runs[j]) : j === r.runs.length ? stray : undefined;
                if (mine?.length) {
                    merged.push(...mine);
                    chunks.push(encode(Resp, mine));
                }
            });
        }
        if (entries.length === 0) return resp;
        if (fastBytes) {
            if (own.length > 0) resp.setNotApplicableList([]);
            // An Analyze answer without diagnostics has no bytes but the list's (checked below).
            const head = Resp === AnalyzeResponse && emptyAnalyzeHead && (resp as unknown as { getDiagnosticsList(): unknown[] }).getDiagnosticsList().length === 0 ? emptyHead : resp.serializeBinary();
            const bytes = head.length === 0 && chunks.length === 1 ? chunks[0] : Buffer.concat([head, ...chunks]);
            resp.serializeBinary = () => bytes;
            (resp as ResponseMessage & { [keptBytes]?: Buffer })[keptBytes] = bytes;
        }
        // Whatever reads the list (the SDK's serializer too, without kept bytes) reads all of it.
        // Setting it instead would convert every entry into the message, for each response.
        resp.getNotApplicableList = () => [...entries];
        return resp;
    };

    // Config generations: Configure replaces the SDK's config, so the tables are rebuilt after it.
    let generation = 0;
    const rebuildingAfter = (handler: Handler): Handler => (call, callback) =>
        handler(call, (err, resp) => {
            generation++;
            callback(err, resp);
        });
    let tables: { generation: number; analyze: Promise<Table>; remediate: Promise<Table> } | undefined;
    const current = () => {
        if (!tables || tables.generation !== generation) {
            // Only Analyze evaluates in one pass; a failed capture leaves its policies to the SDK's handlers.
            const loop = captureLoop().catch(() => undefined);
            tables = {
                generation,
                analyze: Promise.all([probe("analyze"), loop]).then(([kept, l]) => ({ routes: new Map(), kept, loop: l })),
                remediate: Promise.all([probe("remediate"), captureRemediating().catch(() => undefined)]).then(([kept, remediating]) => ({ routes: new Map(), kept, remediating })),
            };
            // A failed probe leaves that RPC to the SDK for this generation.
            tables.analyze.catch(() => undefined);
            tables.remediate.catch(() => undefined);
        }
        return tables;
    };

    /** False when the SDK would fail on the request: it then answers the request itself. */
    const wellFormed = (req: ProtoRequest): boolean => {
        try {
            if (!req.getOptions()) return false;
            deserialize()(req.getProperties(), false);
            const provider = req.getProvider();
            if (provider) deserialize()(provider.getProperties(), false);
            return true;
        } catch {
            return false;
        }
    };

    const resourceRpc = (kind: "analyze" | "remediate"): Handler => {
        const sdkHandler = kind === "analyze" ? analyze : remediate;
        const Resp = kind === "analyze" ? AnalyzeResponse : RemediateResponse;
        return (call, callback) => {
            // A request read from its bytes (stack-wire.ts) is decoded the SDK's way only for the SDK's
            // handler, which then finds it where gRPC put it. (A view of the call made with
            // Object.create would make every call object a prototype, which V8 optimizes against.)
            const wire = call.request instanceof WireAnalyzeRequest ? call.request : undefined;
            const sdkCall = () => {
                if (wire) call.request = wire.message();
                return call;
            };
            // Policies are pure functions of the request, so the SDK may answer any request afresh.
            const bySdk = () => {
                if (wire && !wire.decodes()) return callback({ code: grpcInternal, details: "Error deserializing request" });
                return void sdkHandler(sdkCall(), callback);
            };
            current()[kind].then(table => {
                let r: Route;
                try {
                    if (!wire && !wellFormed(call.request as ProtoRequest)) return bySdk();
                    r = route(kind, table, wire ? wire.read.type : (call.request as ProtoRequest).getType());
                } catch {
                    return bySdk();
                }
                const finish = (resp: ResponseMessage) => {
                    let done: ResponseMessage;
                    try {
                        done = complete(Resp, resp, r);
                    } catch {
                        return bySdk();
                    }
                    callback(null, done);
                };
                if (r.evaluated) {
                    let resp: ResponseMessage;
                    try {
                        resp = evaluateOnce(wire ? wire.read : analyzed(call.request as ProtoRequest & { getName(): string; getUrn(): string }), r.evaluated, table.loop!);
                    } catch {
                        return bySdk();
                    }
                    return finish(resp);
                }
                if (!r.handler) return finish(new Resp());
                if (wire && !wire.decodes()) return bySdk();
                r.handler(sdkCall(), (err, resp) => (err ? callback(err, resp) : finish(resp as ResponseMessage)));
            }, bySdk);
        };
    };

    const stackPolicies = sdkPolicies.filter((p): p is StackValidationPolicy => isFunction((p as { validateStack?: unknown }).validateStack));
    const stackRpc: Handler = (wireCall, callback) => {
        // A request read from its bytes (stack-wire.ts) is decoded the SDK's way only if the SDK's
        // own handler is to answer it, or reads anything of it but its resources.
        const wire = wireCall.request instanceof WireStackRequest ? wireCall.request : undefined;
        const call = wire ? (Object.create(wireCall, { request: { get: () => wire.message() } }) as typeof wireCall) : wireCall;
        const bySdk = () => {
            // Bytes read here but not by the SDK's decoding fail as gRPC fails a request it cannot decode.
            if (wire && !wire.decodes()) return callback({ code: grpcInternal, details: "Error deserializing request" });
            return void analyzeStack(call, callback);
        };
        if (stackPolicies.length === 0) return bySdk();
        const req = (wire ? undefined : call.request) as { getResourcesList(): { getType(): string }[] } | undefined;
        const typesOf = () => (wire ? wire.resources.map(r => r.type) : req!.getResourcesList().map(r => r.getType()));
        let present: Set<string> | undefined;
        let shared: Promise<readonly unknown[] | undefined> | undefined;
        let captureFailed = false;
        // The resources as stack policies read them (stack-wire.ts or stack-request.ts), or, where
        // the SDK's build fails on the request, as the SDK's handler builds them; once for this request.
        const capture = () =>
            (shared ??= new Promise(resolve => {
                if (wire) return resolve(wire.resources);
                const own = stackResources(req!.getResourcesList() as unknown as ProtoResource[], deserialize());
                if (own) return resolve(own);
                let resources: readonly unknown[] | undefined;
                const capturing = { name: captureName, description: "", enforcementLevel: "mandatory", validateStack: (args: { resources: readonly unknown[] }) => void (resources = args.resources) };
                makeStack([capturing as SdkPolicy])(call, err => resolve(err ? undefined : resources));
            }));
        let list: SdkPolicy[];
        let view: unknown;
        try {
            list = stackPolicies.map(p => {
                const validateStack = p.validateStack;
                const type = getPulumiType(validateStack);
                // The SDK's own type check answers for a type the stack lacks (it looks only at types).
                if (type && !(present ??= new Set(typesOf())).has(type)) return p;
                const withShared = async (args: StackValidationArgs, report: ReportViolation) => {
                    const resources = await capture();
                    if (resources === undefined) {
                        captureFailed = true;
                        throw new Error("the SDK could not build the stack's resources");
                    }
                    return validateStack({ ...args, resources: resources as StackValidationArgs["resources"] }, report);
                };
                return { ...p, validateStack: withShared };
            });
            // The handler gets no resources of its own: each policy gets the captured ones.
            const request = wire ? wire.withoutResources() : Object.create(req!, { getResourcesList: { value: () => [] } });
            view = Object.create(call, { request: { value: request } });
        } catch {
            return bySdk();
        }
        return makeStack(list)(view as { request: unknown }, (err, resp) => (captureFailed ? bySdk() : callback(err, resp)));
    };

    const emptyHead = new Uint8Array(0);
    const emptyAnalyzeHead = (() => {
        try {
            const r = new AnalyzeResponse() as ResponseMessage & { setDiagnosticsList(d: unknown[]): void };
            r.setDiagnosticsList([]);
            r.setNotApplicableList([]);
            return r.serializeBinary().length === 0;
        } catch {
            return false;
        }
    })();
    // Serializing by appending kept bytes is used only when it gives the SDK's bytes exactly.
    const fastBytes =
        options.keptBytes &&
        sameBytes(AnalyzeResponse, proto, r => {
            const d = new proto.AnalyzeDiagnostic();
            d.setPolicyname("a");
            d.setMessage("m");
            r.setDiagnosticsList([d]);
        }) &&
        sameBytes(RemediateResponse, proto, r => {
            const d = new proto.Remediation();
            d.setPolicyname("a");
            d.setDiagnostic("d");
            r.setRemediationsList([d]);
        });

    // The answer `npm run build` recorded, if it was recorded for exactly what serve() was given.
    let info: Uint8Array | undefined | null;
    const AnalyzerInfo = m.proto.AnalyzerInfo as ResponseClass | undefined;
    const infoRpc: Handler = (call, callback) => {
        if (info === undefined) info = (options.keptBytes && served.args && AnalyzerInfo && options.analyzerInfoRecord && recordedAnalyzerInfo(served.args, options.analyzerInfoRecord)) || null;
        if (!info || !AnalyzerInfo) return getAnalyzerInfo(call, callback);
        const resp = new AnalyzerInfo();
        const bytes = info;
        resp.serializeBinary = () => bytes;
        return callback(null, resp);
    };

    return {
        ...sdk,
        getAnalyzerInfo: infoRpc,
        configure: rebuildingAfter((call, callback) =>
            // The SDK's handler reads a request read from its bytes through what was read.
            configure(call.request instanceof WireConfigureRequest ? (Object.create(call, { request: { value: call.request.forSdk() } }) as typeof call) : call, callback),
        ),
        // New stack tags are part of what the loop gives policies: captured afresh after them.
        ...(configureStack ? { configureStack: rebuildingAfter(configureStack) } : {}),
        analyze: resourceRpc("analyze"),
        remediate: resourceRpc("remediate"),
        analyzeStack: stackRpc,
    };
}

type Proto = Record<string, new () => Record<string, (...a: unknown[]) => unknown>>;

/** gRPC's INTERNAL status, which grpc-js answers with for a request it cannot decode. */
const grpcInternal = 13;

/** A request read from its bytes, with the SDK's decoding of it on demand. */
class WireRequest {
    private decoded: unknown;
    constructor(
        private readonly bytes: Buffer,
        private readonly sdkDecode: (bytes: Buffer) => unknown,
    ) {}
    /** The request as the SDK's protobuf code decodes it. */
    message(): Record<string, unknown> {
        return (this.decoded ??= this.sdkDecode(this.bytes)) as Record<string, unknown>;
    }
    /** Whether the SDK's protobuf code decodes the bytes at all. */
    decodes(): boolean {
        try {
            this.message();
            return true;
        } catch {
            return false;
        }
    }
}

/** An AnalyzeStack request read from its bytes. */
export class WireStackRequest extends WireRequest {
    constructor(
        readonly resources: readonly PolicyResource[],
        bytes: Buffer,
        sdkDecode: (bytes: Buffer) => unknown,
    ) {
        super(bytes, sdkDecode);
    }
    /** The request with no resources, for the SDK's handler to run stack policies given their own. */
    withoutResources(): object {
        return overlay({ getResourcesList: () => [] }, () => this.message());
    }
}

/**
 * What `own` has, and anything else as `sdk()` (the SDK's decoding, made on first use) has it,
 * its methods bound to it: a message read from its bytes standing in for the SDK's.
 */
function overlay(own: Record<string, unknown>, sdk: () => object): object {
    return new Proxy(
        {},
        {
            get: (_, key) => {
                if (Object.prototype.hasOwnProperty.call(own, key)) return own[key as string];
                const m = sdk() as Record<PropertyKey, unknown>;
                const v = m[key];
                return typeof v === "function" ? v.bind(m) : v;
            },
        },
    );
}

/** A Configure request read from its bytes: its policy configurations, in the order the SDK's map gives them. */
export class WireConfigureRequest extends WireRequest {
    constructor(
        readonly configs: readonly [string, ReadPolicyConfig][],
        bytes: Buffer,
        sdkDecode: (bytes: Buffer) => unknown,
    ) {
        super(bytes, sdkDecode);
    }
    /** The request as the SDK's configure handler reads it (`getPolicyconfigMap().entries()`). */
    forSdk(): object {
        type Map = { get(k: string): Record<string, () => unknown> };
        const sdkMap = () => (this.message().getPolicyconfigMap as () => Map)();
        const entries = () =>
            this.configs
                .map(([k, c]): [string, object] => {
                    const sdkConfig = () => sdkMap().get(k);
                    const properties = overlay({ toJavaScript: () => c.properties() }, () => sdkConfig().getProperties() as object);
                    return [k, overlay({ getEnforcementlevel: () => c.enforcementLevel, getProperties: () => properties }, sdkConfig)];
                })
                [Symbol.iterator]();
        const map = overlay({ entries }, sdkMap);
        return overlay({ getPolicyconfigMap: () => map }, () => this.message());
    }
}

/**
 * An Analyze request read from its bytes: a request whose type's policies all run in one pass, or
 * that none checks, is answered without the SDK's decoding.
 */
export class WireAnalyzeRequest extends WireRequest {
    constructor(
        readonly read: AnalyzedRequest,
        bytes: Buffer,
        sdkDecode: (bytes: Buffer) => unknown,
    ) {
        super(bytes, sdkDecode);
    }
}

/** The SDK's options decoder, and the signatures its deserializer reads; undefined when either is missing. */
function wireBasics(m: SdkModules): { sig: Signatures; decodeOptions: (b: Uint8Array) => unknown } | undefined {
    const key = m.rpc?.specialSigKey;
    const secret = m.rpc?.specialSecretSig;
    if (typeof key !== "string" || typeof secret !== "string" || !key || !secret) return undefined;
    const Options = m.proto.AnalyzerResourceOptions as unknown as { deserializeBinary?: (b: Uint8Array) => unknown };
    if (typeof Options?.deserializeBinary !== "function") return undefined;
    return { sig: { key, secret }, decodeOptions: (b: Uint8Array) => Options.deserializeBinary!.call(Options, b) };
}

/** Properties of a probe resource: every kind of value, keys out of order, a secret. */
const probeProps = (sig: Signatures) => ({ z: 1.5, a: "✓ text", "10": true, "2": null, l: [1, "x", { o: [false, {}] }, []], s: { [sig.key]: sig.secret, value: { v: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } }, e: {} });

/**
 * Reads Analyze requests from their bytes (stack-wire.ts), or undefined when the SDK lacks what
 * that needs or a probe request does not read exactly as the SDK's decoding and loop read it.
 */
export function analyzeWireReader(m: SdkModules): ((bytes: Buffer) => AnalyzedRequest | undefined) | undefined {
    try {
        const basics = wireBasics(m);
        if (!basics) return undefined;
        const { sig, decodeOptions } = basics;
        const proto = m.proto as Proto & Record<string, { deserializeBinary?: (b: Uint8Array) => ProtoRequest & { getName(): string; getUrn(): string } }>;
        const Struct = m.Struct as unknown as { fromJavaScript(v: object): object };
        const deserializeProperties = m.deserialize.deserializeProperties as (s: object | undefined, proxySecrets: boolean) => unknown;
        const decode = proto.AnalyzeRequest.deserializeBinary;
        if (typeof decode !== "function") return undefined;
        const read = (b: Buffer) => decodeAnalyzeRequest(b, sig, decodeOptions);
        const provider = new proto.AnalyzerProviderResource();
        provider.setType("pulumi:providers:probe");
        provider.setProperties(Struct.fromJavaScript({ region: "r" }));
        const probes = [true, false].map(protect => {
            const r = new proto.AnalyzeRequest();
            r.setType("probe:a:A");
            r.setName("a");
            r.setUrn("urn:pulumi:probe::probe::probe:a:A::a");
            r.setProperties(Struct.fromJavaScript(protect ? probeProps(sig) : {}));
            r.setOptions((new proto.AnalyzerResourceOptions() as unknown as { setProtect(p: boolean): object }).setProtect(protect));
            if (protect) r.setProvider(provider);
            return Buffer.from(r.serializeBinary() as unknown as Uint8Array);
        });
        const seen = (req: AnalyzedRequest | undefined) => req && JSON.stringify([req.type, req.name, req.urn, req.props, (req.options as { getProtect(): boolean }).getProtect()]);
        for (const bytes of probes) {
            const sdk = decode.call(proto.AnalyzeRequest, bytes);
            const expected = seen({ type: sdk.getType(), name: sdk.getName(), urn: sdk.getUrn(), props: deserializeProperties(sdk.getProperties(), false) as Record<string, unknown>, options: sdk.getOptions() });
            if (seen(read(bytes)) !== expected) return undefined;
        }
        return read;
    } catch {
        return undefined;
    }
}

/**
 * Reads AnalyzeStack requests from their bytes (stack-wire.ts), or undefined when the SDK lacks
 * what that needs or a probe request does not read exactly as the SDK's decoding and build read it.
 */
export function stackWireReader(m: SdkModules): ((bytes: Buffer) => readonly PolicyResource[] | undefined) | undefined {
    try {
        const basics = wireBasics(m);
        if (!basics) return undefined;
        const { sig, decodeOptions } = basics;
        const key = sig.key;
        const proto = m.proto as Proto & Record<string, { deserializeBinary?: (b: Uint8Array) => { getResourcesList(): unknown[] } }>;
        const Struct = m.Struct as unknown as { fromJavaScript(v: object): object };
        const deserializeProperties = m.deserialize.deserializeProperties as (s: object | undefined, proxySecrets: boolean) => unknown;
        const request = new proto.AnalyzeStackRequest();
        const resource = (type: string, name: string, props: object, deps: Record<string, string[]>, withProvider: boolean) => {
            const r = new proto.AnalyzerResource();
            r.setType(type);
            r.setName(name);
            r.setUrn(`urn:pulumi:probe::probe::${type}::${name}`);
            r.setProperties(Struct.fromJavaScript(props));
            r.setOptions(new proto.AnalyzerResourceOptions());
            if (withProvider) {
                const p = new proto.AnalyzerProviderResource();
                p.setType("pulumi:providers:probe");
                p.setProperties(Struct.fromJavaScript({ region: "r", [key]: "" }));
                r.setProvider(p);
            }
            const map = (r.getPropertydependenciesMap as () => { set(k: string, v: unknown): void })();
            for (const [k, urns] of Object.entries(deps)) {
                const d = new proto.AnalyzerPropertyDependencies();
                d.setUrnsList(urns);
                map.set(k, d);
            }
            return r;
        };
        request.setResourcesList([
            resource("probe:a:A", "a", probeProps(sig), { l: ["u:b", "u:c"], a: [] }, true),
            resource("probe:b:B", "b", {}, {}, false),
        ]);
        const bytes = Buffer.from(request.serializeBinary() as unknown as Uint8Array);
        const decode = proto.AnalyzeStackRequest.deserializeBinary;
        if (typeof decode !== "function") return undefined;
        const expected = stackResources(decode.call(proto.AnalyzeStackRequest, bytes).getResourcesList() as ProtoResource[], deserializeProperties);
        const read = (b: Buffer) => decodeStackRequest(b, sig, decodeOptions);
        if (!expected || JSON.stringify(read(bytes)) !== JSON.stringify(expected)) return undefined;
        return read;
    } catch {
        return undefined;
    }
}

/** Probe configurations: keys out of order, every level and one the SDK does not know, every kind of value, a signature left as it is. */
const probeConfigs = (sig: Signatures | undefined): [string, number, object][] => [
    ["z-policy", 1, { z: 1.5, a: "✓ text", "10": true, "2": null, l: [1, "x", { o: [false, {}] }, []], e: {} }],
    ["a-policy", 0, {}],
    ["m-policy", 2, { enforcementLevel: "advisory", s: sig ? { [sig.key]: sig.secret, value: "v" } : {} }],
    ["b-policy", 3, { n: -0.25 }],
    ["unknown-level", 7, { x: [] }],
];

/**
 * Reads Configure requests from their bytes (stack-wire.ts), or undefined when a probe request does
 * not read exactly as the SDK's decoding gives it to the SDK's handler.
 */
export function configureWireReader(m: SdkModules): ((bytes: Buffer) => readonly [string, ReadPolicyConfig][] | undefined) | undefined {
    try {
        type Config = { getEnforcementlevel(): number; getProperties(): { toJavaScript(): unknown } };
        const proto = m.proto as Proto & Record<string, { deserializeBinary?: (b: Uint8Array) => { getPolicyconfigMap(): { entries(): Iterable<[string, Config]> } } }>;
        const Struct = m.Struct as unknown as { fromJavaScript(v: object): object };
        const decode = proto.ConfigureAnalyzerRequest?.deserializeBinary;
        if (typeof decode !== "function" || !isFunction(proto.PolicyConfig)) return undefined;
        const request = new proto.ConfigureAnalyzerRequest();
        const map = (request.getPolicyconfigMap as () => { set(k: string, v: unknown): void })();
        const key = m.rpc?.specialSigKey;
        const secret = m.rpc?.specialSecretSig;
        for (const [name, level, props] of probeConfigs(typeof key === "string" && typeof secret === "string" ? { key, secret } : undefined)) {
            const c = new proto.PolicyConfig();
            c.setEnforcementlevel(level);
            c.setProperties(Struct.fromJavaScript(props));
            map.set(name, c);
        }
        const bytes = Buffer.from(request.serializeBinary() as unknown as Uint8Array);
        const expected = [...decode.call(proto.ConfigureAnalyzerRequest, bytes).getPolicyconfigMap().entries()].map(([k, c]) => [k, c.getEnforcementlevel(), c.getProperties().toJavaScript()]);
        const read = (b: Buffer) => decodeConfigureRequest(b);
        const got = read(bytes)?.map(([k, c]) => [k, c.enforcementLevel, c.properties()]);
        if (JSON.stringify(got) !== JSON.stringify(expected)) return undefined;
        return read;
    } catch {
        return undefined;
    }
}

/** A dispatched response's whole serialization, when it was put together from kept bytes. */
export const keptBytes = Symbol("hipaa-guard.kept-bytes");

/**
 * The analyzer service definition with Analyze and Remediate responses that carry kept bytes
 * handed to gRPC as they are, and, given `readStack`, `readAnalyze` and `readConfigure`,
 * AnalyzeStack, Analyze and Configure requests read from their bytes.
 * The generated serializer copies every answer (`Buffer.from(serializeBinary())`) before gRPC
 * copies it again into its frame; at some 20 KB of not-applicable entries per answer, that copy
 * and the garbage it leaves are a measurable part of a request's cost. Any other response, a
 * request its reader does not read, and a definition not shaped as expected keep the generated code.
 */
export function servingService(
    service: unknown,
    readStack?: (bytes: Buffer) => readonly PolicyResource[] | undefined,
    readAnalyze?: (bytes: Buffer) => AnalyzedRequest | undefined,
    readConfigure?: (bytes: Buffer) => readonly [string, ReadPolicyConfig][] | undefined,
): unknown {
    if (typeof service !== "object" || service === null) return service;
    const methods = service as Record<string, { responseSerialize?: unknown; requestDeserialize?: unknown } | undefined>;
    const serving = { ...methods };
    for (const name of ["analyze", "remediate"]) {
        const method = methods[name];
        const serialize = method?.responseSerialize;
        if (!method || !isFunction(serialize)) return service;
        serving[name] = { ...method, responseSerialize: (resp: { [keptBytes]?: Buffer }) => resp?.[keptBytes] ?? (serialize as (r: unknown) => Buffer)(resp) };
    }
    // A request `read` reads is handed on as `wrap` makes it; any other the generated code decodes.
    const readingFirst = <T>(name: string, read: ((bytes: Buffer) => T | undefined) | undefined, wrap: (read: T, bytes: Buffer, decode: (b: Buffer) => unknown) => unknown) => {
        const method = serving[name];
        const decode = method?.requestDeserialize;
        if (!read || !method || !isFunction(decode)) return;
        const sdkDecode = decode as (bytes: Buffer) => unknown;
        serving[name] = {
            ...method,
            requestDeserialize: (bytes: Buffer) => {
                const got = Buffer.isBuffer(bytes) ? read(bytes) : undefined;
                return got ? wrap(got, bytes, sdkDecode) : sdkDecode(bytes);
            },
        };
    };
    readingFirst("analyzeStack", readStack, (resources, bytes, decode) => new WireStackRequest(resources, bytes, decode));
    readingFirst("analyze", readAnalyze, (read, bytes, decode) => new WireAnalyzeRequest(read, bytes, decode));
    readingFirst("configure", readConfigure, (configs, bytes, decode) => new WireConfigureRequest(configs, bytes, decode));
    return serving;
}

/**
 * Whether the SDK's protobuf code serializes a response (with `fill` setting its other field) as
 * its serialization without the not-applicable list followed by the list's own serialization.
 */
function sameBytes(Resp: ResponseClass, proto: Proto, fill: (r: Record<string, (...a: unknown[]) => unknown>) => void): boolean {
    try {
        const entry = (policy: string, reason: string) => {
            const e = new proto.PolicyNotApplicable();
            e.setPolicyName(policy);
            e.setReason(reason);
            return e as unknown as NotApplicableMessage;
        };
        const entries = [entry("a", "first"), entry("b", "second, with ✓")];
        const full = new Resp();
        fill(full as unknown as Record<string, (...a: unknown[]) => unknown>);
        const head = full.serializeBinary();
        const list = new Resp();
        list.setNotApplicableList(entries);
        full.setNotApplicableList(entries);
        return Buffer.from(full.serializeBinary()).equals(Buffer.concat([head, list.serializeBinary()]));
    } catch {
        return false;
    }
}
