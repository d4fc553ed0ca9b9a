import { serviceFact } from "../../lib/facts";
import { within } from "../../lib/net";
import { notApplicable, Outcome, pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { describeOpening, ingressTypes, isEgressRule, openingOutcome, portRangesKnob, worldIngress } from "./facts";

serviceFact({
    about: "AWS Config vpc-sg-open-only-to-authorized-ports authorizedTcpPorts, authorizedUdpPorts",
    says: "optional in the rule; the Operational Best Practices for HIPAA Security conformance pack template sets authorizedTcpPorts 443 and no UDP ports",
    source: "AWS Config Developer Guide: vpc-sg-open-only-to-authorized-ports; awslabs/aws-config-rules Operational-Best-Practices-for-HIPAA-Security.yaml",
});

export default defineResourcePolicy({
    name: "aws-ec2-sg-authorized-ports",
    description: "Security-group ingress open to the whole internet (0.0.0.0/0 or ::/0) is TCP or UDP on authorized ports only (TCP 443 by default).",
    severity: "high",
    types: ingressTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1", "01.v"],
    tags: ["aws", "ec2", "vpc", "network", "security-group", "public-access"],
    anchors: { awsConfig: ["vpc-sg-open-only-to-authorized-ports"], checkov: ["CKV_AWS_277"] },
    remediation:
        "Open to `0.0.0.0/0` / `::/0` only what the public must reach (HTTPS on a load balancer): narrow the rule's protocol and `fromPort`..`toPort`, " +
        "or its sources (`cidrBlocks`, `cidrIpv4`, `referencedSecurityGroupId`). Authorize other world-open ports with the knobs `authorizedTcpPorts` / `authorizedUdpPorts`.",
    knobs: {
        // The HIPAA conformance pack template sets authorizedTcpPorts to 443 and no UDP ports.
        authorizedTcpPorts: portRangesKnob({ default: ["443"], maxItems: 64, description: 'TCP ports or ranges ("443", "1020-1025") that may be open to 0.0.0.0/0 or ::/0 (AWS Config HIPAA conformance pack: 443).' }),
        authorizedUdpPorts: portRangesKnob({ default: [], maxItems: 64, description: 'UDP ports or ranges ("500", "1020-1025") that may be open to 0.0.0.0/0 or ::/0 (none by default).' }),
    },
    noAutoRemediation: "which ports the public must reach is a decision only a person can make",
    check: (r, config): Outcome | Outcome[] => {
        if (isEgressRule(r)) return notApplicable("an egress rule admits no inbound traffic");
        const { openings, problems } = worldIngress(r);
        const outcomes = [...problems];
        for (const o of openings) {
            const authorized = o.protocol === "tcp" ? config.authorizedTcpPorts : o.protocol === "udp" ? config.authorizedUdpPorts : [];
            if ((o.protocol === "tcp" || o.protocol === "udp") && within(o.ports, authorized)) continue;
            outcomes.push(openingOutcome(o, describeOpening(o), "open to a /0 range only authorized TCP or UDP ports, or admit known ranges or security groups instead"));
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
});
