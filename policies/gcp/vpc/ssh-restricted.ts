import { defineResourcePolicy } from "../../lib/policy";
import { pass } from "../../lib/outcome";
import { firewallTypes, noFirewallRemediation, worldPortOutcomes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-vpc-ssh-restricted",
    description: "No VPC firewall rule or firewall policy rule admits SSH (TCP port 22) from any address (0.0.0.0/0 or ::/0).",
    severity: "critical",
    types: firewallTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1", "01.l"],
    tags: ["gcp", "vpc", "firewall", "network"],
    anchors: { gcp: ["gcp-vpc-firewall-01"], checkov: ["CKV_GCP_2"] },
    remediation:
        "Admit SSH only from the ranges that need it: on a `gcp.compute.Firewall`, set `sourceRanges` to them (for example Identity-Aware Proxy's `35.235.240.0/20` for IAP TCP forwarding) " +
        "or use `sourceTags` / `sourceServiceAccounts`; on a firewall policy rule, narrow `match.srcIpRanges`. " +
        "A rule whose `allows[]` / `match.layer4Configs[]` give no `ports` opens every port, 22 included; protocol `all` does too. Disabled rules, egress rules and `deny` / `goto_next` rules open nothing.",
    check: r => {
        const outcomes = worldPortOutcomes(r.type, r.props, { port: 22, protocols: ["tcp"], service: "SSH", fix: "or remove port 22 from it (use IAP TCP forwarding or OS Login through a bastion)" });
        return outcomes.length > 0 ? outcomes : pass;
    },
    noAutoRemediation: noFirewallRemediation,
});
