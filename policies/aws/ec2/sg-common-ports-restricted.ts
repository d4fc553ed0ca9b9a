import { cloudFact } from "../../lib/facts";
import { Knob } from "../../lib/knobs";
import { covers } from "../../lib/net";
import { notApplicable, Outcome, pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { describeOpening, ingressTypes, isEgressRule, openingOutcome, worldIngress } from "./facts";

/** AWS Config's restricted-common-ports blocks these TCP ports by default (FTP data and control, RDP, MySQL, 4333). */
const configBlockedPorts = cloudFact(
    {
        about: "AWS Config restricted-common-ports blockedPort1..blockedPort5",
        says: "default to TCP ports 20, 21, 3389, 3306, 4333 (SSH, 22, is the separate rule restricted-ssh)",
        source: "AWS Config Developer Guide: restricted-common-ports",
    },
    [20, 21, 3389, 3306, 4333] as const,
);

const blockedPortsKnob: Knob<readonly number[]> = {
    schema: {
        type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, uniqueItems: true, maxItems: 64, default: [...configBlockedPorts],
        description: "TCP ports that must never be open to 0.0.0.0/0 or ::/0 (AWS Config's defaults; SSH is aws-ec2-sg-ssh-restricted).",
    },
    default: configBlockedPorts,
    allowed: "a list of at most 64 distinct integers from 0 to 65535",
    parse: v =>
        Array.isArray(v) && v.length <= 64 && v.every(x => Number.isInteger(x) && x >= 0 && x <= 65535) && new Set(v).size === v.length ? (v as number[]) : undefined,
};

export default defineResourcePolicy({
    name: "aws-ec2-sg-common-ports-restricted",
    description: "No security group lets the whole internet (0.0.0.0/0 or ::/0) reach administration and database ports (TCP 20, 21, 3389, 3306, 4333 by default).",
    severity: "high",
    types: ingressTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1", "01.l"],
    tags: ["aws", "ec2", "vpc", "network", "security-group", "public-access"],
    anchors: { awsConfig: ["restricted-common-ports"], checkov: ["CKV_AWS_25"] },
    remediation:
        "Admit these ports only from known ranges: set the rule's `cidrBlocks` / `ipv6CidrBlocks` or `cidrIpv4` / `cidrIpv6` to your VPN or application subnets, " +
        "or `referencedSecurityGroupId` to the client's security group; put databases in private subnets behind the application tier.",
    knobs: { blockedPorts: blockedPortsKnob },
    noAutoRemediation: "which addresses may reach an administration or database port is a decision only a person can make",
    check: (r, config): Outcome | Outcome[] => {
        if (isEgressRule(r)) return notApplicable("an egress rule admits no inbound traffic");
        const { openings, problems } = worldIngress(r);
        const outcomes = [...problems];
        for (const o of openings) {
            if (o.protocol !== "all" && o.protocol !== "tcp") continue;
            const hit = config.blockedPorts.filter(p => covers(o.ports, p));
            if (hit.length === 0) continue;
            const what = o.protocol === "all" ? `all traffic, TCP port ${hit.join(", ")} included,` : `${describeOpening(o)} (blocked: ${hit.join(", ")})`;
            outcomes.push(openingOutcome(o, what, `admit TCP ${hit.join(", ")} only from known ranges or security groups, never a /0 range`));
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
});
