// Memorystore for Redis controls, the GCP counterparts of the ElastiCache ones (policies/aws/elasticache):
// TLS in transit, Redis AUTH, a standby replica in another zone, a customer-managed key at rest and
// RDB snapshots. Every default below is the provider's (gcp.redis.InstanceArgs).

import { attributeRule } from "../lib/attribute-rule";
import { booleanAttribute, cloudFact, gcpTypes, serviceFact, stringAttribute } from "../lib/facts";
import { booleanKnob, integerKnob } from "../lib/knobs";
import { isOutcome, pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { blockOf, mustBeOneOf, mustBeSet, mustBeTrue, oneOf, valueOf } from "../lib/rules";

export const redisInstance = "gcp:redis/instance:Instance";

const types = [redisInstance];
const source = gcpTypes("redis/instance");

const transitEncryptionMode = stringAttribute({ types, field: "transitEncryptionMode", default: "DISABLED", values: ["SERVER_AUTHENTICATION", "DISABLED"], source });
const authEnabled = booleanAttribute({ types, field: "authEnabled", default: false, source });
const tier = stringAttribute({ types, field: "tier", default: "BASIC", values: ["BASIC", "STANDARD_HA"], source });
const customerManagedKey = stringAttribute({ types, field: "customerManagedKey", source });
const persistenceMode = stringAttribute({ types, block: "persistenceConfig", field: "persistenceMode", default: "DISABLED", values: ["DISABLED", "RDB"], source });

export const encryptionInTransit = attributeRule({
    name: "gcp-redis-encryption-in-transit",
    description: "Memorystore for Redis accepts only TLS connections (transitEncryptionMode SERVER_AUTHENTICATION).",
    severity: "critical",
    types: [redisInstance],
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["gcp", "redis", "memorystore", "encryption", "encryption-in-transit"],
    anchors: { gcp: ["gcp-memorystore-01"], checkov: ["CKV_GCP_97"] },
    remediation:
        "Set `transitEncryptionMode: \"SERVER_AUTHENTICATION\"` on the `gcp.redis.Instance` (the default is `DISABLED`). " +
        "It can only be chosen when the instance is created, so this replaces an existing instance. " +
        "Clients then connect with TLS on port 6378 and trust the instance's `serverCaCerts`.",
    requires: [mustBeOneOf(transitEncryptionMode, ["SERVER_AUTHENTICATION"], { fix: 'set transitEncryptionMode: "SERVER_AUTHENTICATION"' })],
    noAutoRemediation: "the TLS mode can only be chosen when the instance is created, so the fix replaces it, and clients must switch to TLS",
});

export const auth = attributeRule({
    name: "gcp-redis-auth",
    description: "Memorystore for Redis makes clients authenticate with Redis AUTH.",
    severity: "high",
    types: [redisInstance],
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["gcp", "redis", "memorystore", "authentication", "access-control"],
    anchors: { gcp: ["gcp-memorystore-01"], checkov: ["CKV_GCP_95"] },
    remediation:
        "Set `authEnabled: true` on the `gcp.redis.Instance` (the default is false). Clients read the generated AUTH string " +
        "(the instance's `authString` output, a secret) from Secret Manager or a Pulumi secret; restrict `redis.instances.getAuthString` with IAM.",
    requires: [mustBeTrue(authEnabled)],
    noAutoRemediation: "clients cannot connect after AUTH is turned on until a person gives them the AUTH string",
});

export const highAvailability = attributeRule({
    name: "gcp-redis-high-availability",
    description: "Memorystore for Redis runs on the Standard tier, with a replica in another zone and automatic failover.",
    severity: "medium",
    types: [redisInstance],
    hipaa: ["164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)"],
    hitrust: ["1410.09e2", "1601.12c1", "1618.09l1", "1620.09l1"],
    tags: ["gcp", "redis", "memorystore", "availability", "disaster-recovery"],
    anchors: { gcp: ["gcp-memorystore-01"] },
    remediation:
        "Set `tier: \"STANDARD_HA\"` on the `gcp.redis.Instance` (the default is `BASIC`, a single node with no failover). " +
        "Optionally pin `locationId` and `alternativeLocationId` to two different zones.",
    requires: [mustBeOneOf(tier, ["STANDARD_HA"], { fix: 'set tier: "STANDARD_HA"' })],
    noAutoRemediation: "changing the tier replaces the instance and doubles its cost, a decision for a person",
});

const customerKey = mustBeSet(customerManagedKey, {
    fix: "set customerManagedKey to the id of a gcp.kms.CryptoKey",
    missing: "customerManagedKey is not set, so data at rest is encrypted only with a Google-managed key",
});

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-redis-encryption-at-rest",
    description: "Memorystore for Redis encrypts data at rest with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [redisInstance],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "redis", "memorystore", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-memorystore-01"] },
    remediation:
        "Set `customerManagedKey` on the `gcp.redis.Instance` to the id of a `gcp.kms.CryptoKey` in the instance's region, and grant the " +
        "Memorystore service agent (`service-PROJECT_NUMBER@cloud-redis.iam.gserviceaccount.com`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. " +
        "The key can only be set when the instance is created. Memorystore always encrypts at rest with a Google-managed key; " +
        "set `allowGoogleManagedKeys: true` in this policy's config if that is acceptable.",
    knobs: {
        allowGoogleManagedKeys: booleanKnob({
            default: false,
            description: "Accept Memorystore's default Google-managed encryption key instead of requiring a customer-managed key (customerManagedKey).",
        }),
    },
    check: (r, config) => (config.allowGoogleManagedKeys ? pass : customerKey.check(r.props, config)),
    noAutoRemediation: "the key can only be set when the instance is created, and which KMS key protects it is a person's choice",
});

// rdbSnapshotPeriod values in hours; the API snapshots every 24 hours when the period is omitted.
const snapshotPeriodHours: ReadonlyMap<string, number> = cloudFact(
    { about: "gcp.redis.Instance persistenceConfig.rdbSnapshotPeriod", says: "ONE_HOUR, SIX_HOURS, TWELVE_HOURS or TWENTY_FOUR_HOURS; omitted means every 24 hours", source },
    new Map([["ONE_HOUR", 1], ["SIX_HOURS", 6], ["TWELVE_HOURS", 12], ["TWENTY_FOUR_HOURS", 24]]),
);
const defaultSnapshotPeriodHours = 24;
serviceFact({ about: "gcp.redis.Instance persistenceConfig", says: "omitted: persistence off (no RDB snapshots); REDIS_3_2 offers no persistence", source });

/** The longest snapshot period of at most `hours` (the knob's minimum, 1, always has one). */
function longestPeriodWithin(hours: number): string {
    let best = "ONE_HOUR";
    for (const [period, h] of snapshotPeriodHours) if (h <= hours) best = period;
    return best;
}

export const persistence = defineResourcePolicy({
    name: "gcp-redis-persistence",
    description: "Memorystore for Redis takes RDB snapshots at least as often as the configured period.",
    severity: "medium",
    types: [redisInstance],
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1", "1620.09l1"],
    tags: ["gcp", "redis", "memorystore", "backup"],
    anchors: { gcp: ["gcp-memorystore-01"] },
    remediation:
        "Set `persistenceConfig: { persistenceMode: \"RDB\", rdbSnapshotPeriod: \"ONE_HOUR\" }` on the `gcp.redis.Instance` " +
        "(`ONE_HOUR`, `SIX_HOURS`, `TWELVE_HOURS` or `TWENTY_FOUR_HOURS`; omitted means every 24 hours) with a period no longer than " +
        "`maximumSnapshotPeriodHours` (default 24). Persistence is off unless set. Export snapshots to Cloud Storage " +
        "(`gcloud redis instances export`) and keep them for six years.",
    knobs: {
        maximumSnapshotPeriodHours: integerKnob({
            default: 24, minimum: 1, maximum: 24,
            description: "Longest accepted time between RDB snapshots, in hours (Memorystore offers 1, 6, 12 and 24).",
        }),
    },
    check: (r, config) => {
        const maximum = config.maximumSnapshotPeriodHours;
        const period = longestPeriodWithin(maximum);
        const fix = `set persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "${period}" }`;
        const read = r.props.single("persistenceConfig");
        if (read.state === "absent") return violation({ code: "absentDefault", field: "persistenceConfig", problem: "persistenceConfig is not set, so the instance takes no RDB snapshots", fix });
        const block = blockOf(read, { path: "persistenceConfig", fix });
        if (isOutcome(block)) return block;
        const mode = oneOf(block.string(persistenceMode.field), { path: persistenceMode.path, allowed: ["RDB"], known: persistenceMode.values!, absentMeans: persistenceMode.absent, fix });
        if (mode.kind === "violation") return mode; // with persistence off, the period does not matter

        const field = "persistenceConfig.rdbSnapshotPeriod";
        const periodFix = `set ${field}: "${period}"`;
        const text = valueOf(block.string("rdbSnapshotPeriod"), { path: field, expected: "a string", fix: periodFix, absent: undefined });
        if (isOutcome(text)) return [mode, text];
        const hours = text === undefined ? defaultSnapshotPeriodHours : snapshotPeriodHours.get(text);
        if (hours === undefined) return [mode, violation({ code: "unrecognised", field, problem: `${field} is not a recognised value`, fix: periodFix })];
        if (hours <= maximum) return mode;
        const shown = text !== undefined ? `"${text}"` : `not set and defaults to every ${hours} hours`;
        return [mode, violation({ code: text === undefined ? "absentDefault" : "aboveMaximum", field, problem: `${field} is ${shown}, longer than ${maximum} hours`, fix: periodFix })];
    },
    // Only an omitted block is filled in: RDB snapshots turn on in place without touching clients.
    // An existing block is left to a person, so nothing in it is rewritten. Redis 3.2 has no persistence.
    remediate: (r, config) => {
        const version = r.props.string("redisVersion");
        if (r.props.has("persistenceConfig") || version.state === "unknown" || (version.state === "known" && version.value === "REDIS_3_2")) return undefined;
        return { persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: longestPeriodWithin(config.maximumSnapshotPeriodHours) } };
    },
});

export const policies = [encryptionInTransit, auth, highAvailability, encryptionAtRest, persistence];
