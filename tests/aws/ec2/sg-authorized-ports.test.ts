import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { ingressRule, ingressRuleOutputs, securityGroup, securityGroupOutputs, securityGroupRule, securityGroupRuleOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const open = (fromPort: number, toPort = fromPort, protocol = "tcp") => ingressRule({ ipProtocol: protocol, fromPort, toPort, cidrIpv4: "0.0.0.0/0" });

policyCases("aws-ec2-sg-authorized-ports", [
    passes(securityGroup()),
    passes(securityGroupRule()),
    passes(ingressRule()),
    passes(securityGroupOutputs()),
    passes(securityGroupRuleOutputs()),
    passes(ingressRuleOutputs()),
    // HTTPS is authorized by default, from anywhere.
    passes(open(443)),
    passes(securityGroup({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] })),
    // Egress to the world is not ingress.
    passes(securityGroup({ egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })),
    violates(open(80), { code: "worldOpen", field: "cidrIpv4" }),
    violates(open(442, 443), { code: "worldOpen" }),
    violates(open(443, 443, "udp"), { code: "worldOpen" }),
    violates(open(-1, -1, "icmp"), { code: "worldOpen" }),
    violates(ingressRule({ ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: "0.0.0.0/0" }), { code: "worldOpen" }),
    violates(securityGroupRule({ fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }), { code: "worldOpen", field: "cidrBlocks" }),
    violates(securityGroup({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { protocol: "tcp", fromPort: 80, toPort: 80, ipv6CidrBlocks: ["::/0"] }] }), {
        code: "worldOpen", field: "ingress[1].ipv6CidrBlocks",
    }),
    // Knobs: ranges, adjoining ranges, UDP.
    passes(open(80), { authorizedTcpPorts: ["80", "443"] }),
    passes(open(1020, 1030), { authorizedTcpPorts: ["1020-1025", "1026-1030"] }),
    violates(open(1020, 1031), { code: "worldOpen" }, { authorizedTcpPorts: ["1020-1025", "1026-1030"] }),
    passes(open(500, 500, "udp"), { authorizedUdpPorts: ["500"] }),
    violates(open(443), { code: "worldOpen" }, { authorizedTcpPorts: [] }),
    misconfigured(open(443), { authorizedTcpPorts: ["443-80"] }, "authorizedTcpPorts"),
    misconfigured(open(443), { authorizedUdpPorts: [500] }, "authorizedUdpPorts"),
    undecided(ingressRule({ fromPort: 80, toPort: 80, cidrIpv4: unknown }), "cidrIpv4"),
    undecided(ingressRule({ toPort: unknown, cidrIpv4: "0.0.0.0/0" }), "toPort"),
    undecided(securityGroup({ ingress: [unknown] }), "ingress[0]"),
    notApplicable(securityGroupRule({ type: "egress", cidrBlocks: ["0.0.0.0/0"] }), /egress rule/),
    garbage(securityGroup({ ingress: [{ protocol: ["SECRET"], cidrBlocks: ["0.0.0.0/0"], fromPort: null, toPort: { a: 1 } }] })),
    noAutoRemediation(open(80)),
]);
