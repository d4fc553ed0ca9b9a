import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { subnetwork, subnetworkOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-vpc-private-google-access";

policyCases(policy, [
    passes(subnetwork()),
    passes(subnetworkOutputs()),
    violates(subnetwork({ privateIpGoogleAccess: undefined }), { code: "absentDefault", field: "privateIpGoogleAccess" }),
    violates(subnetwork({ privateIpGoogleAccess: false }), { code: "notAllowed", field: "privateIpGoogleAccess" }),
    violates(subnetworkOutputs({ privateIpGoogleAccess: false }), { code: "notAllowed", field: "privateIpGoogleAccess" }),
    notApplicable(subnetwork({ purpose: "REGIONAL_MANAGED_PROXY", privateIpGoogleAccess: undefined }), /reserved/),
    notApplicable(subnetworkOutputs({ purpose: "PRIVATE_SERVICE_CONNECT", privateIpGoogleAccess: false }), /reserved/),
    undecided(subnetwork({ privateIpGoogleAccess: unknown }), "privateIpGoogleAccess"),
    undecided(subnetwork({ purpose: unknown }), "purpose"),
    violates(subnetwork({ privateIpGoogleAccess: "true" }), { code: "wrongType", field: "privateIpGoogleAccess" }),
    garbage(subnetwork({ privateIpGoogleAccess: [], purpose: 3 })),
    remediates(subnetwork({ privateIpGoogleAccess: undefined }), { privateIpGoogleAccess: true }),
    remediates(subnetwork({ privateIpGoogleAccess: false }), { privateIpGoogleAccess: true }),
    remediates(subnetwork(), "nothing"),
    remediates(subnetwork({ privateIpGoogleAccess: unknown }), "nothing"),
    remediates(subnetwork({ purpose: "PRIVATE_NAT", privateIpGoogleAccess: false }), "nothing"),
]);
