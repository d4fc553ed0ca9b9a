// Turning a declarative policy definition into an SDK policy. This is the one place that talks to
// the SDK for resource policies: it fills the metadata from the control catalog, resolves config,
// applies waivers and the PHI scope, shields the SDK from anything a check throws, reports outcomes
// in one message format, and builds remediations that keep every value they do not fix.

import {
    ReportViolation,
    ResourceRemediation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    remediateResourceOfType,
    validateResourceOfType,
} from "@pulumi/policy";
import { citation, HipaaRef, hipaaSections, hipaaUrl, HitrustRef } from "./catalog";
import { gate, Gate, scopeKnob, waiversKnob } from "./gates";
import { configSchema, InvalidKnob, Knobs, KnobValues, resolveKnobs, unknownKnobFinding } from "./knobs";
import { formatFinding, formatUndecided } from "./messages";
import { Outcome, violation } from "./outcome";
import { Props } from "./props";
import { Patch, patchedValue } from "./rules";

export interface Resource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Props;
    /** The `protect` resource option (the engine sends it with every Analyze call); undefined where it is not known. */
    readonly protect?: boolean;
}

export interface PolicyDefinition<K extends Knobs = Knobs> {
    /** The policy name users configure by. */
    readonly name: string;
    /** What a compliant resource looks like, in one sentence. */
    readonly description: string;
    readonly severity: Severity;
    /** Resource type tokens this policy checks. */
    readonly types: readonly string[];
    readonly hipaa: readonly [HipaaRef, ...HipaaRef[]];
    readonly hitrust: readonly [HitrustRef, ...HitrustRef[]];
    /** Topic tags besides the cloud and the citations (e.g. "encryption"). */
    readonly tags: readonly string[];
    /** The rules of the yardsticks this policy answers (docs/anchors/*.csv), shown in docs/coverage.md and as tags. */
    readonly anchors?: Anchors;
    /** How to fix a violation, as steps (Markdown). */
    readonly remediation: string;
    readonly knobs?: K;
    readonly check: (resource: Resource, config: KnobValues<K>) => Outcome | readonly Outcome[];
    /**
     * The safe, unambiguous fix under enforcement level `remediate`: the properties to set, or
     * nothing when there is nothing it may fix. Must leave unknown and wrong-typed values alone.
     */
    readonly remediate?: (resource: Resource, config: KnobValues<K>) => Patch | undefined;
    /** Why there is no automatic fix (which decision only a person can make). */
    readonly noAutoRemediation?: string;
}

export interface Anchors {
    /** AWS Config HIPAA conformance pack rule names (docs/anchors/aws-config-hipaa.csv `rule`). */
    readonly awsConfig?: readonly string[];
    /** GCP HIPAA rule ids (docs/anchors/gcp-hipaa.csv `id`). */
    readonly gcp?: readonly string[];
    /** Checkov check IDs that test the same control. */
    readonly checkov?: readonly string[];
}

/** What a policy's validation reads of the SDK's arguments. */
export type EvaluationArgs = Pick<ResourceValidationArgs, "type" | "name" | "urn" | "props" | "stackTags" | "getConfig"> & {
    readonly opts?: { readonly protect?: boolean };
};

/** A policy definition compiled for the SDK, with the definition kept for docs and reports. */
export interface HipaaPolicy {
    readonly definition: PolicyDefinition<Knobs>;
    readonly sdk: ResourceValidationPolicy;
    /**
     * The SDK validation's own work on a resource of one of the policy's types, without the SDK
     * around it: reports in the object form, and returns the not-applicable reason where the SDK
     * validation would declare one. Per-type dispatch (dispatch.ts) runs the pack's policies
     * through this, once per request instead of once per policy in the SDK's loop.
     */
    readonly evaluate: (args: EvaluationArgs, report: DiagnosticReport) => string | undefined;
}

/** Knobs every policy has: waivers and the PHI scope. */
export const commonKnobs = { waivers: waiversKnob, scope: scopeKnob };

// The SDK accepts an object form of reportViolation that sets the diagnostic's own message,
// enforcement level and URN (server.js makeReportViolationFun; the second argument is then
// ignored); its published type only names the string form.
export type DiagnosticReport = (diagnostic: { message: string; enforcementLevel?: "advisory"; urn?: string }) => void;

/** The `protect` resource option, read defensively: the SDK's object is trusted no more than the properties. */
function protectOption(args: EvaluationArgs): boolean | undefined {
    const opts = (args as { opts?: unknown }).opts;
    const protect = typeof opts === "object" && opts !== null ? (opts as { protect?: unknown }).protect : undefined;
    return typeof protect === "boolean" ? protect : undefined;
}

/** A type-token stand-in for a resource class, so the SDK can filter by type without @pulumi/aws. */
function typeToken(type: string): Parameters<typeof validateResourceOfType>[0] {
    return { __pulumiType: type } as unknown as Parameters<typeof validateResourceOfType>[0];
}

export function defineResourcePolicy<K extends Knobs>(definition: PolicyDefinition<K>): HipaaPolicy {
    const ownKnobs = (definition.knobs ?? {}) as K;
    const cite = citation(definition.hipaa, definition.hitrust);
    const types = new Set(definition.types);

    /** Config, gate and resource for one call, or the reason the policy stops before checking. */
    function prepare(args: EvaluationArgs):
        | { stop: "invalidConfig"; message: string }
        | { stop: "skip"; reason: string }
        | { resource: Resource; config: KnobValues<K>; waiverProblem?: Outcome } {
        const config = resolveKnobConfig(definition.name, ownKnobs, args, cite);
        if ("invalid" in config) return { stop: "invalidConfig", message: config.invalid };
        const { common } = config;
        const resource: Resource = { type: args.type, name: args.name, urn: args.urn, props: new Props(args.props), protect: protectOption(args) };
        const g: Gate = gate({
            policy: definition.name,
            urn: args.urn,
            name: args.name,
            props: resource.props,
            stackTags: args.stackTags,
            waivers: common.waivers,
            scope: common.scope,
        });
        if (g.kind === "skip") return { stop: "skip", reason: g.reason };
        return { resource, config: config.own, waiverProblem: g.kind === "waiverProblem" ? waiverViolation(g) : undefined };
    }

    const evaluate = (args: EvaluationArgs, report: DiagnosticReport): string | undefined => {
        const prepared = prepare(args);
        if ("stop" in prepared) {
            if (prepared.stop === "skip") return prepared.reason;
            report({ message: prepared.message });
            return undefined;
        }
        let outcomes: readonly Outcome[];
        try {
            const result = definition.check(prepared.resource, prepared.config);
            outcomes = Array.isArray(result) ? result : [result as Outcome];
        } catch (e) {
            // A bug or input no check foresaw: fail closed on this resource, never the whole preview.
            report({ message: couldNotEvaluate("resource", e, cite) });
            return undefined;
        }
        if (prepared.waiverProblem) outcomes = [prepared.waiverProblem, ...outcomes];
        return reportOutcomes(outcomes, cite, report);
    };

    const validate = (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
        const reason = evaluate(args, reportViolation as unknown as DiagnosticReport);
        if (reason !== undefined) declareNotApplicable(args, reason);
    };

    const remediate = (args: ResourceValidationArgs): Patch | undefined => {
        const prepared = prepare(args);
        if ("stop" in prepared) {
            // A misconfigured policy changes nothing; its violation is reported by validation.
            return prepared.stop === "skip" ? declareNotApplicable(args, prepared.reason) : undefined;
        }
        if (!definition.remediate) {
            return declareNotApplicable(args, `no automatic remediation: ${definition.noAutoRemediation ?? "the fix needs a decision only a person can make"}`);
        }
        let patch: Patch | undefined;
        try {
            patch = definition.remediate(prepared.resource, prepared.config);
        } catch {
            return undefined; // Leave the resource as it came; validation reports the problem.
        }
        return applyPatch(prepared.resource.props, patch);
    };

    let validateResource: ResourceValidation;
    let remediateResource: ResourceRemediation;
    if (definition.types.length === 1) {
        // Tagged with the type token, so the SDK skips other types before deserializing them.
        validateResource = validateResourceOfType(typeToken(definition.types[0]), (_props, args, reportViolation) => validate(args, reportViolation));
        remediateResource = remediateResourceOfType(typeToken(definition.types[0]), (_props, args) => remediate(args));
    } else {
        // Reported not applicable like a tagged policy, or Pulumi Cloud would record it as passed.
        // This reason goes with every other resource's answer (some 170 of them each), so a policy over
        // more than two types names one and counts the rest; the docs list them all.
        const named = definition.types.length <= 2 ? definition.types : definition.types.slice(0, 1);
        const listed = named.map(t => `'${t}'`).join(", ");
        const otherType = named.length === definition.types.length
            ? `Policy only applies to resources of type ${listed.replace(/, ([^,]*)$/, " or $1")}`
            : `Policy only applies to resources of type ${listed} and ${definition.types.length - named.length} other types`;
        validateResource = (args, reportViolation) => (types.has(args.type) ? validate(args, reportViolation) : declareNotApplicable(args, otherType));
        remediateResource = args => (types.has(args.type) ? remediate(args) : declareNotApplicable(args, otherType));
    }

    const sdk: ResourceValidationPolicy = {
        ...policyMetadata(definition),
        validateResource,
        remediateResource,
    };
    return { definition: definition as unknown as PolicyDefinition<Knobs>, sdk, evaluate };
}

/**
 * Tells the SDK the policy does not apply. The SDK's `notApplicable` throws an Error that it
 * catches and reads only the reason of; capturing that Error's stack trace was a measurable share
 * of a checked resource's cost, so none is captured. The reason, and so the answer, is the same.
 */
export function declareNotApplicable(args: { notApplicable(reason?: string): never }, reason: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return args.notApplicable(reason);
    } finally {
        Error.stackTraceLimit = limit;
    }
}

/** What the SDK (and Pulumi Cloud) shows of a policy, derived from its definition and the catalog. */
export function policyMetadata(definition: Omit<PolicyDefinition, "check" | "remediate">): Omit<ResourceValidationPolicy, "validateResource" | "remediateResource"> {
    const primary = definition.hipaa[0];
    return {
        name: definition.name,
        description: `${definition.description} [${citation(definition.hipaa, definition.hitrust)}]`,
        enforcementLevel: "mandatory",
        severity: definition.severity,
        framework: {
            name: "HIPAA Security Rule",
            version: "45 CFR Part 164 Subpart C",
            reference: `§${primary}`,
            specification: hipaaSections[primary].title,
        },
        tags: [
            "hipaa",
            "hitrust",
            ...definition.tags,
            ...definition.hipaa.map(ref => `hipaa:${ref}`),
            ...definition.hitrust.map(ref => `hitrust:${ref}`),
            ...(definition.anchors?.awsConfig ?? []).map(rule => `aws-config:${rule}`),
            ...(definition.anchors?.gcp ?? []).map(id => `gcp-rule:${id}`),
            ...(definition.anchors?.checkov ?? []).map(id => `checkov:${id}`),
        ],
        remediationSteps: definition.remediation,
        url: hipaaUrl(primary),
        configSchema: configSchema({ ...(definition.knobs ?? {}), ...commonKnobs }),
    };
}

/**
 * The resource's properties exactly as they came (unknowns and secrets included, read without
 * tripping the proxy) with `patch` applied, or undefined when the patch changes nothing. A field
 * holding a secret is never changed.
 */
export function applyPatch(props: Props, patch: Patch | undefined): Patch | undefined {
    if (!patch) return undefined;
    const fields = Object.keys(patch).filter(k => patch[k] !== undefined && !props.isSecret(k));
    if (fields.length === 0) return undefined;
    const out = props.rawCopy();
    for (const key of fields) out[key] = patchedValue(props, key, patch[key]);
    return out;
}

/**
 * A policy's config as Configure gave it (defaults filling the gaps): the common knobs and the
 * policy's own, or the finding for the first invalid value.
 */
export function resolveKnobConfig<K extends Knobs>(
    policy: string,
    ownKnobs: K,
    args: { getConfig<T extends object>(): T },
    cite: string,
): ResolvedConfig<K> {
    const given = readConfig(args);
    // A frozen config is handed out as the same object for every resource (dispatch.ts does so
    // between Configure calls), so its resolution is known by identity, without writing it out.
    const byIdentity = Object.isFrozen(given) ? resolvedByIdentity.get(given) : undefined;
    if (byIdentity?.knobs === ownKnobs && byIdentity.policy === policy && byIdentity.cite === cite) return byIdentity.resolved as ResolvedConfig<K>;
    // Configure's values change only with Configure, and resolving them per resource was a
    // measurable share of a checked resource's cost: each distinct config is resolved once.
    let key: string;
    try {
        key = `${policy}\u0000${cite}\u0000${JSON.stringify(given)}`;
    } catch {
        return resolveGivenConfig(policy, ownKnobs, given, cite);
    }
    let known = resolvedConfigs.get(ownKnobs);
    if (!known) resolvedConfigs.set(ownKnobs, (known = new Map()));
    let resolved = known.get(key) as ResolvedConfig<K> | undefined;
    if (!resolved) {
        resolved = frozen(resolveGivenConfig(policy, ownKnobs, given, cite));
        if (known.size >= resolvedConfigsPerPolicy) known.clear();
        known.set(key, resolved);
    }
    if (Object.isFrozen(given)) resolvedByIdentity.set(given, { knobs: ownKnobs, policy, cite, resolved });
    return resolved;
}

type ResolvedConfig<K extends Knobs> = { common: KnobValues<typeof commonKnobs>; own: KnobValues<K> } | { invalid: string };

/** Resolved configs by the policy's knobs and the config given; a handful per policy in practice. */
const resolvedConfigs = new WeakMap<Knobs, Map<string, ResolvedConfig<Knobs>>>();
const resolvedConfigsPerPolicy = 32;
/** Resolutions of frozen configs, by the config object. */
const resolvedByIdentity = new WeakMap<object, { knobs: Knobs; policy: string; cite: string; resolved: ResolvedConfig<Knobs> }>();

/** Shared between resources, so no check may change it. */
function frozen<T>(value: T): T {
    if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
        for (const v of Object.values(value)) frozen(v);
        Object.freeze(value);
    }
    return value;
}

function resolveGivenConfig<K extends Knobs>(policy: string, ownKnobs: K, given: Record<string, unknown>, cite: string): ResolvedConfig<K> {
    const unknown = unknownKnobFinding(policy, given, cite, ownKnobs, commonKnobs);
    if (unknown !== undefined) return { invalid: unknown };
    const common = resolveKnobs(commonKnobs, given);
    if (isInvalid(common)) return { invalid: invalidKnobMessage(policy, common, cite) };
    const own = resolveKnobs(ownKnobs, given);
    if (isInvalid(own)) return { invalid: invalidKnobMessage(policy, own, cite) };
    return { common, own };
}

function readConfig(args: { getConfig<T extends object>(): T }): Record<string, unknown> {
    try {
        const config = args.getConfig<Record<string, unknown>>();
        return typeof config === "object" && config !== null ? config : {};
    } catch {
        return {};
    }
}

function isInvalid(resolved: object): resolved is InvalidKnob {
    return typeof (resolved as InvalidKnob).allowed === "string" && typeof (resolved as InvalidKnob).name === "string";
}

function invalidKnobMessage(policy: string, knob: InvalidKnob, cite: string): string {
    return formatFinding(`Policy ${policy} is misconfigured: ${knob.name} must be ${knob.allowed}, so it checked nothing`, `correct ${knob.name} in the policy pack config`, cite);
}

/** The finding for a check that threw: fail closed on that subject, never the whole preview. */
export function couldNotEvaluate(what: "resource" | "stack", e: unknown, cite: string): string {
    const name = e instanceof Error ? e.name : typeof e;
    return formatFinding(`hipaa-guard could not evaluate this ${what} (${name}), so treat it as non-compliant`, "report this to the pack's maintainers with the resource's type", cite);
}

/** A problem with a waiver (expired, malformed) as the violation reported beside the checks. */
export function waiverViolation(g: { problem: string; fix: string }): Outcome {
    return violation({ code: "waiverProblem", problem: g.problem, fix: g.fix });
}

/** What one resource's outcomes say over the protocol: the diagnostics, or why the policy did not apply. */
export interface Rendered {
    readonly diagnostics: readonly { readonly message: string; readonly advisory: boolean }[];
    readonly notApplicable?: string;
}

/**
 * Each violation as a mandatory finding, the undecided fields as one advisory; the not-applicable
 * reason when nothing else was concluded.
 */
export function renderOutcomes(outcomes: readonly Outcome[], cite: string): Rendered {
    const diagnostics: { message: string; advisory: boolean }[] = [];
    const undecidedFields: string[] = [];
    const notApplicableReasons: string[] = [];
    let decided = false;
    for (const outcome of outcomes) {
        switch (outcome.kind) {
            case "violation":
                decided = true;
                diagnostics.push({ message: formatFinding(outcome.problem, outcome.fix, cite), advisory: false });
                break;
            case "undecided":
                if (!undecidedFields.includes(outcome.field)) undecidedFields.push(outcome.field);
                break;
            case "notApplicable":
                notApplicableReasons.push(outcome.reason);
                break;
            default:
                decided = true;
        }
    }
    if (undecidedFields.length > 0) {
        diagnostics.push({ message: formatUndecided(undecidedFields, cite), advisory: true });
        return { diagnostics };
    }
    return { diagnostics, notApplicable: !decided && notApplicableReasons.length > 0 ? notApplicableReasons.join("; ") : undefined };
}

/**
 * Reports one resource's outcomes as rendered. Returns the not-applicable reason when nothing else
 * was concluded. `urn` names the resource when a stack policy reports on one of many.
 */
export function reportOutcomes(outcomes: readonly Outcome[], cite: string, report: DiagnosticReport, urn?: string): string | undefined {
    const rendered = renderOutcomes(outcomes, cite);
    for (const d of rendered.diagnostics) report(d.advisory ? { message: d.message, enforcementLevel: "advisory", urn } : { message: d.message, urn });
    return rendered.notApplicable;
}
