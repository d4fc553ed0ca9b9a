// Redis instances, Redis Cluster and Valkey.
import { garbage, misconfigured, noAutoRemediation, passes, policyCases, remediates, violates } from "../../cases";
import { redisCluster, redisInstance, redisInstanceOutputs, valkeyInstance } from "../../factories";
import { insecureInstance, instanceGarbage } from "./instances";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "kmsKey";
const key = "customerManagedKey";

policyCases("gcp-redis-encryption-at-rest", [
    passes(redisCluster()),
    passes(valkeyInstance()),
    passes(valkeyInstance({ [field]: unknown })),
    violates(redisCluster({ [field]: undefined }), { code: "notSet", field }),
    violates(valkeyInstance({ [field]: "" }), { code: "notSet", field }),
    // The Redis instance's field name does not count on a cluster.
    violates(redisCluster({ [field]: undefined, customerManagedKey: "projects/p/locations/l/keyRings/r/cryptoKeys/k" }), { code: "notSet", field }),
    violates(valkeyInstance({ [field]: ["k"] }), { code: "wrongType", field }),
    passes(redisCluster({ [field]: undefined }), { allowGoogleManagedKeys: true }),
    garbage(valkeyInstance({ [field]: { SECRET: secret("SECRET") } })),
    remediates(redisCluster({ [field]: undefined }), "nothing"),

    // Redis instances (gcp:redis/instance:Instance) name their key in customerManagedKey.
    passes(redisInstance()),
    violates(redisInstance({ [key]: undefined }), { code: "notSet", field: key }),
    violates(redisInstance({ [key]: "" }), { code: "notSet", field: key }),
    // A key unknown at preview is present.
    passes(redisInstance({ [key]: unknown })),
    violates(redisInstance({ [key]: 12 }), { code: "wrongType", field: key }),
    passes(redisInstance({ [key]: undefined }), { allowGoogleManagedKeys: true }),
    misconfigured(redisInstance(), { allowGoogleManagedKeys: "no" }, "allowGoogleManagedKeys"),
    ...instanceGarbage,
    noAutoRemediation(insecureInstance),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ [key]: "" }), { code: "notSet", field: key }),
]);
