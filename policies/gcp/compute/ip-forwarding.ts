import { defineResourcePolicy } from "../../lib/policy";
import { mustBeFalse } from "../../lib/rules";
import { canIpForward, inherited, vmTypes } from "./facts";

const requirement = mustBeFalse(canIpForward, { fix: "remove canIpForward or set canIpForward: false" });

export default defineResourcePolicy({
    name: "gcp-compute-ip-forwarding",
    description: "Compute Engine VMs do not forward packets for other addresses (canIpForward is off).",
    severity: "medium",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "compute", "network"],
    anchors: { gcp: ["gcp-compute-08"], checkov: ["CKV_GCP_36"] },
    remediation:
        "Remove `canIpForward` or set it to `false` on the `gcp.compute.Instance` or instance template (the default is false; a VM built from a " +
        "template or machine image keeps its source's value unless it sets `canIpForward: false` itself). " +
        "Route traffic with VPC routes, Cloud NAT or a load balancer; a VM that must route (a network appliance) needs a documented policy exception.",
    check: r => inherited(r, "canIpForward") ?? requirement.check(r.props, undefined),
    noAutoRemediation: "a VM that forwards packets is usually a router or NAT appliance by design; a person decides how to replace it",
});
