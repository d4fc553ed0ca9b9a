import { versionKnob } from "../../lib/knobs";
import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { valueOf } from "../../lib/rules";
import { allCacheTypes, compareVersions, engineOf, parseVersion, redisLegacyEligible, serverlessCache } from "./facts";

/** Why a version below the minimum is reported, per engine (only what a cited source says). */
const belowBecause = {
    redis: (minimum: string) => `below the HIPAA-eligible minimum ${minimum}`,
    memcached: (minimum: string) => `below ${minimum} (1.6.12 is the first Memcached version with in-transit encryption)`,
};

export default defineResourcePolicy({
    name: "aws-elasticache-engine-version",
    description: "ElastiCache runs a Redis OSS version AWS lists as HIPAA-eligible, or a Memcached version with in-transit encryption.",
    severity: "high",
    types: allCacheTypes,
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["aws", "elasticache", "vulnerability-management"],
    remediation:
        "Set `engineVersion` (serverless: `majorEngineVersion`, a major version such as \"7\" or \"1.6\") to one of these, or omit it to get AWS's current default:\n" +
        "- Redis OSS: 4.0.10 or later, which AWS lists as HIPAA-eligible (3.2.6 is the only eligible 3.x release); 6.x/7.x recommended.\n" +
        "- Valkey: any version.\n" +
        "- Memcached: 1.6.12 or later (the first with in-transit encryption).",
    knobs: {
        minimumRedisVersion: versionKnob({ default: "4.0.10", description: "Lowest Redis OSS engine version accepted (3.2.6 is always accepted: AWS lists it as HIPAA-eligible)." }),
        minimumMemcachedVersion: versionKnob({ default: "1.6.12", description: "Lowest Memcached engine version accepted (1.6.12 is the first with in-transit encryption)." }),
    },
    check: (r, config) => {
        const engine = engineOf(r);
        if (isOutcome(engine)) return engine;
        if (engine === "valkey") return pass;
        const field = r.type === serverlessCache ? "majorEngineVersion" : "engineVersion";
        const minimumText = engine === "redis" ? config.minimumRedisVersion : config.minimumMemcachedVersion;
        const fixTo = (shown: string) => `set ${field}: "${shown}" or later, or omit ${field} to get AWS's current default`;
        const fix = fixTo(minimumText);
        // Omitted: AWS creates the cache on its current default version.
        const text = valueOf(r.props.string(field), { path: field, expected: "a version string", fix, absent: undefined });
        if (text === undefined) return pass;
        if (isOutcome(text)) return text;
        const version = parseVersion(text);
        if (!version) return violation({ code: "unrecognised", field, problem: `${field} is not a version the pack can read`, fix });
        // A serverless cache names only its major version ("7", "1.6"): compare it with the minimum's
        // major (AWS runs the latest minor and patch of a serverless major).
        const fullMinimum = parseVersion(minimumText) ?? [];
        const minimum = r.type === serverlessCache ? fullMinimum.slice(0, version.length) : fullMinimum;
        const eligible =
            compareVersions(version, minimum) >= 0 ||
            (engine === "redis" && compareVersions(version, redisLegacyEligible) === 0 && version.length === 3);
        return eligible ? pass : violation({ code: "belowMinimum", field, problem: `${engine} ${field} ${version.join(".")} is ${belowBecause[engine](minimumText)}`, fix: fixTo(minimum.join(".")) });
    },
    noAutoRemediation: "an engine upgrade needs a person to choose the version and check client compatibility",
});
