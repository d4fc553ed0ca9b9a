// The policy configuration file `pulumi preview --policy-pack-config` reads, turned into what the
// analyzer client's Configure sends: {"all": level, "<policy>": level | {enforcementLevel?, knob...}}.

import * as fs from "fs";
import { EnforcementLevel, PackInfo, PolicyConfig } from "../analyzer-client";
import { CheckError, ExitCode } from "./errors";

const levels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export function readPolicyConfig(file: string, info: PackInfo): PolicyConfig {
    const bad = (why: string) => new CheckError(ExitCode.usage, `--policy-pack-config ${file}: ${why}`);
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw bad(code ? `cannot read it (${code})` : `not valid JSON (${(e as Error).message})`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw bad("expected a JSON object keyed by policy name");

    const level = (value: unknown, where: string): EnforcementLevel => {
        if (typeof value === "string" && (levels as readonly string[]).includes(value)) return value as EnforcementLevel;
        throw bad(`${where}: enforcement level must be one of ${levels.join(", ")}`);
    };
    const names = new Set(info.policies.map(p => p.name));
    const config: PolicyConfig = {};
    let all: EnforcementLevel | undefined;
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (name === "all") {
            all = level(typeof value === "object" && value !== null ? (value as Record<string, unknown>).enforcementLevel : value, "all");
            continue;
        }
        if (!names.has(name)) throw bad(`the pack has no policy named ${name}`);
        if (typeof value === "string") {
            config[name] = { enforcementLevel: level(value, name) };
        } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
            const { enforcementLevel, ...knobs } = value as Record<string, unknown>;
            config[name] = { ...knobs, ...(enforcementLevel === undefined ? {} : { enforcementLevel: level(enforcementLevel, name) }) };
        } else {
            throw bad(`${name}: expected an enforcement level or an object`);
        }
    }
    if (all !== undefined) {
        for (const name of names) config[name] = { enforcementLevel: all, ...config[name] };
    }
    return config;
}
