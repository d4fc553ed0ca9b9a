import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { firewall, firewallOutputs, firewalls, policyRules, webFirewall, withRulesPolicies } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-vpc-authorized-ports";
const world = ["0.0.0.0/0", "::/0"];
const open = (allows: unknown) => firewall({ sourceRanges: world, allows });

policyCases(policy, [
    ...firewalls().map(r => passes(r)),
    passes(webFirewall()),
    passes(firewallOutputs()),
    // SSH and RDP belong to their own policies; ICMP and other portless protocols are not checked.
    passes(open([{ protocol: "tcp", ports: ["22", "443", "3389"] }, { protocol: "udp", ports: ["3389"] }, { protocol: "icmp" }, { protocol: "esp" }])),
    // Everything else open to the world: all ports, databases, FTP, plain HTTP, a range around 443.
    violates(open([{ protocol: "tcp" }]), { code: "unauthorizedPort", field: "allows[0]" }),
    violates(open([{ protocol: "all" }]), { code: "unauthorizedPort", field: "allows[0]" }),
    violates(open([{ protocol: "tcp", ports: ["443", "3306"] }]), { code: "unauthorizedPort", field: "allows[0]" }),
    violates(open([{ protocol: "tcp", ports: ["20-21"] }, { protocol: "tcp", ports: ["80"] }]), [
        { code: "unauthorizedPort", field: "allows[0]" },
        { code: "unauthorizedPort", field: "allows[1]" },
    ]),
    violates(open([{ protocol: "tcp", ports: ["440-450"] }]), { code: "unauthorizedPort", field: "allows[0]" }),
    violates(open([{ protocol: "udp", ports: ["53"] }]), { code: "unauthorizedPort", field: "allows[0]" }),
    violates(open([{ protocol: "sctp", ports: ["443"] }]), { code: "unauthorizedPort", field: "allows[0]" }),
    violates(firewallOutputs({ sourceRanges: ["0.0.0.0/0"], allows: [{ ports: [], protocol: "tcp" }] }), { code: "unauthorizedPort", field: "allows[0]" }),
    ...policyRules({ match: { srcIpRanges: world, layer4Configs: [{ ipProtocol: "tcp", ports: ["5432"] }] } }).map(r => violates(r, { code: "unauthorizedPort", field: "match.layer4Configs[0]" })),
    ...withRulesPolicies([{ action: "allow", priority: 1, match: { srcIpRanges: world, layer4Configs: [{ ipProtocol: "all" }] } }]).map(r => violates(r, { code: "unauthorizedPort", field: "rules[0].match.layer4Configs[0]" })),
    // Narrow sources pass whatever the ports.
    passes(firewall({ sourceRanges: ["10.0.0.0/8"], allows: [{ protocol: "all" }] })),
    notApplicable(firewall({ sourceRanges: world, allows: [{ protocol: "all" }], direction: "EGRESS" }), /egress/),
    // Knobs: more authorized ports (single and ranges), and none at all.
    passes(open([{ protocol: "tcp", ports: ["80", "443", "8000-8080"] }]), { authorizedTcpPorts: ["80", "443", "8000-8100"] }),
    passes(open([{ protocol: "udp", ports: ["443"] }]), { authorizedUdpPorts: ["443"] }),
    violates(open([{ protocol: "tcp", ports: ["443"] }]), { code: "unauthorizedPort", field: "allows[0]" }, { authorizedTcpPorts: [] }),
    passes(open([{ protocol: "all" }]), { authorizedTcpPorts: ["0-65535"], authorizedUdpPorts: ["0-65535"] }),
    misconfigured(webFirewall(), { authorizedTcpPorts: ["https"] }, "authorizedTcpPorts"),
    misconfigured(webFirewall(), { authorizedUdpPorts: "53" }, "authorizedUdpPorts"),
    undecided(open([{ protocol: "tcp", ports: ["443", unknown] }]), "allows[0].ports[1]"),
    undecided(firewall({ sourceRanges: [unknown], allows: [{ protocol: "all" }] }), "sourceRanges[0]"),
    ...[{ sourceRanges: world, allows: [{ protocol: "tcp", ports: ["99999"] }] }, { sourceRanges: world, allows: [7] }].flatMap(props => firewalls(props).map(r => garbage(r))),
    noAutoRemediation(open([{ protocol: "all" }])),
]);
