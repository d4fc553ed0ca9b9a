import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-secrets-encryption";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeAutopilot()),
    passes(gkeCluster({ databaseEncryption: { state: "ENCRYPTED", keyName: unknown } })),
    violates(gkeCluster({ databaseEncryption: undefined }), { code: "absentDefault", field: "databaseEncryption.state" }),
    violates(gkeCluster({ databaseEncryption: { state: "DECRYPTED" } }), { code: "notAllowed", field: "databaseEncryption.state" }),
    violates(gkeCluster({ databaseEncryption: { state: "ENCRYPTED" } }), { code: "notSet", field: "databaseEncryption.keyName" }),
    violates(gkeCluster({ databaseEncryption: { state: "SCRAMBLED", keyName: "k" } }), { code: "unrecognised", field: "databaseEncryption.state" }),
    undecided(gkeCluster({ databaseEncryption: unknown }), "databaseEncryption"),
    undecided(gkeCluster({ databaseEncryption: { state: unknown, keyName: "k" } }), "databaseEncryption.state"),
    violates(gkeCluster({ databaseEncryption: { state: "ENCRYPTED", keyName: 3 } }), { code: "wrongType", field: "databaseEncryption.keyName" }),
    violates(gkeCluster({ databaseEncryption: "ENCRYPTED" }), { code: "wrongType", field: "databaseEncryption" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ databaseEncryption: [{ keyName: "", state: "DECRYPTED" }] }), { code: "notAllowed", field: "databaseEncryption.state" }),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ databaseEncryption: undefined })),
]);
