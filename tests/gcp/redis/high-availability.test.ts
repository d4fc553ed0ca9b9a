// Redis instances, Redis Cluster and Valkey.
import { garbage, noAutoRemediation, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redisCluster, redisInstance, redisInstanceOutputs, valkeyInstance } from "../../factories";
import { insecureInstance, instanceGarbage } from "./instances";
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

    // Redis instances (gcp:redis/instance:Instance) get a replica from the STANDARD_HA tier.
    passes(redisInstance()),
    violates(redisInstance({ tier: undefined }), { code: "absentDefault", field: "tier" }),
    violates(redisInstance({ tier: "BASIC" }), { code: "notAllowed", field: "tier" }),
    violates(redisInstance({ tier: "PREMIUM-secret" }), { code: "unrecognised", field: "tier" }),
    undecided(redisInstance({ tier: unknown }), "tier"),
    ...instanceGarbage,
    noAutoRemediation(insecureInstance),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(redisInstanceOutputs()),
    violates(redisInstanceOutputs({ tier: "BASIC", alternativeLocationId: "", replicaCount: 0 }), { code: "notAllowed", field: "tier" }),
]);
