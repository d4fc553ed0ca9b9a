import { defineResourcePolicy } from "../../lib/policy";
import { mustBeTrue } from "../../lib/rules";
import { privateIpGoogleAccess, reservedSubnet, subnetwork } from "./facts";

const requirement = mustBeTrue(privateIpGoogleAccess);

export default defineResourcePolicy({
    name: "gcp-vpc-private-google-access",
    description: "Subnets that host VMs have Private Google Access, so VMs without external addresses reach Google APIs without a route through the internet.",
    severity: "low",
    types: [subnetwork],
    hipaa: ["164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "vpc", "network"],
    anchors: { gcp: ["gcp-vpc-firewall-06"], checkov: ["CKV_GCP_74"] },
    remediation:
        "Set `privateIpGoogleAccess: true` on the `gcp.compute.Subnetwork` (the default is false). Proxy-only, Private Service Connect and Private NAT subnets host no VMs and are not checked.",
    check: r => reservedSubnet(r.props) ?? requirement.check(r.props, undefined),
    remediate: r => (reservedSubnet(r.props) ? {} : requirement.patch(r.props, undefined)),
});
