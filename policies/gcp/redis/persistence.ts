import { Attribute } from "../../lib/facts";
import { integerKnob } from "../../lib/knobs";
import { isOutcome, Outcome, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { blockOf, oneOf, valueOf } from "../../lib/rules";
import { clusterPersistence, defaultSnapshotPeriodHours, longestPeriodWithin, memorystoreTypes, persistenceMode, redisCluster, redisInstance, snapshotPeriodHours, valkeyPersistence } from "./facts";

/** The snapshot period at `field` of `block` must be at most `maximum` hours (omitted: every 24 hours). */
function period(block: Props, key: string, field: string, maximum: number): Outcome | undefined {
    const periodFix = `set ${field}: "${longestPeriodWithin(maximum)}"`;
    const text = valueOf(block.string(key), { path: field, expected: "a string", fix: periodFix, absent: undefined });
    if (isOutcome(text)) return text;
    const hours = text === undefined || text === "" ? defaultSnapshotPeriodHours : snapshotPeriodHours.get(text);
    if (hours === undefined) return violation({ code: "unrecognised", field, problem: `${field} is not a recognised value`, fix: periodFix });
    if (hours <= maximum) return undefined;
    const shown = text ? `"${text}"` : `not set and defaults to every ${hours} hours`;
    return violation({ code: text ? "aboveMaximum" : "absentDefault", field, problem: `${field} is ${shown}, longer than ${maximum} hours`, fix: periodFix });
}

function instancePersistence(props: Props, maximum: number): Outcome | Outcome[] {
    const fix = `set persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "${longestPeriodWithin(maximum)}" }`;
    const read = props.single("persistenceConfig");
    if (read.state === "absent") return violation({ code: "absentDefault", field: "persistenceConfig", problem: "persistenceConfig is not set, so the instance takes no RDB snapshots", fix });
    const block = blockOf(read, { path: "persistenceConfig", fix });
    if (isOutcome(block)) return block;
    const mode = oneOf(block.string(persistenceMode.field), { path: persistenceMode.path, allowed: ["RDB"], known: persistenceMode.values!, absentMeans: persistenceMode.absent, fix });
    if (mode.kind === "violation") return mode; // with persistence off, the period does not matter
    const p = period(block, "rdbSnapshotPeriod", "persistenceConfig.rdbSnapshotPeriod", maximum);
    return p ? [mode, p] : mode;
}

/** Redis Cluster and Valkey: RDB snapshots (within the period) or an append-only file. */
function clusterPersistenceCheck(props: Props, attribute: Attribute<string>, maximum: number): Outcome | Outcome[] {
    const fix = `set persistenceConfig: { mode: "AOF" } or { mode: "RDB", rdbConfig: { rdbSnapshotPeriod: "${longestPeriodWithin(maximum)}" } }`;
    const read = props.single("persistenceConfig");
    if (read.state === "absent") return violation({ code: "absentDefault", field: "persistenceConfig", problem: "persistenceConfig is not set, so the cache persists nothing", fix });
    const block = blockOf(read, { path: "persistenceConfig", fix });
    if (isOutcome(block)) return block;
    const mode = oneOf(block.string(attribute.field), { path: attribute.path, allowed: ["RDB", "AOF"], known: attribute.values!, absentMeans: attribute.absent, fix });
    const modeRead = block.string(attribute.field);
    if (mode.kind !== "pass" || modeRead.state !== "known" || modeRead.value !== "RDB") return mode;
    const rdb = blockOf(block.single("rdbConfig"), { path: "persistenceConfig.rdbConfig", fix });
    if (isOutcome(rdb)) return [mode, rdb];
    const p = period(rdb, "rdbSnapshotPeriod", "persistenceConfig.rdbConfig.rdbSnapshotPeriod", maximum);
    return p ? [mode, p] : mode;
}

export default defineResourcePolicy({
    name: "gcp-redis-persistence",
    description: "Memorystore persists data: RDB snapshots at least as often as the configured period, or (Redis Cluster, Valkey) an append-only file.",
    severity: "medium",
    types: memorystoreTypes,
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["gcp", "redis", "memorystore", "backup"],
    anchors: { gcp: ["gcp-memorystore-01", "gcp-memorystore-02"] },
    remediation:
        "- `gcp.redis.Instance`: set `persistenceConfig: { persistenceMode: \"RDB\", rdbSnapshotPeriod: \"ONE_HOUR\" }` " +
        "(`ONE_HOUR`, `SIX_HOURS`, `TWELVE_HOURS` or `TWENTY_FOUR_HOURS`; omitted means every 24 hours).\n" +
        "- `gcp.redis.Cluster` and `gcp.memorystore.Instance` (Valkey): set `persistenceConfig: { mode: \"AOF\" }`, or `{ mode: \"RDB\", rdbConfig: { rdbSnapshotPeriod: \"ONE_HOUR\" } }`.\n" +
        "The period must be no longer than `maximumSnapshotPeriodHours` (default 24). Persistence is off unless set. Export snapshots to Cloud Storage " +
        "and keep them for six years.",
    knobs: {
        maximumSnapshotPeriodHours: integerKnob({
            default: 24, minimum: 1, maximum: 24,
            description: "Longest accepted time between RDB snapshots, in hours (Memorystore offers 1, 6, 12 and 24).",
        }),
    },
    check: (r, config) => {
        const maximum = config.maximumSnapshotPeriodHours;
        if (r.type === redisInstance) return instancePersistence(r.props, maximum);
        return clusterPersistenceCheck(r.props, r.type === redisCluster ? clusterPersistence : valkeyPersistence, maximum);
    },
    // Only an omitted block on a Redis instance is filled in: RDB snapshots turn on in place without touching clients.
    // An existing block is left to a person, so nothing in it is rewritten. Redis 3.2 has no persistence.
    remediate: (r, config) => {
        if (r.type !== redisInstance) return undefined;
        const version = r.props.string("redisVersion");
        if (r.props.has("persistenceConfig") || version.state === "unknown" || (version.state === "known" && version.value === "REDIS_3_2")) return undefined;
        return { persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: longestPeriodWithin(config.maximumSnapshotPeriodHours) } };
    },
});
