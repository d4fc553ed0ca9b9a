// Redis instances, Redis Cluster and Valkey.
import { garbage, noAutoRemediation, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redisCluster, redisInstance, redisInstanceOutputs, valkeyInstance } from "../../factories";
import { insecureInstance, instanceGarbage } from "./instances";
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

    // Redis instances (gcp:redis/instance:Instance) turn AUTH on with authEnabled.
    passes(redisInstance()),
    violates(redisInstance({ authEnabled: undefined }), { code: "absentDefault", field: "authEnabled" }),
    violates(redisInstance({ authEnabled: false }), { code: "notAllowed", field: "authEnabled" }),
    undecided(redisInstance({ authEnabled: unknown }), "authEnabled"),
    violates(redisInstance({ authEnabled: "true" }), { code: "wrongType", field: "authEnabled" }),
    ...instanceGarbage,
    noAutoRemediation(insecureInstance),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ authEnabled: false, authString: secret("") }), { code: "notAllowed", field: "authEnabled" }),
]);
