// The policy configuration file `pulumi preview --policy-pack-config` reads, turned into what the
// analyzer client's Configure sends: {"all": level, "<policy>": level | {enforcementLevel?, knob...}}.
// The file is read and checked in full before any program runs (parsePolicyConfigFile); only the
// policy names and their knobs wait for the pack to say which policies it has (resolvePolicyConfig),
// and are then checked with the pack's own knob parsers.

import * as fs from "fs";
import * as path from "path";
import type { Knobs } from "../../../policies/lib/knobs";
import { EnforcementLevel, PackInfo, PolicyConfig, repoRoot } from "../analyzer-client";
import { loadPolicyScopes } from "./compliance";
import { CheckError, ExitCode } from "./errors";
import { isRecord, jsonError } from "./json";

const levels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** A policy config file as read: levels checked, policy names not yet. */
export interface PolicyConfigFile {
    readonly file: string;
    readonly all?: EnforcementLevel;
    readonly policies: PolicyConfig;
}

function badConfig(file: string, why: string): CheckError {
    return new CheckError(ExitCode.usage, `--policy-pack-config ${file}: ${why}`);
}

export function parsePolicyConfigFile(file: string): PolicyConfigFile {
    const bad = (why: string) => badConfig(file, why);
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw bad(`cannot read it (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        throw bad(jsonError(e));
    }
    if (!isRecord(parsed)) throw bad("expected a JSON object keyed by policy name");

    const level = (value: unknown, where: string): EnforcementLevel => {
        if (typeof value === "string" && (levels as readonly string[]).includes(value)) return value as EnforcementLevel;
        throw bad(`${where}: enforcement level must be one of ${levels.join(", ")}`);
    };
    const policies: PolicyConfig = {};
    let all: EnforcementLevel | undefined;
    for (const [name, value] of Object.entries(parsed)) {
        if (name === "all") {
            all = level(isRecord(value) ? value.enforcementLevel : value, "all");
        } else if (typeof value === "string") {
            policies[name] = { enforcementLevel: level(value, name) };
        } else if (isRecord(value)) {
            const { enforcementLevel, ...knobs } = value;
            policies[name] = { ...knobs, ...(enforcementLevel === undefined ? {} : { enforcementLevel: level(enforcementLevel, name) }) };
        } else {
            throw bad(`${name}: expected an enforcement level or an object`);
        }
    }
    return { file, all, policies };
}

/**
 * Each policy's knobs with the parsers the pack itself validates them with (policies/lib/knobs.ts),
 * from the compiled registry the running pack was built from.
 */
function packKnobs(): Map<string, Knobs> {
    const { commonKnobs } = require(path.join(repoRoot, "dist", "policies", "lib", "policy")) as { commonKnobs: Knobs };
    return new Map([...loadPolicyScopes()].map(([name, scope]) => [name, { ...(scope.definition.knobs ?? {}), ...commonKnobs }]));
}

/**
 * A knob the policy does not have, or a value its parser rejects, is exit 2: the pack would check
 * nothing under that policy (or, before it said so, used the default silently), and under
 * `"all": "advisory"` it would say so only as an advisory. The value itself is never printed.
 */
function checkKnobs(file: string, policy: string, given: Record<string, unknown>, knobs: Knobs | undefined, schemaNames: readonly string[]): void {
    const names = knobs ? Object.keys(knobs) : schemaNames;
    for (const [name, value] of Object.entries(given)) {
        if (name === "enforcementLevel") continue;
        const shown = JSON.stringify(name.length > 64 ? `${name.slice(0, 61)}...` : name);
        if (!names.includes(name)) throw badConfig(file, `policy ${policy} has no knob ${shown} (its knobs: ${names.join(", ")})`);
        const knob = knobs?.[name];
        if (knob && value !== null && knob.parse(value) === undefined) throw badConfig(file, `${policy}: ${name} must be ${knob.allowed}`);
    }
}

/** The config for the pack's policies: every name must be one of the pack's; "all" fills the rest. */
export function resolvePolicyConfig(parsed: PolicyConfigFile, info: PackInfo): PolicyConfig {
    const names = new Set(info.policies.map(p => p.name));
    for (const name of Object.keys(parsed.policies)) {
        if (!names.has(name)) throw badConfig(parsed.file, `the pack has no policy named ${name}`);
    }
    const knobs = packKnobs();
    for (const policy of info.policies) {
        const given = parsed.policies[policy.name];
        if (given) checkKnobs(parsed.file, policy.name, given, knobs.get(policy.name), Object.keys(policy.configSchema?.properties ?? {}));
    }
    const config: PolicyConfig = { ...parsed.policies };
    if (parsed.all !== undefined) {
        for (const name of names) config[name] = { enforcementLevel: parsed.all, ...config[name] };
    }
    return config;
}

