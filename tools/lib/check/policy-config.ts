// The policy configuration file `pulumi preview --policy-pack-config` reads, turned into what the
// analyzer client's Configure sends: {"all": level, "<policy>": level | {enforcementLevel?, knob...}}.
// The file is read and checked in full before any program runs (parsePolicyConfigFile); only the
// policy names wait for the pack to say which policies it has (resolvePolicyConfig).

import * as fs from "fs";
import { EnforcementLevel, PackInfo, PolicyConfig } from "../analyzer-client";
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

/** The config for the pack's policies: every name must be one of the pack's; "all" fills the rest. */
export function resolvePolicyConfig(parsed: PolicyConfigFile, info: PackInfo): PolicyConfig {
    const names = new Set(info.policies.map(p => p.name));
    for (const name of Object.keys(parsed.policies)) {
        if (!names.has(name)) throw badConfig(parsed.file, `the pack has no policy named ${name}`);
    }
    const config: PolicyConfig = { ...parsed.policies };
    if (parsed.all !== undefined) {
        for (const name of names) config[name] = { enforcementLevel: parsed.all, ...config[name] };
    }
    return config;
}

export function readPolicyConfig(file: string, info: PackInfo): PolicyConfig {
    return resolvePolicyConfig(parsePolicyConfigFile(file), info);
}
