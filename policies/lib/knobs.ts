// Policy configuration ("knobs"): each knob carries its JSON schema (so Pulumi Cloud and
// `pulumi policy enable --config` validate it) and its own parser, because the analyzer's
// Configure call does not validate what it is handed.

import { PolicyConfigSchema } from "@pulumi/policy";
import { formatFinding } from "./messages";

type JSONSchema = PolicyConfigSchema["properties"][string];

export interface Knob<T> {
    readonly schema: JSONSchema;
    readonly default: T;
    /** The allowed values in words, for the message about an invalid value. */
    readonly allowed: string;
    /** The value, or undefined when it is not allowed. */
    parse(value: unknown): T | undefined;
}

export type Knobs = Record<string, Knob<unknown>>;
export type KnobValues<K extends Knobs> = { readonly [P in keyof K]: K[P] extends Knob<infer T> ? T : never };

export function integerKnob(o: { default: number; minimum: number; maximum: number; description: string }): Knob<number> {
    return {
        schema: { type: "integer", minimum: o.minimum, maximum: o.maximum, default: o.default, description: o.description },
        default: o.default,
        allowed: `an integer from ${o.minimum} to ${o.maximum}`,
        parse: v => (typeof v === "number" && Number.isInteger(v) && v >= o.minimum && v <= o.maximum ? v : undefined),
    };
}

export function booleanKnob(o: { default: boolean; description: string }): Knob<boolean> {
    return {
        schema: { type: "boolean", default: o.default, description: o.description },
        default: o.default,
        allowed: "true or false",
        parse: v => (typeof v === "boolean" ? v : undefined),
    };
}

const versionPattern = "^[0-9]+(\\.[0-9]+){0,2}$";

export function versionKnob(o: { default: string; description: string }): Knob<string> {
    const re = new RegExp(versionPattern);
    return {
        schema: { type: "string", pattern: versionPattern, default: o.default, description: o.description },
        default: o.default,
        allowed: 'a version such as "4.0.10" (digits separated by dots, at most three parts)',
        parse: v => (typeof v === "string" && re.test(v) ? v : undefined),
    };
}

/**
 * The schema GetAnalyzerInfo reports. It cannot say `additionalProperties: false`: the SDK's
 * PolicyConfigSchema type, the analyzer protocol's PolicyConfigSchema message and the engine's
 * schema (type, properties, required) have no place for it. So a knob name the policy does not
 * have is caught by the pack itself (unknownKnobFinding) and by the offline check.
 */
export function configSchema(knobs: Knobs): PolicyConfigSchema | undefined {
    const names = Object.keys(knobs);
    if (names.length === 0) return undefined;
    const properties: PolicyConfigSchema["properties"] = {};
    for (const name of names) properties[name] = knobs[name].schema;
    return { properties };
}

export interface InvalidKnob {
    readonly name: string;
    readonly allowed: string;
}

/**
 * The finding for a configured name that is no knob of the policy (the first such), or undefined:
 * a misspelled knob would otherwise be ignored and its default, maybe a weaker control, used.
 * The name is shown quoted and cut at 64 characters; the value is never shown.
 */
export function unknownKnobFinding(policy: string, given: Record<string, unknown>, cite: string, ...knobSets: Knobs[]): string | undefined {
    const name = Object.keys(given).find(k => !knobSets.some(set => Object.prototype.hasOwnProperty.call(set, k)));
    if (name === undefined) return undefined;
    const shown = JSON.stringify(name.length > 64 ? `${name.slice(0, 61)}...` : name);
    const knobs = knobSets.flatMap(set => Object.keys(set)).join(", ");
    return formatFinding(`Policy ${policy} is misconfigured: it has no knob named ${shown} (its knobs: ${knobs}), so it checked nothing`, `correct or remove ${shown} in the policy pack config`, cite);
}

/** Resolves every knob from the Configure values, defaults filling the gaps. */
export function resolveKnobs<K extends Knobs>(knobs: K, given: Record<string, unknown>): KnobValues<K> | InvalidKnob {
    const values: Record<string, unknown> = {};
    for (const name of Object.keys(knobs)) {
        const knob = knobs[name];
        const raw = given[name];
        if (raw === undefined || raw === null) {
            values[name] = knob.default;
            continue;
        }
        const parsed = knob.parse(raw);
        if (parsed === undefined) return { name, allowed: knob.allowed };
        values[name] = parsed;
    }
    return values as KnobValues<K>;
}

/** A string matching `pattern` (anchored), at most `maxLength` characters. */
export function stringKnob(o: { default: string; pattern: string; maxLength: number; description: string; allowed: string }): Knob<string> {
    const re = new RegExp(o.pattern);
    return {
        schema: { type: "string", pattern: o.pattern, maxLength: o.maxLength, default: o.default, description: o.description },
        default: o.default,
        allowed: o.allowed,
        parse: v => (typeof v === "string" && v.length <= o.maxLength && re.test(v) ? v : undefined),
    };
}

/** A list of distinct strings, each matching `pattern`, at most `maxItems` of them. */
export function stringListKnob(o: { default: readonly string[]; pattern: string; maxItems: number; description: string; itemWords: string }): Knob<readonly string[]> {
    const re = new RegExp(o.pattern);
    return {
        schema: { type: "array", items: { type: "string", pattern: o.pattern }, uniqueItems: true, maxItems: o.maxItems, default: [...o.default], description: o.description },
        default: o.default,
        allowed: `a list of at most ${o.maxItems} distinct ${o.itemWords}`,
        parse: v =>
            Array.isArray(v) && v.length <= o.maxItems && v.every(x => typeof x === "string" && re.test(x)) && new Set(v).size === v.length ? (v as string[]) : undefined,
    };
}
