// What the pack knows about Cloud DNS zones and server policies, shared by its policies.

import { booleanAttribute, gcpTypes, serviceFact, stringAttribute } from "../../lib/facts";

export const managedZone = "gcp:dns/managedZone:ManagedZone";
export const dnsPolicy = "gcp:dns/policy:Policy";
export { network } from "../vpc/facts";

const zoneSource = gcpTypes("dns/managedZone");

export const visibility = stringAttribute({ types: [managedZone], field: "visibility", default: "public", values: ["public", "private"], source: zoneSource });
export const dnssecState = stringAttribute({
    types: [managedZone],
    block: "dnssecConfig",
    field: "state",
    default: "off",
    values: ["off", "on", "transfer"],
    source: `${zoneSource}; https://cloud.google.com/dns/docs/reference/rest/v1/managedZones (dnssecConfig.state: off unless set)`,
});
export const keyAlgorithms = ["ecdsap256sha256", "ecdsap384sha384", "rsasha1", "rsasha256", "rsasha512"];
serviceFact({
    about: "gcp.dns.ManagedZone dnssecConfig.defaultKeySpecs",
    says: "when omitted, Cloud DNS signs with RSASHA256 keys; RSASHA1 is the algorithm CIS rules out",
    source: `${zoneSource}; https://cloud.google.com/dns/docs/dnssec-advanced#advanced-signing-options`,
});

export const enableLogging = booleanAttribute({ types: [dnsPolicy], field: "enableLogging", default: false, source: gcpTypes("dns/policy") });
serviceFact({
    about: "gcp.dns.Policy networks[].networkUrl",
    says: "the network's self link (or its id, projects/P/global/networks/N); a network is bound to at most one server policy",
    source: `${gcpTypes("dns/policy")}; https://cloud.google.com/dns/docs/policies`,
});
