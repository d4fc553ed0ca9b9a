// What every Memorystore for Redis instance (gcp:redis/instance:Instance) test shares: the garbage
// each Memorystore policy must survive, and an instance that fails every control without an
// automatic fix. Redis Cluster and Valkey cases use their own values in each policy's file.

import { garbage } from "../../cases";
import { redisInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

export const SECRET = "redis-SECRET-do-not-echo-55c1";

/** Garbage every Memorystore policy must survive, on a Redis instance. */
const garbageProps: Record<string, unknown>[] = [
    { tier: 2, transitEncryptionMode: true, authEnabled: "true", customerManagedKey: 7, persistenceConfig: "RDB" },
    { tier: null, transitEncryptionMode: null, authEnabled: null, customerManagedKey: null, persistenceConfig: null },
    { tier: secret(SECRET), transitEncryptionMode: secret(SECRET), customerManagedKey: secret(SECRET) },
    { persistenceConfig: { persistenceMode: secret(SECRET), rdbSnapshotPeriod: SECRET } },
    { persistenceConfig: [unknown], tier: [unknown], authEnabled: { on: true } },
    { persistenceConfig: { persistenceMode: ["RDB"], rdbSnapshotPeriod: { hours: 1 } } },
    { persistenceConfig: [{ persistenceMode: "RDB", rdbSnapshotPeriod: "constructor" }] },
];
export const instanceGarbage = garbageProps.map(props => garbage(redisInstance(props)));

/** Everything the controls without an automatic fix would find. */
export const insecureInstance = redisInstance({ tier: "BASIC", transitEncryptionMode: "DISABLED", authEnabled: false, customerManagedKey: undefined });
