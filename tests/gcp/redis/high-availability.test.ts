// Redis Cluster and Valkey; Redis instances are covered in tests/gcp/redis.test.ts.
import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redisCluster, valkeyInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "replicaCount";

policyCases("gcp-redis-high-availability", [
    passes(redisCluster()),
    passes(valkeyInstance()),
    violates(redisCluster({ [field]: undefined }), { code: "absentDefault", field }),
    violates(valkeyInstance({ [field]: 0 }), { code: "belowMinimum", field }),
    violates(valkeyInstance({ [field]: "two" }), { code: "wrongType", field }),
    undecided(redisCluster({ [field]: unknown }), field),
    garbage(redisCluster({ [field]: secret("SECRET") })),
    remediates(redisCluster({ [field]: 0 }), "nothing"),
]);
