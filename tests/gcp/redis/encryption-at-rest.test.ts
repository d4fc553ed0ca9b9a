// Redis Cluster and Valkey; Redis instances are covered in tests/gcp/redis.test.ts.
import { garbage, passes, policyCases, remediates, violates } from "../../cases";
import { redisCluster, valkeyInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "kmsKey";

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
]);
