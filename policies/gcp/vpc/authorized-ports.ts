import { stringListKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { firstUncovered, parsePortRange, portRangePattern, PortRange } from "../../lib/net";
import { firewallTypes, noFirewallRemediation, worldOpenings } from "./facts";

// SSH and RDP have policies of their own (gcp-vpc-ssh-restricted, gcp-vpc-rdp-restricted).
const ownPolicies: Record<string, readonly PortRange[]> = { tcp: [{ from: 22, to: 22 }, { from: 3389, to: 3389 }], udp: [{ from: 3389, to: 3389 }], sctp: [] };

const portList = (protocol: string, defaults: readonly string[]) =>
    stringListKnob({
        default: defaults,
        pattern: portRangePattern,
        maxItems: 64,
        itemWords: 'ports or port ranges ("443", "8000-8080")',
        description: `${protocol} ports (or ranges) that firewall rules may open to any address; every other port open to 0.0.0.0/0 or ::/0 is a violation.`,
    });

const knobs = { authorizedTcpPorts: portList("TCP", ["443"]), authorizedUdpPorts: portList("UDP", []) };

// Parsed once per distinct knob value, not per resource.
const parsed = new Map<string, PortRange[]>();
function ranges(list: readonly string[], own: readonly PortRange[]): PortRange[] {
    const key = `${own.map(r => `${r.from}-${r.to}`).join(",")}|${list.join(",")}`;
    const cached = parsed.get(key);
    if (cached) return cached;
    const found: PortRange[] = [...own];
    for (const p of list) {
        const range = parsePortRange(p);
        if (range) found.push(range);
    }
    parsed.set(key, found);
    return found;
}

export default defineResourcePolicy({
    name: "gcp-vpc-authorized-ports",
    description: "Firewall rules open to any address (0.0.0.0/0 or ::/0) admit only the authorized ports (by default TCP 443): no all-ports rules, no databases, FTP or plain HTTP.",
    severity: "high",
    types: firewallTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "vpc", "firewall", "network"],
    anchors: { gcp: ["gcp-vpc-firewall-03"], checkov: ["CKV2_GCP_12", "CKV_GCP_88", "CKV_GCP_75", "CKV_GCP_77", "CKV_GCP_106"] },
    knobs,
    remediation:
        "Open to the internet only what must be public (by default TCP 443): list the ports in `allows[].ports` (or `match.layer4Configs[].ports`) instead of leaving them out (which opens every port) or using protocol `all`, " +
        "and admit everything else only from known ranges (`sourceRanges`, `match.srcIpRanges`) or from tagged VMs and service accounts. " +
        "If a port must be public, add it to the policy's `authorizedTcpPorts` / `authorizedUdpPorts`. SSH and RDP are checked by gcp-vpc-ssh-restricted and gcp-vpc-rdp-restricted; ICMP and other portless protocols are not checked.",
    check: (r, config) => {
        const found = worldOpenings(r.type, r.props);
        if (isOutcome(found)) return found;
        const covered: Record<string, PortRange[]> = {
            tcp: ranges(config.authorizedTcpPorts, ownPolicies.tcp),
            udp: ranges(config.authorizedUdpPorts, ownPolicies.udp),
            sctp: [],
        };
        const outcomes: Outcome[] = [];
        for (const opening of found.openings) {
            const protocols = opening.protocol === "all" ? ["tcp", "udp"] : covered[opening.protocol] ? [opening.protocol] : [];
            for (const protocol of protocols) {
                const port = opening.ports.map(range => firstUncovered(range, covered[protocol])).find(p => p !== undefined);
                if (port === undefined) continue;
                const what = opening.protocol === "all" ? "every protocol and port" : `${protocol.toUpperCase()} port ${port}`;
                outcomes.push(
                    violation({
                        code: "unauthorizedPort",
                        field: opening.path,
                        problem: `${opening.path} admits ${what} from any address (0.0.0.0/0 or ::/0), and it is not an authorized port`,
                        fix: "list only authorized ports in its ports and admit the rest from known ranges only (or add the port to authorizedTcpPorts / authorizedUdpPorts)",
                    }),
                );
                break;
            }
        }
        outcomes.push(...found.outcomes);
        return outcomes.length > 0 ? outcomes : pass;
    },
    noAutoRemediation: noFirewallRemediation,
});
