import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-master-authorized-networks";
const block = "masterAuthorizedNetworksConfig";

policyCases(policy, [
    passes(gkeCluster()),
    passes(gkeCluster({ [block]: {} })),
    passes(gkeCluster({ [block]: { cidrBlocks: [] } })),
    violates(gkeCluster({ [block]: undefined }), { code: "notSet", field: block }),
    // No public endpoint: nothing to guard from the internet.
    passes(gkeCluster({ [block]: undefined, privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true } })),
    passes(gkeCluster({ [block]: undefined, controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: false } } })),
    violates(gkeCluster({ [block]: undefined, privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false } }), { code: "notSet", field: block }),
    undecided(gkeCluster({ [block]: undefined, privateClusterConfig: { enablePrivateEndpoint: unknown } }), "privateClusterConfig.enablePrivateEndpoint"),
    violates(gkeCluster({ [block]: { cidrBlocks: [{ cidrBlock: "10.0.0.0/8" }, { cidrBlock: "0.0.0.0/0" }] } }), { code: "openToWorld", field: `${block}.cidrBlocks[1].cidrBlock` }),
    violates(gkeCluster({ [block]: { cidrBlocks: [{ cidrBlock: " ::/0" }] } }), { code: "openToWorld", field: `${block}.cidrBlocks[0].cidrBlock` }),
    undecided(gkeCluster({ [block]: unknown }), block),
    undecided(gkeCluster({ [block]: { cidrBlocks: unknown } }), `${block}.cidrBlocks`),
    undecided(gkeCluster({ [block]: { cidrBlocks: [unknown, { cidrBlock: "10.0.0.0/8" }] } }), `${block}.cidrBlocks[0]`),
    undecided(gkeCluster({ [block]: { cidrBlocks: [{ cidrBlock: unknown }] } }), `${block}.cidrBlocks[0].cidrBlock`),
    violates(gkeCluster({ [block]: { cidrBlocks: "0.0.0.0/0" } }), { code: "wrongType", field: `${block}.cidrBlocks` }),
    violates(gkeCluster({ [block]: { cidrBlocks: [{ cidrBlock: 0 }] } }), { code: "wrongType", field: `${block}.cidrBlocks[0].cidrBlock` }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ [block]: [] }), { code: "notSet", field: block }),
    violates(gkeClusterOutputs({ [block]: [{ cidrBlocks: [{ cidrBlock: "0.0.0.0/0", displayName: "" }], gcpPublicCidrsAccessEnabled: false }] }), { code: "openToWorld", field: `${block}.cidrBlocks[0].cidrBlock` }),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ [block]: undefined })),
]);
