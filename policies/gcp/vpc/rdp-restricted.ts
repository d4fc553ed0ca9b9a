import { defineResourcePolicy } from "../../lib/policy";
import { pass } from "../../lib/outcome";
import { firewallTypes, noFirewallRemediation, worldPortOutcomes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-vpc-rdp-restricted",
    description: "No VPC firewall rule or firewall policy rule admits RDP (TCP and UDP port 3389) from any address (0.0.0.0/0 or ::/0).",
    severity: "critical",
    types: firewallTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1", "01.l"],
    tags: ["gcp", "vpc", "firewall", "network"],
    anchors: { gcp: ["gcp-vpc-firewall-02"], checkov: ["CKV_GCP_3"] },
    remediation:
        "Admit RDP only from the ranges that need it: on a `gcp.compute.Firewall`, set `sourceRanges` to them (for example Identity-Aware Proxy's `35.235.240.0/20` for IAP TCP forwarding) " +
        "or use `sourceTags` / `sourceServiceAccounts`; on a firewall policy rule, narrow `match.srcIpRanges`. " +
        "A rule whose `allows[]` / `match.layer4Configs[]` give no `ports` opens every port, 3389 included; protocol `all` does too. Disabled rules, egress rules and `deny` / `goto_next` rules open nothing.",
    check: r => {
        const outcomes = worldPortOutcomes(r.type, r.props, { port: 3389, protocols: ["tcp", "udp"], service: "RDP", fix: "or remove port 3389 from it (use IAP TCP forwarding or a bastion)" });
        return outcomes.length > 0 ? outcomes : pass;
    },
    noAutoRemediation: noFirewallRemediation,
});
