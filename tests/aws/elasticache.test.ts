import * as assert from "assert";
import { assertFinding, assertNotApplicable, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";

const group = "aws:elasticache/replicationGroup:ReplicationGroup";
const cluster = "aws:elasticache/cluster:Cluster";
const serverless = "aws:elasticache/serverlessCache:ServerlessCache";
const TOKEN = "tok-SECRET-do-not-echo-8d1f";

const compliantGroup = {
    description: "PHI session cache",
    engine: "redis",
    engineVersion: "7.1",
    transitEncryptionEnabled: true,
    transitEncryptionMode: "required",
    atRestEncryptionEnabled: true,
    kmsKeyId: unknown,
    automaticFailoverEnabled: true,
    multiAzEnabled: true,
    numCacheClusters: 2,
    snapshotRetentionLimit: 35,
    authToken: secret(TOKEN),
};
const compliantServerless = { engine: "valkey", majorEngineVersion: "8", snapshotRetentionLimit: 35, userGroupId: unknown, kmsKeyId: unknown };
const compliantMemcached = { engine: "memcached", engineVersion: "1.6.22", transitEncryptionEnabled: true, azMode: "cross-az", numCacheNodes: 3 };

const rg = (props: Record<string, unknown>) => ({ type: group, name: "cache", props: { ...compliantGroup, ...props } });
const cl = (props: Record<string, unknown>) => ({ type: cluster, name: "memcached", props: { ...compliantMemcached, ...props } });
const sl = (props: Record<string, unknown>) => ({ type: serverless, name: "serverless", props: { ...compliantServerless, ...props } });

/** Garbage every policy must survive: wrong types, nulls, nested unknowns, secrets in odd places. */
const garbage: Record<string, unknown>[] = [
    { engine: 42 },
    { engine: null, engineVersion: ["7.1"] },
    { engine: secret(TOKEN) },
    { transitEncryptionEnabled: "true", atRestEncryptionEnabled: "yes", multiAzEnabled: 1 },
    { numCacheClusters: "2", snapshotRetentionLimit: { days: 35 }, replicasPerNodeGroup: null, numNodeGroups: unknown },
    { authToken: 12345, userGroupIds: [null, unknown, 7] },
    { userGroupIds: "ug-1", engineVersion: secret(TOKEN) },
    { transitEncryptionMode: secret(TOKEN), azMode: [unknown], replicationGroupId: {} },
    { engineVersion: NaN, snapshotRetentionLimit: Infinity },
];

const policies = [
    "aws-elasticache-engine-version",
    "aws-elasticache-encryption-in-transit",
    "aws-elasticache-encryption-at-rest",
    "aws-elasticache-multi-az",
    "aws-elasticache-backup-retention",
    "aws-elasticache-auth",
];

describe("ElastiCache controls", () => {
    const pack = usePack();

    it("a compliant replication group, Memcached cluster and serverless cache pass every control", async () => {
        for (const policy of policies) {
            assertPasses(await pack.check(policy, rg({})));
            assertPasses(await pack.check(policy, sl({})));
        }
        for (const policy of ["aws-elasticache-engine-version", "aws-elasticache-encryption-in-transit", "aws-elasticache-multi-az"]) {
            assertPasses(await pack.check(policy, cl({})));
        }
    });

    it("a cluster that joins a replication group is not applicable to any control: the group is checked", async () => {
        for (const policy of policies) {
            assertNotApplicable(await pack.check(policy, { type: cluster, name: "member", props: { replicationGroupId: unknown } }), /inherits the group's settings/);
        }
    });

    it("garbage never fails the call, never echoes a secret, and never passes silently as a violation-free unknown", async () => {
        for (const props of garbage) {
            for (const resource of [rg(props), cl(props), sl(props)]) {
                const result = await pack.analyze(resource);
                for (const d of result.diagnostics) {
                    assert.ok(!d.message.includes(TOKEN), `secret echoed by ${d.policyName}: ${d.message}`);
                    if (d.enforcementLevel === "mandatory") assertFinding(d.message);
                }
            }
        }
    });

    describe("aws-elasticache-engine-version", () => {
        const policy = "aws-elasticache-engine-version";
        it("accepts an omitted version (AWS's current default), Valkey, Redis 4.0.10+, 6.x and 3.2.6", async () => {
            for (const engineVersion of [undefined, "4.0.10", "5.0.6", "6.x", "6.2", "7.1", "3.2.6"]) {
                assertPasses(await pack.check(policy, rg({ engineVersion })));
            }
            assertPasses(await pack.check(policy, rg({ engine: "valkey", engineVersion: "7.2" })));
            assertPasses(await pack.check(policy, rg({ engine: undefined, engineVersion: "7.0" })));
        });
        it("rejects Redis versions below the minimum, 3.2.10 included, naming the version and the fix", async () => {
            for (const engineVersion of ["3.2.10", "4.0.9", "2.8.24", "4.0"]) {
                assertViolates(await pack.check(policy, rg({ engineVersion })), /below the HIPAA-eligible minimum 4\.0\.10/, /Fix: set engineVersion: "4\.0\.10" or later/, /HITRUST 0706\.10b1/);
            }
        });
        it("rejects Memcached before 1.6.12 and checks serverless majorEngineVersion", async () => {
            assertViolates(await pack.check(policy, cl({ engineVersion: "1.6.6" })), /memcached engineVersion 1\.6\.6 is below/);
            assertViolates(await pack.check(policy, sl({ engine: "memcached", majorEngineVersion: "1.5" })), /majorEngineVersion 1\.5 is below 1\.6\.12 \(1\.6\.12 is the first Memcached version with in-transit encryption\)\. Fix: set majorEngineVersion: "1\.6"/);
            assertPasses(await pack.check(policy, sl({ engine: "memcached", majorEngineVersion: "1.6" })));
            assertPasses(await pack.check(policy, sl({ engine: "redis", majorEngineVersion: "7" })));
        });
        it("honours minimumRedisVersion and minimumMemcachedVersion", async () => {
            assertViolates(await pack.check(policy, rg({ engineVersion: "6.2" }), { [policy]: { minimumRedisVersion: "7.0" } }), /below the HIPAA-eligible minimum 7\.0/);
            assertPasses(await pack.check(policy, rg({ engineVersion: "7.1" }), { [policy]: { minimumRedisVersion: "7.0" } }));
            assertPasses(await pack.check(policy, cl({ engineVersion: "1.6.6" }), { [policy]: { minimumMemcachedVersion: "1.6.6" } }));
        });
        it("is undecided when the version or engine is unknown at preview", async () => {
            assertUndecided(await pack.check(policy, rg({ engineVersion: unknown })), "engineVersion");
            assertUndecided(await pack.check(policy, rg({ engine: unknown })), "engine");
        });
        it("rejects unreadable versions and engines without echoing them", async () => {
            assertViolates(await pack.check(policy, rg({ engineVersion: "latest-secret-build" })), /engineVersion is not a version the pack can read/);
            assertViolates(await pack.check(policy, rg({ engineVersion: 7 })), /engineVersion is 7, not a version string/);
            assertViolates(await pack.check(policy, rg({ engine: "dragonfly" })), /engine is not a recognised ElastiCache engine/);
            assertViolates(await pack.check(policy, cl({ engine: undefined })), /engine is not set/);
        });
        it("reports an invalid knob once, naming the knob and the allowed values", async () => {
            const v = await pack.check(policy, rg({}), { [policy]: { minimumRedisVersion: "seven" } });
            assertViolates(v, /minimumRedisVersion must be a version such as "4\.0\.10"/, /misconfigured/);
        });
    });

    describe("aws-elasticache-encryption-in-transit", () => {
        const policy = "aws-elasticache-encryption-in-transit";
        it("requires transitEncryptionEnabled (default false)", async () => {
            assertViolates(await pack.check(policy, rg({ transitEncryptionEnabled: undefined, transitEncryptionMode: undefined })), /transitEncryptionEnabled is not set and defaults to false/, /Fix: set transitEncryptionEnabled: true/, /HIPAA §164\.312\(e\)\(1\)/);
            assertViolates(await pack.check(policy, rg({ transitEncryptionEnabled: false, transitEncryptionMode: undefined })), /transitEncryptionEnabled is false/);
            assertViolates(await pack.check(policy, cl({ transitEncryptionEnabled: undefined })), /transitEncryptionEnabled is not set/);
        });
        it("accepts an omitted mode and rejects preferred, which still accepts plaintext", async () => {
            assertPasses(await pack.check(policy, rg({ transitEncryptionMode: undefined })));
            assertViolates(await pack.check(policy, rg({ transitEncryptionMode: "preferred" })), /transitEncryptionMode is "preferred"/, /Fix: set transitEncryptionMode: "required"/);
            assertViolates(await pack.check(policy, rg({ transitEncryptionMode: "opportunistic" })), /transitEncryptionMode is not a recognised value/);
        });
        it("rejects a standalone Redis cluster, which cannot use TLS", async () => {
            assertViolates(await pack.check(policy, { type: cluster, name: "r", props: { engine: "redis" } }), /standalone Redis cache cluster cannot encrypt/, /aws\.elasticache\.ReplicationGroup/);
        });
        it("passes serverless caches, which only accept TLS", async () => {
            assertPasses(await pack.check(policy, sl({ engine: "redis" })));
        });
        it("is undecided on unknown values and rejects strings for booleans", async () => {
            assertUndecided(await pack.check(policy, rg({ transitEncryptionEnabled: unknown, transitEncryptionMode: unknown })), "transitEncryptionEnabled", "transitEncryptionMode");
            assertViolates(await pack.check(policy, rg({ transitEncryptionEnabled: "true" })), /transitEncryptionEnabled is a string, not the boolean true/);
        });
        it("reports a violation and an advisory together when one field is bad and another unknown", async () => {
            const v = await pack.check(policy, rg({ transitEncryptionEnabled: unknown, transitEncryptionMode: "preferred" }));
            assert.strictEqual(v.violations.length, 1);
            assert.strictEqual(v.advisories.length, 1);
        });
    });

    describe("aws-elasticache-encryption-at-rest", () => {
        const policy = "aws-elasticache-encryption-at-rest";
        it("minds each engine's default: Redis OSS off, Valkey on", async () => {
            assertViolates(await pack.check(policy, rg({ atRestEncryptionEnabled: undefined })), /atRestEncryptionEnabled is not set and defaults to false/, /HITRUST 1903\.06d1/);
            assertViolates(await pack.check(policy, rg({ engine: undefined, atRestEncryptionEnabled: undefined })), /defaults to false/);
            assertPasses(await pack.check(policy, rg({ engine: "valkey", atRestEncryptionEnabled: undefined })));
            assertPasses(await pack.check(policy, rg({ engine: "VALKEY", atRestEncryptionEnabled: undefined })));
            assertViolates(await pack.check(policy, rg({ engine: "valkey", atRestEncryptionEnabled: false })), /atRestEncryptionEnabled is false/);
        });
        it("requires a customer-managed key only when configured, and an unknown key ARN is present", async () => {
            const config = { [policy]: { requireCustomerManagedKey: true } };
            assertPasses(await pack.check(policy, rg({ kmsKeyId: undefined })));
            assertViolates(await pack.check(policy, rg({ kmsKeyId: undefined }), config), /kmsKeyId is not set/, /Fix: set kmsKeyId/);
            assertViolates(await pack.check(policy, rg({ kmsKeyId: "" }), config), /kmsKeyId is not set/);
            assertPasses(await pack.check(policy, rg({ kmsKeyId: unknown }), config));
            assertPasses(await pack.check(policy, rg({ kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/abcd" }), config));
            assertViolates(await pack.check(policy, sl({ kmsKeyId: undefined }), config), /kmsKeyId is not set/);
            assertPasses(await pack.check(policy, sl({ kmsKeyId: undefined })));
        });
        it("rejects a standalone Redis cluster and does not apply to in-memory Memcached", async () => {
            assertViolates(await pack.check(policy, { type: cluster, name: "r", props: { engine: "redis" } }), /cannot be encrypted at rest/);
            assertNotApplicable(await pack.check(policy, cl({})), /Memcached keeps data only in memory/);
        });
        it("is undecided when the engine decides the default and is unknown", async () => {
            assertUndecided(await pack.check(policy, rg({ engine: unknown, atRestEncryptionEnabled: undefined })), "engine");
            assertUndecided(await pack.check(policy, rg({ atRestEncryptionEnabled: unknown })), "atRestEncryptionEnabled");
        });
        it("rejects a non-boolean and an invalid knob", async () => {
            assertViolates(await pack.check(policy, rg({ atRestEncryptionEnabled: 1 })), /atRestEncryptionEnabled is 1, not the boolean true/);
            assertViolates(await pack.check(policy, rg({}), { [policy]: { requireCustomerManagedKey: "yes" } }), /requireCustomerManagedKey must be true or false/);
        });
    });

    describe("aws-elasticache-multi-az", () => {
        const policy = "aws-elasticache-multi-az";
        it("requires automatic failover, Multi-AZ and a replica (cluster mode disabled)", async () => {
            assertViolates(await pack.check(policy, rg({ automaticFailoverEnabled: undefined })), /automaticFailoverEnabled is not set/, /HITRUST 1410\.09e2/);
            assertViolates(await pack.check(policy, rg({ multiAzEnabled: false })), /multiAzEnabled is false/);
            assertViolates(await pack.check(policy, rg({ numCacheClusters: undefined })), /numCacheClusters is not set and defaults to 1, below 2/);
            assertViolates(await pack.check(policy, rg({ numCacheClusters: 1 })), /numCacheClusters is 1, below 2/);
        });
        it("in cluster mode requires a replica per node group", async () => {
            const sharded = { numCacheClusters: undefined, numNodeGroups: 3 };
            assertPasses(await pack.check(policy, rg({ ...sharded, replicasPerNodeGroup: 1 })));
            assertViolates(await pack.check(policy, rg({ ...sharded, replicasPerNodeGroup: 0 })), /replicasPerNodeGroup is 0, below 1/);
            assertViolates(await pack.check(policy, rg({ ...sharded })), /replicasPerNodeGroup is not set/);
        });
        it("spreads Memcached nodes across zones, and rejects a single-node Redis cluster", async () => {
            assertViolates(await pack.check(policy, cl({ azMode: undefined })), /azMode is not set and defaults to "single-az"/, /Fix: set azMode: "cross-az"/);
            assertViolates(await pack.check(policy, cl({ numCacheNodes: 1 })), /numCacheNodes is 1, below 2/);
            assertViolates(await pack.check(policy, { type: cluster, name: "r", props: { engine: "redis" } }), /single node with no replica/);
        });
        it("passes serverless caches, is undecided on unknowns, rejects garbage", async () => {
            assertPasses(await pack.check(policy, sl({})));
            assertUndecided(await pack.check(policy, rg({ numCacheClusters: unknown, multiAzEnabled: unknown })), "numCacheClusters", "multiAzEnabled");
            assertViolates(await pack.check(policy, rg({ numCacheClusters: "two" })), /numCacheClusters is a string, not a number/);
        });
    });

    describe("aws-elasticache-backup-retention", () => {
        const policy = "aws-elasticache-backup-retention";
        it("requires 35 days of snapshots by default", async () => {
            assertViolates(await pack.check(policy, rg({ snapshotRetentionLimit: undefined })), /snapshotRetentionLimit is not set and defaults to 0, below 35/, /HIPAA §164\.308\(a\)\(7\)\(ii\)\(A\)/);
            assertViolates(await pack.check(policy, rg({ snapshotRetentionLimit: 7 })), /snapshotRetentionLimit is 7, below 35/, /Fix: set snapshotRetentionLimit: 35 or more/);
            assertViolates(await pack.check(policy, sl({ snapshotRetentionLimit: undefined })), /below 35/);
            assertViolates(await pack.check(policy, { type: cluster, name: "r", props: { engine: "redis", snapshotRetentionLimit: 1 } }), /is 1, below 35/);
        });
        it("honours minimumRetentionDays and rejects a value outside 1 to 35", async () => {
            assertPasses(await pack.check(policy, rg({ snapshotRetentionLimit: 7 }), { [policy]: { minimumRetentionDays: 7 } }));
            assertViolates(await pack.check(policy, rg({}), { [policy]: { minimumRetentionDays: 90 } }), /minimumRetentionDays must be an integer from 1 to 35/);
            assertViolates(await pack.check(policy, rg({}), { [policy]: { minimumRetentionDays: 0 } }), /minimumRetentionDays must be an integer from 1 to 35/);
        });
        it("does not apply to Memcached, is undecided on unknowns", async () => {
            assertNotApplicable(await pack.check(policy, cl({})), /node-based Memcached keeps no snapshots/);
            // Serverless Memcached takes automatic snapshots (the API reference), so it is checked.
            assertViolates(await pack.check(policy, sl({ engine: "memcached", snapshotRetentionLimit: undefined })), /snapshotRetentionLimit is not set and defaults to 0, below 35/);
            assertPasses(await pack.check(policy, sl({ engine: "memcached", snapshotRetentionLimit: 35 })));
            assertUndecided(await pack.check(policy, rg({ snapshotRetentionLimit: unknown })), "snapshotRetentionLimit");
        });
    });

    describe("aws-elasticache-auth", () => {
        const policy = "aws-elasticache-auth";
        it("accepts an AUTH token, the write-only token, or RBAC user groups, known or unknown", async () => {
            for (const props of [
                { authToken: secret(TOKEN) },
                { authToken: undefined, authTokenWo: secret(TOKEN), authTokenWoVersion: 1 },
                { authToken: undefined, userGroupIds: ["ug-phi"] },
                { authToken: undefined, userGroupIds: [unknown] },
                { authToken: undefined, userGroupIds: unknown },
                { authToken: unknown },
                { authToken: undefined, engine: "valkey", userGroupIds: ["ug"] },
            ]) {
                assertPasses(await pack.check(policy, rg(props)));
            }
        });
        it("rejects a group with no way to authenticate, on Redis and Valkey of every version", async () => {
            for (const engine of ["redis", "valkey"]) {
                for (const engineVersion of ["5.0.6", "7.1"]) {
                    assertViolates(await pack.check(policy, rg({ authToken: undefined, engine, engineVersion })), /no AUTH token \(authToken or authTokenWo\) or RBAC user group/, /HIPAA §164\.312\(d\)/);
                }
            }
            assertViolates(await pack.check(policy, rg({ authToken: "", userGroupIds: [] })), /no AUTH token/);
            assertViolates(await pack.check(policy, rg({ authToken: undefined, userGroupIds: [null, ""] })), /no AUTH token/);
        });
        it("never echoes a token, even one of the wrong type", async () => {
            const v = await pack.check(policy, rg({ authToken: 987654321 }));
            assertViolates(v, /authToken is not a string/);
            assert.ok(!v.violations[0].includes("987654321"));
        });
        it("requires a user group on Redis/Valkey serverless caches; not applicable to Memcached", async () => {
            assertViolates(await pack.check(policy, sl({ userGroupId: undefined })), /userGroupId is not set/);
            // Memcached cannot authenticate clients: reported unless an auditor accepted compensating controls.
            assertViolates(await pack.check(policy, sl({ engine: "memcached", userGroupId: undefined })), /Memcached cannot authenticate clients/, /Fix: use engine "valkey" or "redis"/);
            assertViolates(await pack.check(policy, cl({})), /Memcached cannot authenticate clients/);
            assertNotApplicable(await pack.check(policy, cl({}), { [policy]: { allowUnauthenticatedMemcached: true } }), /allowUnauthenticatedMemcached/);
            assertViolates(await pack.check(policy, { type: cluster, name: "r", props: { engine: "redis" } }), /cannot require clients to authenticate/);
        });
        it("is undecided only when the engine is unknown", async () => {
            assertUndecided(await pack.check(policy, sl({ engine: unknown })), "engine");
        });
    });

    it("publishes its knob schema (the generic metadata is checked for every policy in tests/metadata.test.ts)", async () => {
        const backup = pack.info.policies.find(x => x.name === "aws-elasticache-backup-retention")!;
        assert.deepStrictEqual(backup.configSchema?.properties.minimumRetentionDays, {
            type: "integer", minimum: 1, maximum: 35, default: 35,
            description: "Fewest days automatic snapshots must be kept (ElastiCache allows at most 35).",
        });
    });
});
