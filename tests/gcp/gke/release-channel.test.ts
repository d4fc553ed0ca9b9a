import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeAutopilot, gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-release-channel";

policyCases(policy, [
    passes(gkeCluster()),
    notApplicable(gkeAutopilot(), /release channel enrolment/),
    // GKE enrols a new Standard cluster in a channel when the block is left out.
    passes(gkeCluster({ releaseChannel: undefined })),
    passes(gkeCluster({ releaseChannel: { channel: "stable" } })),
    violates(gkeCluster({ releaseChannel: { channel: "UNSPECIFIED" } }), { code: "noChannel", field: "releaseChannel.channel" }),
    violates(gkeCluster({ releaseChannel: {} }), { code: "absentDefault", field: "releaseChannel.channel" }),
    violates(gkeCluster({ releaseChannel: { channel: "NIGHTLY" } }), { code: "unrecognised", field: "releaseChannel.channel" }),
    undecided(gkeCluster({ releaseChannel: unknown }), "releaseChannel"),
    undecided(gkeCluster({ releaseChannel: { channel: unknown } }), "releaseChannel.channel"),
    violates(gkeCluster({ releaseChannel: { channel: 3 } }), { code: "wrongType", field: "releaseChannel.channel" }),
    passes(gkeClusterOutputs()),
    violates(gkeClusterOutputs({ releaseChannel: [{ channel: "UNSPECIFIED" }] }), { code: "noChannel", field: "releaseChannel.channel" }),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), undefined, gkeSecrets)),
    noAutoRemediation(gkeCluster({ releaseChannel: { channel: "UNSPECIFIED" } })),
]);
