// Redis instances, Redis Cluster and Valkey.
import { garbage, noAutoRemediation, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redisCluster, redisInstance, redisInstanceOutputs, valkeyInstance } from "../../factories";
import { insecureInstance, instanceGarbage } from "./instances";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "transitEncryptionMode";

policyCases("gcp-redis-encryption-in-transit", [
    passes(redisCluster()),
    passes(valkeyInstance()),
    violates(redisCluster({ [field]: undefined }), { code: "absentDefault", field }),
    violates(redisCluster({ [field]: "TRANSIT_ENCRYPTION_MODE_DISABLED" }), { code: "notAllowed", field }),
    // The Redis instance's spelling is not the cluster's.
    violates(redisCluster({ [field]: "SERVER_AUTHENTICATION" }), { code: "unrecognised", field }),
    violates(valkeyInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(valkeyInstance({ [field]: "TRANSIT_ENCRYPTION_DISABLED" }), { code: "notAllowed", field }),
    violates(valkeyInstance({ [field]: true }), { code: "wrongType", field }),
    undecided(valkeyInstance({ [field]: unknown }), field),
    undecided(redisCluster({ [field]: unknown }), field),
    // Outputs write "" for an unset choice: read as omitted, whose default is off.
    violates(valkeyInstance({ [field]: "" }), { code: "absentDefault", field }),
    garbage(redisCluster({ [field]: secret("SECRET") })),
    remediates(valkeyInstance({ [field]: undefined }), "nothing"),

    // Redis instances (gcp:redis/instance:Instance).
    passes(redisInstance()),
    violates(redisInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(redisInstance({ [field]: "DISABLED" }), { code: "notAllowed", field }),
    violates(redisInstance({ [field]: "server_authentication" }), { code: "unrecognised", field }),
    undecided(redisInstance({ [field]: unknown }), field),
    violates(redisInstance({ [field]: true }), { code: "wrongType", field }),
    ...instanceGarbage,
    noAutoRemediation(insecureInstance),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ [field]: "DISABLED", port: 6379 }), { code: "notAllowed", field }),
]);
