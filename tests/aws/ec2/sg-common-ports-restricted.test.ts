import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { ingressRule, ingressRuleOutputs, securityGroup, securityGroupOutputs, securityGroupRule } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const open = (fromPort: number, toPort = fromPort, protocol = "tcp") => ingressRule({ ipProtocol: protocol, fromPort, toPort, cidrIpv4: "0.0.0.0/0" });

policyCases("aws-ec2-sg-common-ports-restricted", [
    passes(securityGroup()),
    passes(securityGroupRule()),
    passes(ingressRule()),
    passes(ingressRuleOutputs()),
    passes(securityGroupOutputs()),
    passes(open(443)),
    // SSH is aws-ec2-sg-ssh-restricted's.
    passes(open(22)),
    passes(open(3389, 3389, "udp")),
    violates(open(3389), { code: "worldOpen", field: "cidrIpv4" }),
    violates(open(3306), { code: "worldOpen", field: "cidrIpv4" }),
    violates(open(4333), { code: "worldOpen" }),
    violates(open(20, 21), { code: "worldOpen" }),
    violates(open(0, 65535), { code: "worldOpen" }),
    violates(ingressRule({ ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: undefined, cidrIpv6: "::/0" }), { code: "worldOpen", field: "cidrIpv6" }),
    violates(securityGroup({ ingress: [{ protocol: "tcp", fromPort: 3300, toPort: 3400, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] }] }), { code: "worldOpen", field: "ingress[0].cidrBlocks" }),
    violates(securityGroupRule({ fromPort: 21, toPort: 21, ipv6CidrBlocks: ["::/0"] }), { code: "worldOpen", field: "ipv6CidrBlocks" }),
    // The knob replaces the list.
    passes(open(3389), { blockedPorts: [5432] }),
    violates(open(5432), { code: "worldOpen" }, { blockedPorts: [5432] }),
    passes(open(5432)),
    misconfigured(open(3389), { blockedPorts: [70000] }, "blockedPorts"),
    misconfigured(open(3389), { blockedPorts: "3389" }, "blockedPorts"),
    undecided(ingressRule({ fromPort: 3389, toPort: 3389, cidrIpv4: unknown }), "cidrIpv4"),
    undecided(ingressRule({ fromPort: unknown, cidrIpv4: "0.0.0.0/0" }), "fromPort"),
    notApplicable(securityGroupRule({ type: "egress", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }), /egress rule/),
    garbage(ingressRule({ fromPort: { SECRET: 1 }, toPort: "SECRET", cidrIpv4: ["0.0.0.0/0"] })),
    noAutoRemediation(open(3389)),
]);
