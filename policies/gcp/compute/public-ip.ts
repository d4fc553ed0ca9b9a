import { isOutcome, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { elementsOf, valueOf } from "../../lib/rules";
import { inherited, vmTypes } from "./facts";

const externalAddresses = [["accessConfigs", "IPv4"], ["ipv6AccessConfigs", "IPv6"]] as const;

export default defineResourcePolicy({
    name: "gcp-compute-public-ip",
    description: "Compute Engine VMs have no external IPv4 or IPv6 address.",
    severity: "high",
    types: vmTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "compute", "network", "access-control"],
    anchors: { gcp: ["gcp-compute-03"], checkov: ["CKV_GCP_40"] },
    remediation:
        "Remove every `accessConfigs` and `ipv6AccessConfigs` entry from `networkInterfaces` on the `gcp.compute.Instance` or instance template. " +
        "Reach the VM through Identity-Aware Proxy TCP forwarding or a load balancer, and give it outbound access with Cloud NAT " +
        "(`gcp.compute.RouterNat`). Enforce with `constraints/compute.vmExternalIpAccess`.",
    check: r => {
        const fromSource = inherited(r, "networkInterfaces");
        if (fromSource) return fromSource;
        const { elements, outcomes } = elementsOf(r.props, { field: "networkInterfaces", fix: "set networkInterfaces to a list of interface blocks" });
        for (const nic of elements) {
            for (const [field, family] of externalAddresses) {
                const path = `${nic.path}.${field}`;
                const fix = `remove ${path}`;
                const entries = valueOf(nic.props.list(field), { path, expected: "a list", fix, absent: [] as unknown[] });
                if (isOutcome(entries)) outcomes.push(entries);
                // Any entry, even an empty block or one unknown at preview, assigns an external address.
                else if (entries.some(entry => entry !== null && entry !== undefined)) {
                    outcomes.push(violation({ code: "externalAddress", field: path, problem: `${path} gives the VM an external ${family} address`, fix }));
                }
            }
        }
        return outcomes;
    },
    noAutoRemediation: "removing the external address cuts the VM's internet access until a person sets up IAP, a load balancer or Cloud NAT",
});
