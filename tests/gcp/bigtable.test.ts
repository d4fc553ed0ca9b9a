import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { bigtableInstance, GCP_KMS_KEY } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

policyCases("gcp-bigtable-encryption-at-rest", [
    passes(bigtableInstance()),
    passes(bigtableInstance({ clusters: [{ clusterId: "c", kmsKeyName: unknown }] })),
    violates(bigtableInstance({ clusters: [{ clusterId: "c1", kmsKeyName: GCP_KMS_KEY }, { clusterId: "c2" }] }), { code: "notSet", field: "clusters[1].kmsKeyName" }),
    violates(bigtableInstance({ clusters: [{ clusterId: "c1", kmsKeyName: "" }] }), { code: "notSet", field: "clusters[0].kmsKeyName" }),
    violates(bigtableInstance({ clusters: undefined }), { code: "notSet", field: "clusters" }),
    violates(bigtableInstance({ clusters: "c1" }), { code: "wrongType", field: "clusters" }),
    undecided(bigtableInstance({ clusters: unknown }), "clusters"),
    passes(bigtableInstance({ clusters: [{ clusterId: "c2" }] }), { allowGoogleManagedKeys: true }),
    garbage(bigtableInstance({ clusters: [{ kmsKeyName: { SECRET: secret("SECRET") } }, null] })),
    remediates(bigtableInstance({ clusters: [{ clusterId: "c2" }] }), "nothing"),
]);
