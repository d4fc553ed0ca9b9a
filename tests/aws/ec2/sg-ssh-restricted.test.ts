import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { ingressRule, ingressRuleOutputs, securityGroup, securityGroupOutputs, securityGroupRule, securityGroupRuleOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const world = (changes: Record<string, unknown>) => [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], ...changes }];

policyCases("aws-ec2-sg-ssh-restricted", [
    passes(securityGroup()),
    passes(securityGroup({ ingress: undefined })),
    passes(securityGroup({ ingress: [] })),
    passes(securityGroupRule()),
    passes(ingressRule()),
    // SSH from a known range, and world-open HTTPS, are not this policy's finding.
    passes(securityGroup({ ingress: world({ cidrBlocks: ["10.0.0.0/8"] }) })),
    passes(ingressRule({ fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })),
    passes(securityGroup({ ingress: world({ protocol: "udp" }) })),
    passes(securityGroup({ ingress: world({ protocol: "icmp", fromPort: -1, toPort: -1 }) })),
    // Sources the policy cannot see are not the internet.
    passes(securityGroup({ ingress: world({ cidrBlocks: [], prefixListIds: ["pl-0a"] }) })),
    passes(securityGroup({ ingress: world({ cidrBlocks: undefined, securityGroups: [unknown] }) })),
    violates(securityGroup({ ingress: world({}) }), { code: "worldOpen", field: "ingress[0].cidrBlocks" }),
    violates(securityGroup({ ingress: world({ cidrBlocks: [], ipv6CidrBlocks: ["::/0"] }) }), { code: "worldOpen", field: "ingress[0].ipv6CidrBlocks" }),
    violates(securityGroup({ ingress: world({ protocol: "6", fromPort: 0, toPort: 1024 }) }), { code: "worldOpen", field: "ingress[0].cidrBlocks" }),
    violates(securityGroup({ ingress: world({ protocol: "-1", fromPort: 0, toPort: 0 }) }), { code: "worldOpen", field: "ingress[0].cidrBlocks" }),
    violates(securityGroup({ ingress: [...world({ cidrBlocks: ["10.0.0.0/8"] }), ...world({ protocol: "ALL" })] }), { code: "worldOpen", field: "ingress[1].cidrBlocks" }),
    violates(securityGroupRule({ fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }), { code: "worldOpen", field: "cidrBlocks" }),
    violates(ingressRule({ ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: "0.0.0.0/0" }), { code: "worldOpen", field: "cidrIpv4" }),
    violates(ingressRule({ fromPort: 20, toPort: 25, cidrIpv4: undefined, cidrIpv6: "::/0" }), { code: "worldOpen", field: "cidrIpv6" }),
    violates(ingressRule({ ipProtocol: 6, fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }), { code: "worldOpen", field: "cidrIpv4" }),
    violates(securityGroup({ ingress: world({ fromPort: "22", toPort: "22" }) }), { code: "worldOpen" }),
    violates(securityGroup({ ingress: "all" }), { code: "wrongType", field: "ingress" }),
    undecided(securityGroup({ ingress: world({ cidrBlocks: [unknown] }) }), "ingress[0].cidrBlocks"),
    undecided(securityGroup({ ingress: world({ fromPort: unknown }) }), "ingress[0].fromPort"),
    undecided(securityGroup({ ingress: unknown }), "ingress"),
    undecided(securityGroupRule({ type: unknown, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }), "type"),
    undecided(ingressRule({ ipProtocol: unknown, cidrIpv4: "0.0.0.0/0" }), "ipProtocol"),
    // An unknown CIDR on a port that is not SSH cannot open SSH.
    passes(ingressRule({ cidrIpv4: unknown })),
    notApplicable(securityGroupRule({ type: "egress", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }), /egress rule/),
    passes(securityGroupOutputs()),
    passes(securityGroupRuleOutputs()),
    passes(ingressRuleOutputs()),
    violates(securityGroupOutputs({ ingress: [{ ...(securityGroupOutputs().props.ingress as object[])[0], fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }), { code: "worldOpen", field: "ingress[0].cidrBlocks" }),
    violates(ingressRuleOutputs({ fromPort: 22, toPort: 22, cidrIpv4: "", cidrIpv6: "::/0" }), { code: "worldOpen", field: "cidrIpv6" }),
    garbage(securityGroup({ ingress: [{ protocol: { SECRET: 1 }, fromPort: "x", toPort: [1], cidrBlocks: [7, secret("SECRET")] }, null, "SECRET"] })),
    garbage(ingressRule({ cidrIpv4: secret("SECRET"), ipProtocol: secret("SECRET"), fromPort: secret(22) })),
    garbage(securityGroupRule({ type: { SECRET: 1 }, cidrBlocks: "SECRET" })),
    noAutoRemediation(securityGroup({ ingress: world({}) })),
]);
