// Turning a declarative policy definition into an SDK policy. This is the one place that talks to
// the SDK: it fills the metadata from the control catalog, resolves config, shields the SDK from
// anything a check throws, and reports outcomes with one message format.

import {
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    validateResourceOfType,
} from "@pulumi/policy";
import { citation, HipaaRef, hipaaSections, hipaaUrl, HitrustRef } from "./catalog";
import { configSchema, InvalidKnob, Knobs, KnobValues, resolveKnobs } from "./knobs";
import { Outcome } from "./outcome";
import { Props } from "./props";

export interface Resource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Props;
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
    /** How to fix a violation, as steps (Markdown). */
    readonly remediation: string;
    readonly knobs?: K;
    readonly check: (resource: Resource, config: KnobValues<K>) => Outcome | readonly Outcome[];
}

/** A policy definition compiled for the SDK, with the definition kept for docs and reports. */
export interface HipaaPolicy {
    readonly definition: PolicyDefinition<Knobs>;
    readonly sdk: ResourceValidationPolicy;
}

/** What the shared reporter needs of a policy. */
export interface ReportContext {
    readonly cite: string;
    readonly description: string;
}

// The SDK accepts an object form of reportViolation that sets the diagnostic's own message and
// enforcement level (server.js makeReportViolationFun); its published type only names the string form.
export type DiagnosticReport = (diagnostic: { message: string; enforcementLevel?: "advisory" }, urn?: string) => void;

export function defineResourcePolicy<K extends Knobs>(definition: PolicyDefinition<K>): HipaaPolicy {
    const knobs = (definition.knobs ?? {}) as K;
    const cite = citation(definition.hipaa, definition.hitrust);
    const context: ReportContext = { cite, description: definition.description };
    const types = new Set(definition.types);

    const run = (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
        const report = reportViolation as unknown as DiagnosticReport;
        const config = readConfig(args);
        const resolved = resolveKnobs(knobs, config);
        if (isInvalid(resolved)) {
            report({ message: invalidKnobMessage(definition.name, resolved, cite) });
            return;
        }
        let outcomes: Outcome | readonly Outcome[];
        try {
            const resource = { type: args.type, name: args.name, urn: args.urn, props: new Props(args.props) };
            outcomes = definition.check(resource, resolved);
        } catch (e) {
            // A bug or input no check foresaw: fail closed on this resource, never the whole preview.
            report({ message: `hipaa-guard could not evaluate this resource (${errorName(e)}); treat it as non-compliant and report this to the pack's maintainers. [${cite}]` });
            return;
        }
        const reason = reportOutcomes(Array.isArray(outcomes) ? outcomes : [outcomes as Outcome], context, report);
        if (reason !== undefined) args.notApplicable(reason);
    };

    let validateResource: ResourceValidation;
    if (definition.types.length === 1) {
        // Tagged with the type token, so the SDK skips other types before deserializing them.
        const typeToken = { __pulumiType: definition.types[0] } as unknown as Parameters<typeof validateResourceOfType>[0];
        validateResource = validateResourceOfType(typeToken, (_props, args, reportViolation) => run(args, reportViolation));
    } else {
        validateResource = (args, reportViolation) => {
            if (types.has(args.type)) run(args, reportViolation);
        };
    }

    const primary = definition.hipaa[0];
    const sdk: ResourceValidationPolicy = {
        name: definition.name,
        description: `${definition.description} [${cite}]`,
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
        ],
        remediationSteps: definition.remediation,
        url: hipaaUrl(primary),
        configSchema: configSchema(knobs),
        validateResource,
    };
    return { definition: definition as unknown as PolicyDefinition<Knobs>, sdk };
}

export function readConfig(args: { getConfig<T extends object>(): T }): Record<string, unknown> {
    try {
        const config = args.getConfig<Record<string, unknown>>();
        return typeof config === "object" && config !== null ? config : {};
    } catch {
        return {};
    }
}

export function isInvalid(resolved: object): resolved is InvalidKnob {
    return typeof (resolved as InvalidKnob).allowed === "string" && typeof (resolved as InvalidKnob).name === "string";
}

export function invalidKnobMessage(policy: string, knob: InvalidKnob, cite: string): string {
    return `Policy ${policy} is misconfigured: ${knob.name} must be ${knob.allowed}, so this resource was not checked. Fix: correct ${knob.name} in the policy pack config. [${cite}]`;
}

function errorName(e: unknown): string {
    return e instanceof Error ? e.name : typeof e;
}

/**
 * Reports one resource's outcomes: each violation as a mandatory finding, the undecided fields as
 * one advisory. Returns the not-applicable reason when nothing else was concluded.
 * `urn` names the resource when a stack policy reports on one of many.
 */
export function reportOutcomes(outcomes: readonly Outcome[], context: ReportContext, report: DiagnosticReport, urn?: string): string | undefined {
    const undecidedFields: string[] = [];
    const notApplicableReasons: string[] = [];
    let decided = false;
    for (const outcome of outcomes) {
        switch (outcome.kind) {
            case "violation":
                decided = true;
                report({ message: `${outcome.problem}. Fix: ${outcome.fix}. [${context.cite}]` }, urn);
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
        report({
            message: `Undecided at preview: ${undecidedFields.join(", ")} ${undecidedFields.length === 1 ? "is" : "are"} not known until apply; checked again at pulumi up. [${context.cite}]`,
            enforcementLevel: "advisory",
        }, urn);
        return undefined;
    }
    return !decided && notApplicableReasons.length > 0 ? notApplicableReasons.join("; ") : undefined;
}
