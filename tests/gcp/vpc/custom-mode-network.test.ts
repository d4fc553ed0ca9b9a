import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { organizationsProject, vpcNetwork, vpcNetworkOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-vpc-custom-mode-network";

policyCases(policy, [
    passes(vpcNetwork()),
    passes(vpcNetworkOutputs()),
    passes(organizationsProject()),
    // Both switches default to true: an auto-mode network, a project with the default network.
    violates(vpcNetwork({ autoCreateSubnetworks: undefined }), { code: "absentDefault", field: "autoCreateSubnetworks" }),
    violates(vpcNetwork({ autoCreateSubnetworks: true }), { code: "notAllowed", field: "autoCreateSubnetworks" }),
    violates(vpcNetworkOutputs({ autoCreateSubnetworks: true }), { code: "notAllowed", field: "autoCreateSubnetworks" }),
    violates(organizationsProject({ autoCreateNetwork: undefined }), { code: "absentDefault", field: "autoCreateNetwork" }),
    violates(organizationsProject({ autoCreateNetwork: true }), { code: "notAllowed", field: "autoCreateNetwork" }),
    undecided(vpcNetwork({ autoCreateSubnetworks: unknown }), "autoCreateSubnetworks"),
    undecided(organizationsProject({ autoCreateNetwork: unknown }), "autoCreateNetwork"),
    violates(vpcNetwork({ autoCreateSubnetworks: "false" }), { code: "wrongType", field: "autoCreateSubnetworks" }),
    garbage(vpcNetwork({ autoCreateSubnetworks: {} })),
    garbage(organizationsProject({ autoCreateNetwork: [1] })),
    noAutoRemediation(vpcNetwork({ autoCreateSubnetworks: true })),
    noAutoRemediation(organizationsProject({ autoCreateNetwork: undefined })),
]);
