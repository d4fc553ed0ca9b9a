import { attributeRule } from "../../lib/attribute-rule";
import { mustBeFalse } from "../../lib/rules";
import { canIpForward, vmTypes } from "./facts";

export default attributeRule({
    name: "gcp-compute-ip-forwarding",
    description: "Compute Engine VMs do not forward packets for other addresses (canIpForward is off).",
    severity: "medium",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "compute", "network"],
    anchors: { gcp: ["gcp-compute-08"], checkov: ["CKV_GCP_36"] },
    remediation:
        "Remove `canIpForward` or set it to `false` on the `gcp.compute.Instance` or instance template (the default is false). " +
        "Route traffic with VPC routes, Cloud NAT or a load balancer; a VM that must route (a network appliance) needs a documented policy exception.",
    requires: [mustBeFalse(canIpForward, { fix: "remove canIpForward or set canIpForward: false" })],
    noAutoRemediation: "a VM that forwards packets is usually a router or NAT appliance by design; a person decides how to replace it",
});
