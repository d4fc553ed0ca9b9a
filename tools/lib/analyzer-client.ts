// A client for a policy pack's analyzer server that does what the Pulumi engine does: start the
// pack with `run-policy-pack`, read the port it prints, and speak the analyzer gRPC protocol.
// Tests, the benchmark and the offline check all go through it, so they exercise what users run.

import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";

/** The engine's encoding of a value not known at preview (plugin.UnknownStringValue). */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The signatures the engine marks special values with (sdk/go/common/resource/sig). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** A value unknown at preview, as a test or a mock writes it. */
export const unknown: unique symbol = Symbol("unknown");
export class Secret {
    constructor(readonly value: unknown) {}
}
export function secret(value: unknown): Secret {
    return new Secret(value);
}

/** Encodes a property value the way the engine sends it over the wire. */
export function encodeValue(value: unknown): unknown {
    if (value === unknown) return UNKNOWN_SENTINEL;
    if (value instanceof Secret) return { [SIG_KEY]: SECRET_SIG, value: encodeValue(value.value) ?? null };
    if (Array.isArray(value)) return value.map(v => encodeValue(v) ?? null);
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined) out[k] = encodeValue(v);
        }
        return out;
    }
    return value;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
const levelToProto: Record<EnforcementLevel, analyzerpb.EnforcementLevel> = {
    advisory: analyzerpb.EnforcementLevel.ADVISORY,
    mandatory: analyzerpb.EnforcementLevel.MANDATORY,
    remediate: analyzerpb.EnforcementLevel.REMEDIATE,
    disabled: analyzerpb.EnforcementLevel.DISABLED,
};
const levelFromProto = Object.fromEntries(Object.entries(levelToProto).map(([k, v]) => [v, k])) as Record<number, EnforcementLevel>;

export interface ResourceInput {
    type: string;
    name: string;
    props: Record<string, unknown>;
    urn?: string;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    /** The `protect` resource option, sent in the request's options as the engine does. */
    protect?: boolean;
}

export interface Diagnostic {
    policyName: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    urn: string;
    severity: number;
    description: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
}

export interface RemediationResult {
    policyName: string;
    properties: Record<string, unknown> | undefined;
    diagnostic: string;
}

export interface PolicyInfo {
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity: number;
    tags: string[];
    remediationSteps: string;
    url: string;
    framework?: { name: string; version: string; reference: string; specification: string };
    configSchema?: { properties: Record<string, { default?: unknown; [k: string]: unknown }>; required: string[] };
}

export interface PackInfo {
    name: string;
    version: string;
    policies: PolicyInfo[];
}

export type PolicyConfig = Record<string, { enforcementLevel?: EnforcementLevel; [knob: string]: unknown }>;

export function urnOf(type: string, name: string, stack = "dev", project = "hipaa-guard"): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

function toAnalyzerResource(r: ResourceInput): analyzerpb.AnalyzerResource {
    const res = new analyzerpb.AnalyzerResource();
    res.setType(r.type);
    res.setName(r.name);
    res.setUrn(r.urn ?? urnOf(r.type, r.name));
    res.setProperties(Struct.fromJavaScript(encodeValue(r.props) as Record<string, never>));
    const options = new analyzerpb.AnalyzerResourceOptions();
    if (r.protect !== undefined) options.setProtect(r.protect);
    res.setOptions(options);
    if (r.parent) res.setParent(r.parent);
    res.setDependenciesList(r.dependencies ?? []);
    const deps = res.getPropertydependenciesMap();
    for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
        const pd = new analyzerpb.AnalyzerPropertyDependencies();
        pd.setUrnsList(urns);
        deps.set(k, pd);
    }
    return res;
}

/** The request Analyze and Remediate take for one resource, as the engine builds it. */
export function toAnalyzeRequest(r: ResourceInput): analyzerpb.AnalyzeRequest {
    const res = toAnalyzerResource(r);
    const req = new analyzerpb.AnalyzeRequest();
    req.setType(res.getType());
    req.setName(res.getName());
    req.setUrn(res.getUrn());
    req.setProperties(res.getProperties());
    req.setOptions(res.getOptions());
    return req;
}

/** The request AnalyzeStack takes for a stack's resources, as the engine builds it. */
export function toAnalyzeStackRequest(resources: readonly ResourceInput[]): analyzerpb.AnalyzeStackRequest {
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList(resources.map(toAnalyzerResource));
    return req;
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

/** What a pack's AnalyzerInfo message says, as the tests and tools read it. */
function fromAnalyzerInfo(info: analyzerpb.AnalyzerInfo): PackInfo {
    return {
        name: info.getName(),
        version: info.getVersion(),
        policies: info.getPoliciesList().map(p => {
            const fw = p.getFramework();
            const schema = p.getConfigschema();
            return {
                name: p.getName(),
                description: p.getDescription(),
                enforcementLevel: levelFromProto[p.getEnforcementlevel()],
                severity: p.getSeverity(),
                tags: p.getTagsList(),
                remediationSteps: p.getRemediationSteps(),
                url: p.getUrl(),
                framework: fw && { name: fw.getName(), version: fw.getVersion(), reference: fw.getReference(), specification: fw.getSpecification() },
                configSchema: schema && {
                    properties: (schema.getProperties()?.toJavaScript() ?? {}) as never,
                    required: schema.getRequiredList(),
                },
            };
        }),
    };
}

/** The AnalyzerInfo message's bytes as a pack answers GetAnalyzerInfo, read as `getAnalyzerInfo` reads them. */
export function packInfoOf(bytes: Uint8Array): PackInfo {
    return fromAnalyzerInfo(analyzerpb.AnalyzerInfo.deserializeBinary(bytes));
}

/**
 * The Configure request the engine sends: every policy gets its enforcement level and its schema
 * defaults, overlaid with `overrides`.
 */
export function configureRequest(info: PackInfo, overrides: PolicyConfig = {}): analyzerpb.ConfigureAnalyzerRequest {
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const policy of info.policies) {
        const { enforcementLevel, ...knobs } = overrides[policy.name] ?? {};
        const props: Record<string, unknown> = {};
        for (const [knob, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (schema.default !== undefined) props[knob] = schema.default;
        }
        Object.assign(props, knobs);
        const pc = new analyzerpb.PolicyConfig();
        pc.setEnforcementlevel(levelToProto[enforcementLevel ?? policy.enforcementLevel]);
        pc.setProperties(Struct.fromJavaScript(props as Record<string, never>));
        map.set(policy.name, pc);
    }
    return req;
}

/** The policies that said they do not apply, from an Analyze or Remediate response. */
export function notApplicableOf(resp: { getNotApplicableList(): analyzerpb.PolicyNotApplicable[] }): NotApplicable[] {
    return resp.getNotApplicableList().map(n => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

function fromAnalyzeResponse(resp: analyzerpb.AnalyzeResponse): AnalyzeResult {
    return {
        diagnostics: resp.getDiagnosticsList().map(d => ({
            policyName: d.getPolicyname(),
            message: d.getMessage(),
            enforcementLevel: levelFromProto[d.getEnforcementlevel()],
            urn: d.getUrn(),
            severity: d.getSeverity(),
            description: d.getDescription(),
        })),
        notApplicable: notApplicableOf(resp),
    };
}

const STDERR_CAP = 64 * 1024;

/** Every pack process started and not yet exited, so that an interrupted caller can end them. */
const running = new Set<ChildProcess>();

/** The policy pack running in its own process, as the engine runs it. */
export class PolicyPackProcess {
    /**
     * Sends `signal` to every pack process still running (from a SIGINT or SIGTERM handler: the
     * packs would otherwise outlive the process that started them).
     */
    static killAll(signal: NodeJS.Signals = "SIGTERM"): void {
        for (const child of running) child.kill(signal);
    }

    private constructor(
        private readonly child: ChildProcess,
        private readonly client: analyzerrpc.AnalyzerClient,
    ) {}

    /** Starts the pack in `packDir` (its package.json `main` is the entry) and connects to it. */
    static async start(packDir: string, opts: { startTimeoutMs?: number } = {}): Promise<PolicyPackProcess> {
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
        // No engine is listening at this address; the pack only uses it for log messages.
        const child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        running.add(child);
        child.once("exit", () => running.delete(child));
        // Kept for the start-failure message only: capped so a chatty pack cannot grow it without bound.
        let stderr = "";
        child.stderr!.on("data", chunk => {
            if (stderr.length < STDERR_CAP) stderr = (stderr + chunk).slice(0, STDERR_CAP);
        });
        const port = await new Promise<number>((resolve, reject) => {
            let stdout = "";
            const timer = setTimeout(() => {
                child.kill();
                reject(new Error(`policy pack did not print its port within ${opts.startTimeoutMs ?? 30000} ms\n${stderr}`));
            }, opts.startTimeoutMs ?? 30000);
            child.stdout!.on("data", chunk => {
                stdout += chunk;
                const line = /^(\d+)\s*$/m.exec(stdout);
                if (line) {
                    clearTimeout(timer);
                    resolve(Number(line[1]));
                }
            });
            child.on("exit", code => {
                clearTimeout(timer);
                reject(new Error(`policy pack exited with code ${code} before printing its port\n${stderr}`));
            });
        });
        const client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        return new PolicyPackProcess(child, client);
    }

    get pid(): number | undefined {
        return this.child.pid;
    }

    private call<Req, Res>(method: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
        return new Promise((resolve, reject) => {
            method.call(this.client, req, (err, res) => (err ? reject(err) : resolve(res)));
        });
    }

    async getAnalyzerInfo(): Promise<PackInfo> {
        return fromAnalyzerInfo(await this.call<Empty, analyzerpb.AnalyzerInfo>(this.client.getAnalyzerInfo, new Empty()));
    }

    /**
     * Configures the pack as the engine does: every policy gets its enforcement level and its
     * schema defaults, overlaid with `overrides`.
     */
    async configure(info: PackInfo, overrides: PolicyConfig = {}): Promise<void> {
        await this.call<analyzerpb.ConfigureAnalyzerRequest, Empty>(this.client.configure, configureRequest(info, overrides));
    }

    /**
     * Calls `method` with a request already serialized and hands back the answer's bytes, with no
     * protobuf work in this process: for timing what the pack spends (the engine, in Go, decodes a
     * 400 KB GetAnalyzerInfo answer in a millisecond or two; the JavaScript library here takes 100 ms).
     */
    callBytes(method: "getAnalyzerInfo" | "configure", request: Uint8Array): Promise<Buffer> {
        const path = (analyzerrpc.AnalyzerService as unknown as Record<string, { path: string }>)[method].path;
        const same = (b: Buffer) => b;
        return new Promise((resolve, reject) => {
            this.client.makeUnaryRequest(path, same, same, Buffer.from(request), (err, res) => (err ? reject(err) : resolve(res!)));
        });
    }

    /** Tells the pack which stack it analyzes, with the stack's tags, as the engine does first. */
    async configureStack(opts: { stack?: string; project?: string; organization?: string; dryRun?: boolean; tags?: Record<string, string> } = {}): Promise<void> {
        const req = new analyzerpb.AnalyzerStackConfigureRequest();
        req.setStack(opts.stack ?? "dev");
        req.setProject(opts.project ?? "hipaa-guard");
        req.setOrganization(opts.organization ?? "organization");
        req.setDryRun(opts.dryRun ?? true);
        const tags = req.getTagsMap();
        for (const [k, v] of Object.entries(opts.tags ?? {})) tags.set(k, v);
        await this.call<analyzerpb.AnalyzerStackConfigureRequest, analyzerpb.AnalyzerStackConfigureResponse>(this.client.configureStack, req);
    }

    async analyze(r: ResourceInput): Promise<AnalyzeResult> {
        return fromAnalyzeResponse(await this.call<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>(this.client.analyze, toAnalyzeRequest(r)));
    }

    async analyzeStack(resources: ResourceInput[]): Promise<AnalyzeResult> {
        const req = toAnalyzeStackRequest(resources);
        return fromAnalyzeResponse(await this.call<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>(this.client.analyzeStack, req));
    }

    async remediate(r: ResourceInput): Promise<{ remediations: RemediationResult[]; notApplicable: NotApplicable[] }> {
        const resp = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.RemediateResponse>(this.client.remediate, toAnalyzeRequest(r));
        return {
            remediations: resp.getRemediationsList().map(m => ({
                policyName: m.getPolicyname(),
                properties: m.getProperties()?.toJavaScript() as Record<string, unknown> | undefined,
                diagnostic: m.getDiagnostic(),
            })),
            notApplicable: notApplicableOf(resp),
        };
    }

    /** Ends the pack. Returns at once when it already exited or was killed (a crash included). */
    async stop(): Promise<void> {
        this.client.close();
        if (this.exited()) return;
        await new Promise<void>(resolve => {
            this.child.once("exit", () => resolve());
            // It may have exited between the check above and now: "exit" would never come again.
            if (this.exited() || !this.child.kill()) resolve();
        });
    }

    private exited(): boolean {
        return this.child.exitCode !== null || this.child.signalCode !== null;
    }
}

/** The repository root, where the compiled pack's package.json lives. */
export const repoRoot = path.resolve(__dirname, "..", "..");
