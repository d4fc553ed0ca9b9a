import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { firewall, firewallOutputs, firewalls, policyRules, webFirewall, withRulesPolicies } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-vpc-rdp-restricted";
const world = ["0.0.0.0/0"];

policyCases(policy, [
    ...firewalls().map(r => passes(r)),
    passes(webFirewall()),
    passes(firewallOutputs()),
    // SSH from anywhere is the SSH policy's finding, not this one's.
    passes(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: ["22"] }] })),
    // RDP over TCP or UDP, by port, range, every port or protocol all.
    violates(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: ["3389"] }] }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewall({ sourceRanges: ["::/0"], allows: [{ protocol: "udp", ports: ["3000-4000"] }] }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewall({ sourceRanges: world, allows: [{ protocol: "all" }] }), { code: "openToWorld", field: "allows[0]" }),
    violates(firewall({ sourceRanges: undefined, allows: [{ protocol: "17" }] }), { code: "openToWorld", field: "allows[0]" }),
    ...policyRules({ match: { srcIpRanges: world, layer4Configs: [{ ipProtocol: "tcp", ports: ["3389"] }] } }).map(r => violates(r, { code: "openToWorld", field: "match.layer4Configs[0]" })),
    ...withRulesPolicies([{ action: "allow", priority: 1, match: { srcIpRanges: world, layer4Configs: [{ ipProtocol: "udp" }] } }]).map(r => violates(r, { code: "openToWorld", field: "rules[0].match.layer4Configs[0]" })),
    passes(firewall({ sourceRanges: world, allows: [{ protocol: "sctp", ports: ["3389"] }] })),
    notApplicable(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: ["3389"] }], disabled: true }), /disabled/),
    undecided(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: [unknown] }] }), "allows[0].ports[0]"),
    ...[{ sourceRanges: 7 }, { allows: [{ protocol: [] }] }].flatMap(props => firewalls(props).map(r => garbage(r))),
    noAutoRemediation(firewall({ sourceRanges: world, allows: [{ protocol: "tcp", ports: ["3389"] }] })),
]);
