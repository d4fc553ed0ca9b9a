import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { firewall, firewallOutputs, firewallPolicyRule, firewalls, networkFirewallPolicyRuleOutputs, policyRules, webFirewall, withRulesPolicies } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-vpc-ssh-restricted";
const world = ["0.0.0.0/0"];
const openRule = (layer4Configs: unknown, match: Record<string, unknown> = {}) => ({ action: "allow", direction: "INGRESS", priority: 1, match: { srcIpRanges: world, layer4Configs, ...match } });

policyCases(policy, [
    ...firewalls().map(r => passes(r)),
    passes(webFirewall()),
    passes(firewallOutputs()),
    passes(networkFirewallPolicyRuleOutputs()),
    ...withRulesPolicies([openRule([{ ipProtocol: "tcp", ports: ["443"] }])]).map(r => passes(r)),
    // Port 22 from anywhere: listed, in a range, every port (no ports), protocol all or its number, IPv6.
    violates(firewall({ sourceRanges: world }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewall({ sourceRanges: ["::/0"], allows: [{ protocol: "TCP", ports: ["20-25"] }] }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewall({ sourceRanges: ["10.0.0.0/8", "0.0.0.0/0"], allows: [{ protocol: "udp" }, { protocol: "tcp" }] }), { code: "openToWorld", field: "allows[1]" }),
    violates(firewall({ sourceRanges: world, allows: [{ protocol: "all" }] }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewall({ sourceRanges: world, allows: [{ protocol: "6", ports: ["22"] }] }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: [] }] }), { code: "openToWorld", field: "allows[0]" }),
    // An ingress rule with no source at all applies to 0.0.0.0/0; direction defaults to INGRESS.
    violates(firewall({ sourceRanges: undefined, direction: undefined }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewallOutputs({ sourceRanges: world }), { code: "openToWorld", field: "allows[0]" }),
    // Firewall policy rules, standalone and inline.
    ...policyRules({ match: { srcIpRanges: world, layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] } }).map(r => violates(r, { code: "openToWorld", field: "match.layer4Configs[0]" })),
    violates(firewallPolicyRule({ action: "apply_security_profile_group", match: { srcIpRanges: ["::/0"], layer4Configs: [{ ipProtocol: "all" }] } }), { code: "openToWorld", field: "match.layer4Configs[0]" }),
    violates(firewallPolicyRule({ match: { srcNetworkScope: "INTERNET", layer4Configs: [{ ipProtocol: "tcp" }] } }), { code: "openToWorld", field: "match.layer4Configs[0]" }),
    violates(networkFirewallPolicyRuleOutputs({ match: { ...(networkFirewallPolicyRuleOutputs().props.match as object), srcIpRanges: world } }), { code: "openToWorld", field: "match.layer4Configs[0]" }),
    ...withRulesPolicies([openRule([{ ipProtocol: "tcp", ports: ["443"] }]), openRule([{ ipProtocol: "tcp", ports: ["22"] }])]).map(r => violates(r, { code: "openToWorld", field: "rules[1].match.layer4Configs[0]" })),
    // What opens nothing to the world: narrow sources, tags, service accounts, egress, disabled, deny and goto_next.
    passes(firewall({ sourceRanges: undefined, sourceTags: ["bastion"] })),
    passes(firewall({ sourceRanges: [], sourceServiceAccounts: [unknown] })),
    passes(firewall({ sourceRanges: ["10.0.0.0/8"] })),
    notApplicable(firewall({ sourceRanges: world, direction: "EGRESS" }), /egress/),
    notApplicable(firewall({ sourceRanges: world, disabled: true }), /disabled/),
    passes(firewall({ sourceRanges: world, allows: undefined, denies: [{ protocol: "tcp", ports: ["22"] }] })),
    ...["deny", "goto_next"].map(action => notApplicable(firewallPolicyRule({ action, match: { srcIpRanges: world, layer4Configs: [{ ipProtocol: "tcp" }] } }), /action is not allow/)),
    passes(firewallPolicyRule({ match: { srcRegionCodes: ["US"], layer4Configs: [{ ipProtocol: "tcp" }] } })),
    passes(firewall({ sourceRanges: world, allows: [{ protocol: "udp", ports: ["22"] }, { protocol: "icmp" }] })),
    // Unknown at preview.
    undecided(firewall({ sourceRanges: unknown }), "sourceRanges"),
    undecided(firewall({ sourceRanges: ["10.0.0.0/8", unknown] }), "sourceRanges[1]"),
    undecided(firewall({ sourceRanges: world, allows: unknown }), "allows"),
    undecided(firewall({ sourceRanges: world, allows: [{ protocol: unknown }] }), "allows[0].protocol"),
    undecided(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: ["443", unknown] }] }), "allows[0].ports[1]"),
    undecided(firewall({ sourceRanges: world, disabled: unknown }), "disabled"),
    undecided(firewall({ sourceRanges: world, direction: unknown }), "direction"),
    undecided(firewallPolicyRule({ action: unknown }), "action"),
    undecided(firewallPolicyRule({ match: unknown }), "match"),
    // Wrong types and unreadable ports are clean findings.
    violates(firewall({ sourceRanges: "0.0.0.0/0" }), { code: "wrongType", field: "sourceRanges" }),
    violates(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: ["ssh"] }] }), { code: "unrecognised", field: "allows[0].ports[0]" }),
    violates(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: [{}] }] }), { code: "wrongType", field: "allows[0].ports[0]" }),
    passes(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: [443] }] })),
    ...[{ sourceRanges: 7, allows: "tcp" }, { disabled: "no", direction: 3 }, { allows: [null, 5, { protocol: 6 }] }, { match: "x", rules: {} }, { sourceRanges: [secret("0.0.0.0/0")] }].flatMap(props =>
        [...firewalls(props), ...withRulesPolicies([props])].map(r => garbage(r)),
    ),
    noAutoRemediation(firewall({ sourceRanges: world })),
]);
