import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-client-certificate";
const path = "masterAuth.clientCertificateConfig.issueClientCertificate";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeCluster({ masterAuth: { clientCertificateConfig: { issueClientCertificate: false } } })),
    violates(gkeCluster({ masterAuth: { clientCertificateConfig: { issueClientCertificate: true } } }), { code: "notAllowed", field: path }),
    undecided(gkeCluster({ masterAuth: unknown }), path),
    undecided(gkeCluster({ masterAuth: { clientCertificateConfig: { issueClientCertificate: unknown } } }), path),
    violates(gkeCluster({ masterAuth: { clientCertificateConfig: "yes" } }), { code: "wrongType", field: path }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ masterAuth: [{ clientCertificate: "", clientCertificateConfig: [{ issueClientCertificate: true }], clientKey: secret("k-SECRET"), clusterCaCertificate: "" }] }), { code: "notAllowed", field: path }),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ masterAuth: { clientCertificateConfig: { issueClientCertificate: true } } })),
]);
