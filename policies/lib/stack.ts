// Stack policies: checks that need more than one resource (the bucket a trail writes to, the flow
// log that records a VPC). The engine's AnalyzeStack hands every resource with its properties and
// property dependencies; this file indexes them once (by URN, by type, and by the values resources
// use to name each other) so every check is linear in the number of resources, and reports with
// the same catalog metadata, config, exception shield and message format as resource policies.

import { PolicyResource, ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { citation } from "./catalog";
import { Knobs, KnobValues } from "./knobs";
import { gate } from "./gates";
import { notApplicable, Outcome, undecided, violation } from "./outcome";
import {
    couldNotEvaluate,
    declareNotApplicable,
    DiagnosticReport,
    PolicyDefinition,
    policyMetadata,
    reportOutcomes,
    resolveKnobConfig,
    waiverViolation,
    Resource,
} from "./policy";
import { classify, Props } from "./props";
import { className } from "./facts";
import { wrongType } from "./rules";

/** A resource in the stack, with the in-stack resources each of its properties was computed from. */
export interface StackResource extends Resource {
    /** The resources in the stack that `field`'s value depends on (the engine's propertyDependencies). */
    dependsOn(field: string): readonly StackResource[];
}

/** How other resources name resources of some types: by property dependency, or by a literal value. */
export interface ReferenceTarget {
    readonly types: readonly string[];
    /** The target's properties whose known value another resource may hold literally (name, id, ARN). */
    readonly keys: readonly string[];
    /** Applied to both sides before literal values are compared (e.g. dropping a log group ARN's ":*"). */
    readonly normalize?: (value: string) => string;
}

/** What a property that names another resource refers to. */
export type Reference =
    | { readonly state: "inStack"; readonly resource: StackResource }
    /** A known value that no resource in the stack has: the resource is managed elsewhere. */
    | { readonly state: "outside" }
    | { readonly state: "absent" }
    /** Unknown at preview, and no property dependency says which resource it is. */
    | { readonly state: "unknown" }
    | { readonly state: "wrongType"; readonly value: unknown };

/** The resources that name one target through one property. */
export interface Referrers {
    readonly found: readonly StackResource[];
    /**
     * Some resource of the referring types holds a value unknown at preview with no property
     * dependency on a target: it may name this target, so its absence cannot be concluded.
     */
    readonly unresolved: boolean;
}

interface ReferrerIndex {
    readonly byUrn: Map<string, StackResource[]>;
    readonly byValue: Map<string, StackResource[]>;
    readonly unresolved: boolean;
}

const identity = (value: string) => value;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** The stack, indexed once; lookups by reference are built on first use and reused. */
export class Stack {
    readonly resources: readonly StackResource[];
    private readonly byUrn = new Map<string, StackResource>();
    private readonly byType = new Map<string, StackResource[]>();
    private readonly keyIndexes = new Map<ReferenceTarget, Map<string, StackResource[]>>();
    private readonly referrerIndexes = new Map<ReferenceTarget, Map<string, ReferrerIndex>>();

    constructor(resources: readonly PolicyResource[]) {
        const list: StackResource[] = [];
        for (const r of Array.isArray(resources) ? resources : []) {
            const resource = this.wrap(r);
            list.push(resource);
            this.byUrn.set(resource.urn, resource);
            push(this.byType, resource.type, resource);
        }
        this.resources = list;
    }

    private wrap(r: PolicyResource): StackResource {
        // Read through Props: the SDK's objects are trusted no more than the properties they carry.
        const fields = new Props(typeof r === "object" && r !== null ? r : {});
        const text = (key: string) => {
            const read = fields.string(key);
            return read.state === "known" ? read.value : "";
        };
        // Keep only the URNs (the SDK's resource objects are re-created for every policy), read on
        // first use: most resources are never asked what they depend on.
        let dependencies: Map<string, readonly string[]> | undefined;
        const dependencyUrns = (): Map<string, readonly string[]> => {
            if (dependencies) return dependencies;
            dependencies = new Map();
            const byField = fields.object("propertyDependencies");
            if (byField.state !== "known") return dependencies;
            for (const field of byField.value.keys()) {
                const deps = byField.value.list(field);
                if (deps.state !== "known") continue;
                const urns: string[] = [];
                for (const dep of deps.value) {
                    const read = classify(dep, "object");
                    const urn = read.state === "known" ? read.value.string("urn") : undefined;
                    if (urn?.state === "known") urns.push(urn.value);
                }
                if (urns.length > 0) dependencies.set(field, urns);
            }
            return dependencies;
        };
        const props = fields.raw("props");
        return {
            type: text("type"),
            name: text("name"),
            urn: text("urn"),
            props: new Props(typeof props === "object" && props !== null ? props : {}),
            dependsOn: field => {
                const found: StackResource[] = [];
                for (const urn of dependencyUrns().get(field) ?? []) {
                    const dep = this.byUrn.get(urn);
                    if (dep) found.push(dep);
                }
                return found;
            },
        };
    }

    get(urn: string): StackResource | undefined {
        return this.byUrn.get(urn);
    }

    ofType(types: readonly string[]): readonly StackResource[] {
        if (types.length === 1) return this.byType.get(types[0]) ?? [];
        return types.flatMap(type => this.byType.get(type) ?? []);
    }

    /**
     * The resource that `from`'s `field` names among `target`'s types: by property dependency first
     * (it survives values unknown at preview), by the literal value otherwise.
     */
    resolve(from: StackResource, field: string, target: ReferenceTarget): Reference {
        const dep = from.dependsOn(field).find(d => target.types.includes(d.type));
        if (dep) return { state: "inStack", resource: dep };
        const read = from.props.string(field);
        if (read.state !== "known") return read;
        const value = (target.normalize ?? identity)(read.value.trim());
        if (value === "") return { state: "absent" };
        const match = this.keyIndex(target).get(value);
        return match ? { state: "inStack", resource: match[0] } : { state: "outside" };
    }

    /** The resources of `types` whose `field` names `to` (a resource of `target`'s types). */
    referrers(types: readonly string[], field: string, to: StackResource, target: ReferenceTarget): Referrers {
        const index = this.referrerIndex(types, field, target);
        const found = new Set(index.byUrn.get(to.urn) ?? []);
        const normalize = target.normalize ?? identity;
        for (const key of target.keys) {
            const read = to.props.string(key);
            if (read.state !== "known") continue;
            for (const r of index.byValue.get(normalize(read.value.trim())) ?? []) found.add(r);
        }
        return { found: [...found], unresolved: index.unresolved };
    }

    private keyIndex(target: ReferenceTarget): Map<string, StackResource[]> {
        let index = this.keyIndexes.get(target);
        if (index) return index;
        index = new Map();
        const normalize = target.normalize ?? identity;
        for (const r of this.ofType(target.types)) {
            for (const key of target.keys) {
                const read = r.props.string(key);
                if (read.state !== "known") continue;
                const value = normalize(read.value.trim());
                if (value !== "") push(index, value, r);
            }
        }
        this.keyIndexes.set(target, index);
        return index;
    }

    private referrerIndex(types: readonly string[], field: string, target: ReferenceTarget): ReferrerIndex {
        let perTarget = this.referrerIndexes.get(target);
        if (!perTarget) {
            perTarget = new Map();
            this.referrerIndexes.set(target, perTarget);
        }
        const cacheKey = `${types.join(",")}|${field}`;
        const cached = perTarget.get(cacheKey);
        if (cached) return cached;
        const byUrn = new Map<string, StackResource[]>();
        const byValue = new Map<string, StackResource[]>();
        let unresolved = false;
        const normalize = target.normalize ?? identity;
        for (const r of this.ofType(types)) {
            const deps = r.dependsOn(field).filter(d => target.types.includes(d.type));
            for (const d of deps) push(byUrn, d.urn, r);
            if (deps.length > 0) continue;
            const read = r.props.string(field);
            if (read.state === "unknown") unresolved = true;
            else if (read.state === "known" && read.value.trim() !== "") push(byValue, normalize(read.value.trim()), r);
        }
        const index = { byUrn, byValue, unresolved };
        perTarget.set(cacheKey, index);
        return index;
    }
}

/**
 * The in-stack resource `from`'s `field` names (e.g. the bucket a trail writes to), or the outcome
 * for `from` when there is none: not applicable when the property is unset or names a resource
 * managed elsewhere, undecided when it is unknown at preview. `what` names the resource in messages.
 */
export function referenced(stack: Stack, from: StackResource, o: { field: string; target: ReferenceTarget; what: string }): StackResource | Outcome {
    const ref = stack.resolve(from, o.field, o.target);
    switch (ref.state) {
        case "inStack":
            return ref.resource;
        case "outside":
            return notApplicable(`the ${className(from.type).split(".").pop()!.toLowerCase()}'s ${o.what} is not created by this stack; check it where it is defined`);
        case "unknown":
            return undecided(o.field);
        case "absent":
            return notApplicable(`the ${className(from.type).split(".").pop()!.toLowerCase()} names no ${o.what} (${o.field} is not set)`);
        case "wrongType":
            return wrongType({ path: o.field, value: ref.value, expected: "a string", fix: `set ${o.field} to the ${o.what}'s ${o.field.endsWith("Arn") ? "ARN" : "name"}` });
    }
}

/** Outcomes that concern a resource other than the one checked (e.g. the bucket a trail writes to). */
export interface Attributed {
    readonly about: StackResource;
    readonly outcomes: readonly Outcome[];
}

export type StackOutcome = Outcome | Attributed;

export function about(resource: StackResource, outcomes: Outcome | readonly Outcome[]): Attributed {
    return { about: resource, outcomes: Array.isArray(outcomes) ? outcomes : [outcomes as Outcome] };
}

/**
 * Rephrases an outcome of checking a related resource's property: `prefix` leads the problem,
 * `where` ends the fix (which resource to change), `owner` qualifies an undecided field.
 */
export function concerning(outcome: Outcome, o: { prefix: string; where?: string; owner?: string }): Outcome {
    switch (outcome.kind) {
        case "violation":
            return violation({
                code: outcome.code,
                field: o.owner && outcome.field ? `${o.owner}.${outcome.field}` : outcome.field,
                problem: `${o.prefix}${outcome.problem}`,
                fix: o.where ? `${outcome.fix} ${o.where}` : outcome.fix,
            });
        case "undecided":
            return o.owner ? undecided(`${o.owner}.${outcome.field}`) : outcome;
        default:
            return outcome;
    }
}

export interface StackPolicyDefinition<K extends Knobs = Knobs> extends Omit<PolicyDefinition<K>, "check" | "remediate" | "noAutoRemediation"> {
    /**
     * Checks one resource of `types`, with the whole stack at hand. Plain outcomes are about that
     * resource; an `Attributed` gives outcomes to another resource (where the fix goes).
     * Stack policies cannot remediate (the engine never asks them to).
     */
    readonly check: (resource: StackResource, stack: Stack, config: KnobValues<K>) => StackOutcome | readonly StackOutcome[];
}

export interface HipaaStackPolicy {
    readonly definition: StackPolicyDefinition<Knobs>;
    readonly sdk: StackValidationPolicy;
}

function isAttributed(value: StackOutcome): value is Attributed {
    return typeof (value as Attributed).about === "object";
}


/** Drops repeated violations (two trails writing to one bucket find the same problems). */
function withoutRepeats(outcomes: readonly Outcome[]): Outcome[] {
    const seen = new Set<string>();
    return outcomes.filter(o => {
        if (o.kind !== "violation") return true;
        const key = `${o.problem}\n${o.fix}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/**
 * Runs the policy's check on every subject in the stack and gathers the outcomes per resource they
 * concern: several subjects may concern one resource (two trails writing to one bucket), and each
 * resource is reported on once, without repeated violations. Subjects whose check threw are listed.
 */
export function evaluateStack<K extends Knobs>(
    definition: StackPolicyDefinition<K>,
    stack: Stack,
    config: KnobValues<K>,
): { outcomesByUrn: Map<string, Outcome[]>; threw: { subject: StackResource; error: unknown }[] } {
    const gathered = new Map<string, Outcome[]>();
    const threw: { subject: StackResource; error: unknown }[] = [];
    for (const subject of stack.ofType(definition.types)) {
        let results: StackOutcome | readonly StackOutcome[];
        try {
            results = definition.check(subject, stack, config);
        } catch (error) {
            threw.push({ subject, error });
            continue;
        }
        for (const result of Array.isArray(results) ? results : [results as StackOutcome]) {
            if (isAttributed(result)) for (const outcome of result.outcomes) push(gathered, result.about.urn, outcome);
            else push(gathered, subject.urn, result);
        }
    }
    const outcomesByUrn = new Map<string, Outcome[]>();
    for (const [urn, outcomes] of gathered) outcomesByUrn.set(urn, withoutRepeats(outcomes));
    return { outcomesByUrn, threw };
}

// One index per request: under dispatch (dispatch.ts) every stack policy gets the same resource list.
const stacks = new WeakMap<readonly PolicyResource[], Stack>();
function stackOf(resources: readonly PolicyResource[]): Stack {
    if (!Array.isArray(resources)) return new Stack(resources);
    let stack = stacks.get(resources);
    if (!stack) stacks.set(resources, (stack = new Stack(resources)));
    return stack;
}

export function defineStackPolicy<K extends Knobs>(definition: StackPolicyDefinition<K>): HipaaStackPolicy {
    const ownKnobs = (definition.knobs ?? {}) as K;
    const cite = citation(definition.hipaa, definition.hitrust);

    const validateStack = (args: StackValidationArgs, reportViolation: ReportViolation): void => {
        const report = reportViolation as unknown as DiagnosticReport;

        const resolved = resolveKnobConfig(definition.name, ownKnobs, args, cite);
        if ("invalid" in resolved) return report({ message: resolved.invalid });
        const { waivers, scope } = resolved.common;
        const config = resolved.own;

        let stack: Stack;
        try {
            stack = stackOf(args.resources);
        } catch (e) {
            report({ message: couldNotEvaluate("stack", e, cite) });
            return;
        }
        const subjects = stack.ofType(definition.types);
        if (subjects.length === 0) {
            declareNotApplicable(args, `the stack has no resource of type ${definition.types.join(" or ")}`);
        }

        const { outcomesByUrn, threw } = evaluateStack(definition, stack, config);
        let applied = threw.length > 0;
        // A bug or input no check foresaw: fail closed on that resource, never the whole preview.
        for (const { subject, error } of threw) report({ message: couldNotEvaluate("resource", error, cite), urn: subject.urn });

        const reasons = new Set<string>();
        for (const [urn, outcomes] of outcomesByUrn) {
            // Waivers and the PHI scope apply to the resource a finding is reported on.
            const resource = stack.get(urn);
            let gated = outcomes;
            if (resource) {
                const g = gate({ policy: definition.name, urn, name: resource.name, props: resource.props, stackTags: args.stackTags, waivers, scope });
                if (g.kind === "skip") gated = [notApplicable(g.reason)];
                else if (g.kind === "waiverProblem") gated = [waiverViolation(g), ...gated];
            }
            const reason = reportOutcomes(gated, cite, report, urn);
            if (reason === undefined) applied = true;
            else reasons.add(reason);
        }
        if (!applied && reasons.size > 0) declareNotApplicable(args, [...reasons].join("; "));
    };

    if (definition.types.length === 1) {
        // Tagged like validateResourceOfType tags a function, so the SDK skips a stack with no
        // resource of the type before deserializing every resource in it.
        (validateStack as { __pulumiType?: string }).__pulumiType = definition.types[0];
    }
    const sdk: StackValidationPolicy = { ...policyMetadata(definition), validateStack };
    return { definition: definition as unknown as StackPolicyDefinition<Knobs>, sdk };
}
