import { covers } from "../../lib/net";
import { notApplicable, Outcome, pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { describeOpening, ingressTypes, isEgressRule, openingOutcome, worldIngress } from "./facts";

const SSH = 22;

export default defineResourcePolicy({
    name: "aws-ec2-sg-ssh-restricted",
    description: "No security group lets the whole internet (0.0.0.0/0 or ::/0) reach SSH (TCP port 22).",
    severity: "critical",
    types: ingressTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1", "01.l"],
    tags: ["aws", "ec2", "vpc", "network", "security-group", "public-access"],
    anchors: { awsConfig: ["restricted-ssh"], checkov: ["CKV_AWS_24"] },
    remediation:
        "Admit SSH only from known ranges: set the rule's `cidrBlocks` / `ipv6CidrBlocks` (`aws.ec2.SecurityGroup.ingress[]`, `aws.ec2.SecurityGroupRule`) or " +
        "`cidrIpv4` / `cidrIpv6` (`aws.vpc.SecurityGroupIngressRule`) to your VPN or bastion range, or `referencedSecurityGroupId` to the bastion's group. " +
        "Better, drop port 22 and reach instances through AWS Systems Manager Session Manager.",
    noAutoRemediation: "which addresses may reach SSH is a decision only a person can make",
    check: (r): Outcome | Outcome[] => {
        if (isEgressRule(r)) return notApplicable("an egress rule admits no inbound traffic");
        const { openings, problems } = worldIngress(r);
        const ssh = openings.filter(o => (o.protocol === "all" || o.protocol === "tcp") && covers(o.ports, SSH));
        const fix = "admit port 22 only from your VPN or bastion range (or use Session Manager and remove the rule)";
        const outcomes = [...problems, ...ssh.map(o => openingOutcome(o, o.protocol === "all" ? "all traffic, SSH included," : `${describeOpening(o)} (SSH)`, fix))];
        return outcomes.length > 0 ? outcomes : pass;
    },
});
