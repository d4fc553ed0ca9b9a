// Redis Cluster and Valkey; Redis instances are covered in tests/gcp/redis.test.ts.
import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redisCluster, valkeyInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "authorizationMode";

policyCases("gcp-redis-auth", [
    passes(redisCluster()),
    passes(valkeyInstance()),
    violates(redisCluster({ [field]: undefined }), { code: "absentDefault", field }),
    violates(redisCluster({ [field]: "AUTH_MODE_DISABLED" }), { code: "notAllowed", field }),
    violates(valkeyInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(valkeyInstance({ [field]: "AUTH_DISABLED" }), { code: "notAllowed", field }),
    violates(valkeyInstance({ [field]: "AUTH_MODE_IAM_AUTH" }), { code: "unrecognised", field }),
    violates(redisCluster({ [field]: 1 }), { code: "wrongType", field }),
    undecided(valkeyInstance({ [field]: unknown }), field),
    garbage(valkeyInstance({ [field]: secret("SECRET") })),
    remediates(redisCluster({ [field]: undefined }), "nothing"),
]);
