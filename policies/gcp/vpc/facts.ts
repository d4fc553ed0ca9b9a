// What the pack knows about VPC networks, subnets and firewalls, shared by its policies.
//
// One reading decides which ports a firewall rule opens to the whole internet: VPC firewall rules
// (`gcp.compute.Firewall`) and the rules of hierarchical, global and regional network firewall
// policies (standalone rule resources and the `rules[]` of the *WithRules resources). The SSH, RDP
// and authorized-ports policies only ask it which protocol and port ranges are open.

import { booleanAttribute, cloudFact, gcpTypes, serviceFact, stringAttribute } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { allPorts, covers, isWorldCidr, parsePortRange, PortRange } from "../../lib/net";
import { classify, isUnknown, Props } from "../../lib/props";
import { elementsOf, lowerString, unsetWhenEmpty, valueOf, wrongType } from "../../lib/rules";

export const firewall = "gcp:compute/firewall:Firewall";
export const firewallPolicyRule = "gcp:compute/firewallPolicyRule:FirewallPolicyRule";
export const networkFirewallPolicyRule = "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule";
export const regionNetworkFirewallPolicyRule = "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule";
export const firewallPolicyWithRules = "gcp:compute/firewallPolicyWithRules:FirewallPolicyWithRules";
export const networkFirewallPolicyWithRules = "gcp:compute/networkFirewallPolicyWithRules:NetworkFirewallPolicyWithRules";
export const regionNetworkFirewallPolicyWithRules = "gcp:compute/regionNetworkFirewallPolicyWithRules:RegionNetworkFirewallPolicyWithRules";
export const subnetwork = "gcp:compute/subnetwork:Subnetwork";
export const network = "gcp:compute/network:Network";
export const project = "gcp:organizations/project:Project";

/** Firewall-policy rules, one per resource. */
export const policyRuleTypes = [firewallPolicyRule, networkFirewallPolicyRule, regionNetworkFirewallPolicyRule];
/** Firewall policies that hold their rules inline (`rules[]`). */
export const withRulesTypes = [firewallPolicyWithRules, networkFirewallPolicyWithRules, regionNetworkFirewallPolicyWithRules];
export const firewallTypes = [firewall, ...policyRuleTypes, ...withRulesTypes];

const firewallSource = gcpTypes("compute/firewall");
const policyRuleSource = `${gcpTypes("compute/networkFirewallPolicyRule")}, ${gcpTypes("compute/firewallPolicyRule")}, ${gcpTypes("compute/regionNetworkFirewallPolicyRule")}`;

serviceFact({ about: "gcp.compute.Firewall direction", says: "defaults to INGRESS", source: firewallSource });
serviceFact({
    about: "gcp.compute.Firewall sources",
    says: "an ingress rule with no sourceRanges, sourceTags or sourceServiceAccounts applies to 0.0.0.0/0; sourceTags and sourceServiceAccounts match VMs, never internet addresses",
    source: `${firewallSource}; https://cloud.google.com/firewall/docs/firewalls (sources for ingress rules); hashicorp/terraform-provider-google issue 6789`,
});
serviceFact({ about: "gcp.compute.Firewall allows[].ports", says: "absent or empty means every port; entries are a port or a range such as \"20-22\"; protocol may be a name, an IP protocol number or all", source: firewallSource });
serviceFact({
    about: "firewall policy rules action",
    says: "allow and apply_security_profile_group admit traffic; deny blocks it; goto_next admits nothing itself (the next policy or the VPC firewall rules decide)",
    source: `${policyRuleSource}; https://cloud.google.com/firewall/docs/firewall-policies-overview`,
});

// --- Port arithmetic ----------------------------------------------------------------------------------

/** An inclusive port range. */
// --- Which ports a rule opens to the world ------------------------------------------------------------

/** One protocol entry of a rule that admits traffic from anywhere: its protocol and its ports. */
export interface Opening {
    readonly path: string;
    /** tcp, udp, sctp, all, or another protocol (lower-cased; IP protocol numbers 6, 17, 132 named). */
    readonly protocol: string;
    readonly ports: readonly PortRange[];
}

const protocolNumbers: Record<string, string> = { "6": "tcp", "17": "udp", "132": "sctp" };
const portProtocols = new Set(["tcp", "udp", "sctp", "all"]);

/** `o.field` of `block` as a list of strings: the world is in it (true), not (false), or the outcome that stops the check. */
function listHasWorld(block: Props, path: string, field: string): boolean | "empty" | Outcome {
    const list = valueOf(block.list(field), { path: `${path}${field}`, expected: "a list of CIDR ranges", fix: `set ${path}${field} to a list of CIDR ranges`, absent: [] as unknown[] });
    if (isOutcome(list)) return list;
    let pending: Outcome | undefined;
    for (const [i, item] of list.entries()) {
        if (isUnknown(item)) pending ??= undecided(`${path}${field}[${i}]`);
        else if (typeof item === "string" && isWorldCidr(item)) return true;
    }
    return pending ?? (list.length === 0 ? "empty" : false);
}

/** Whether a list field names anything (a non-empty list, or one unknown at preview). */
function namesAny(block: Props, field: string): boolean {
    const read = block.list(field);
    return read.state === "unknown" || (read.state === "known" && read.value.length > 0);
}

/** The protocol entries of `field` (allows / layer4Configs) with their ports. */
function entries(block: Props, o: { prefix: string; field: string; protocolField: string }): { openings: Opening[]; outcomes: Outcome[] } {
    const fix = `set ${o.prefix}${o.field} to a list of protocol blocks`;
    const { elements, outcomes } = elementsOf(block, { field: o.field, fix });
    const openings: Opening[] = [];
    for (const e of elements) {
        const path = `${o.prefix}${e.path}`;
        const protocol = valueOf(lowerString(e.props, o.protocolField), { path: `${path}.${o.protocolField}`, expected: "a string", fix: `set ${path}.${o.protocolField} to a protocol`, absent: undefined });
        if (isOutcome(protocol)) {
            outcomes.push(protocol);
            continue;
        }
        if (protocol === undefined) continue;
        const name = protocolNumbers[protocol] ?? protocol;
        if (!portProtocols.has(name)) {
            openings.push({ path, protocol: name, ports: [] });
            continue;
        }
        const ports = valueOf(e.props.list("ports"), { path: `${path}.ports`, expected: "a list of ports", fix: `set ${path}.ports to a list such as ["443"]`, absent: [] as unknown[] });
        if (isOutcome(ports)) {
            outcomes.push(ports);
            continue;
        }
        const ranges: PortRange[] = [];
        for (const [i, item] of ports.entries()) {
            const read = classify(typeof item === "number" ? String(item) : item, "string");
            if (read.state === "unknown") outcomes.push(undecided(`${path}.ports[${i}]`));
            else if (read.state === "wrongType") outcomes.push(wrongType({ path: `${path}.ports[${i}]`, value: read.value, expected: "a port or range", fix: `set ${path}.ports[${i}] to a port such as "443"` }));
            else if (read.state === "known") {
                const range = parsePortRange(read.value);
                if (range) ranges.push(range);
                else outcomes.push(violation({ code: "unrecognised", field: `${path}.ports[${i}]`, problem: `${path}.ports[${i}] is not a port or port range`, fix: `set ${path}.ports[${i}] to a port such as "443" or a range such as "8000-8080"` }));
            }
        }
        openings.push({ path, protocol: name, ports: name === "all" || ports.length === 0 ? [allPorts] : ranges });
    }
    return { openings, outcomes };
}

/** A rule's world-open protocol entries, with its undecided (unknown) and wrong-typed parts. */
export interface WorldOpenings {
    readonly openings: Opening[];
    readonly outcomes: Outcome[];
}

/** Whether a rule is switched off (`disabled`), or the outcome that stops the check. */
function isDisabled(rule: Props, prefix: string): boolean | Outcome {
    return valueOf(rule.boolean("disabled"), { path: `${prefix}disabled`, expected: "a boolean", fix: `set ${prefix}disabled to a boolean`, absent: false });
}

/** Whether a rule applies to ingress traffic (direction defaults to INGRESS), or the outcome that stops the check. */
function isIngress(rule: Props, prefix: string): boolean | Outcome {
    const direction = valueOf(unsetWhenEmpty(rule.string("direction")), { path: `${prefix}direction`, expected: "a string", fix: `set ${prefix}direction: "INGRESS" or "EGRESS"`, absent: "INGRESS" });
    if (isOutcome(direction)) return direction;
    return direction.trim().toUpperCase() !== "EGRESS";
}

/** A VPC firewall rule's world-open ingress: what its `allows[]` admit when its sources include the whole internet. */
function firewallOpenings(props: Props): WorldOpenings | Outcome {
    const disabled = isDisabled(props, "");
    if (isOutcome(disabled)) return disabled;
    if (disabled) return notApplicable("the firewall rule is disabled");
    const ingress = isIngress(props, "");
    if (isOutcome(ingress)) return ingress;
    if (!ingress) return notApplicable("the firewall rule is an egress rule");
    const world = listHasWorld(props, "", "sourceRanges");
    if (isOutcome(world)) return world;
    if (world === false) return pass; // admits traffic from narrower ranges only
    if (world === "empty" && (namesAny(props, "sourceTags") || namesAny(props, "sourceServiceAccounts"))) return pass; // tagged VMs and service accounts are never internet addresses
    return entries(props, { prefix: "", field: "allows", protocolField: "protocol" });
}

const policySources = ["srcAddressGroups", "srcFqdns", "srcRegionCodes", "srcThreatIntelligences", "srcSecureTags", "srcNetworks", "srcNetworkScope", "srcNetworkContext"];

/** One firewall-policy rule (a resource, or an element of `rules[]` at `prefix`): its world-open ingress. */
function policyRuleOpenings(rule: Props, prefix: string): WorldOpenings | Outcome {
    const disabled = isDisabled(rule, prefix);
    if (isOutcome(disabled)) return disabled;
    if (disabled) return notApplicable("the firewall policy rule is disabled");
    const action = valueOf(lowerString(rule, "action"), { path: `${prefix}action`, expected: "a string", fix: `set ${prefix}action`, absent: "" });
    if (isOutcome(action)) return action;
    if (action !== "allow" && action !== "apply_security_profile_group") return notApplicable("the firewall policy rule admits no traffic itself (its action is not allow)");
    const ingress = isIngress(rule, prefix);
    if (isOutcome(ingress)) return ingress;
    if (!ingress) return notApplicable("the firewall policy rule is an egress rule");
    const match = valueOf(rule.single("match"), { path: `${prefix}match`, expected: "a block", fix: `set ${prefix}match to a block`, absent: new Props({}) });
    if (isOutcome(match)) return match;
    const mp = `${prefix}match.`;
    const world = listHasWorld(match, mp, "srcIpRanges");
    if (isOutcome(world)) return world;
    if (world === false) return pass;
    if (world === "empty") {
        const scope = lowerString(match, "srcNetworkScope");
        const context = lowerString(match, "srcNetworkContext");
        if (scope.state === "unknown") return undecided(`${mp}srcNetworkScope`);
        const fromInternet = (scope.state === "known" && scope.value === "internet") || (context.state === "known" && context.value === "internet");
        if (!fromInternet && policySources.some(f => match.has(f))) return pass; // only the sources it names
    }
    return entries(match, { prefix: mp, field: "layer4Configs", protocolField: "ipProtocol" });
}

/**
 * What a firewall resource opens to the whole internet (0.0.0.0/0 or ::/0): its protocol entries
 * with their ports; or a pass (narrower sources), not applicable (disabled, egress, not an allow rule),
 * or the outcome that says the preview cannot tell.
 */
export function worldOpenings(type: string, props: Props): WorldOpenings | Outcome {
    if (type === firewall) return firewallOpenings(props);
    if (!withRulesTypes.includes(type)) return policyRuleOpenings(props, "");
    const { elements, outcomes } = elementsOf(props, { field: "rules", fix: "set rules to a list of rule blocks" });
    const openings: Opening[] = [];
    for (const rule of elements) {
        const found = policyRuleOpenings(rule.props, `${rule.path}.`);
        if (!isOutcome(found)) {
            openings.push(...found.openings);
            outcomes.push(...found.outcomes);
        } else if (found.kind !== "notApplicable") outcomes.push(found);
    }
    return { openings, outcomes };
}

/** The openings that include `port` over one of `protocols` ("all" always counts). */
export function opensPort(found: WorldOpenings, port: number, protocols: readonly string[]): Opening[] {
    return found.openings.filter(o => (o.protocol === "all" || protocols.includes(o.protocol)) && o.ports.some(r => covers(r, port)));
}

// --- Logging ----------------------------------------------------------------------------------------

export const firewallEnableLogging = booleanAttribute({ types: [firewall], field: "enableLogging", default: false, source: firewallSource });
serviceFact({ about: "gcp.compute.Firewall logConfig", says: "a present block turns Firewall Rules Logging on (metadata INCLUDE_ALL_METADATA or EXCLUDE_ALL_METADATA); the deprecated enableLogging: true does too", source: firewallSource });
export const ruleEnableLogging = booleanAttribute({ types: policyRuleTypes, field: "enableLogging", default: false, source: policyRuleSource });

// --- Subnets and networks ---------------------------------------------------------------------------

const subnetSource = gcpTypes("compute/subnetwork");
export const subnetPurpose = stringAttribute({
    types: [subnetwork],
    field: "purpose",
    default: "PRIVATE",
    values: ["PRIVATE", "REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "PRIVATE_SERVICE_CONNECT", "PEER_MIGRATION", "PRIVATE_NAT", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_RFC_1918"],
    source: subnetSource,
});
/** Subnets that hold no VMs of the customer's: proxy-only, Private Service Connect and Private NAT ranges. */
export const reservedPurposes = cloudFact(
    {
        about: "gcp.compute.Subnetwork purpose",
        says: "REGIONAL_MANAGED_PROXY, GLOBAL_MANAGED_PROXY, INTERNAL_HTTPS_LOAD_BALANCER (proxy-only), PRIVATE_SERVICE_CONNECT and PRIVATE_NAT subnets host no VMs, so flow logs and Private Google Access do not apply",
        source: `${subnetSource}; https://cloud.google.com/vpc/docs/subnets#purpose`,
    },
    new Set(["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"]),
);

/** Not applicable for a subnet reserved for proxies, PSC or NAT; undecided when its purpose is unknown. */
export function reservedSubnet(props: Props): Outcome | undefined {
    const purpose = unsetWhenEmpty(props.string("purpose"));
    if (purpose.state === "unknown") return undecided("purpose");
    if (purpose.state === "known" && reservedPurposes.has(purpose.value.trim().toUpperCase())) return notApplicable("the subnet is reserved (proxy-only, Private Service Connect or Private NAT) and hosts no VMs");
    return undefined;
}

export const privateIpGoogleAccess = booleanAttribute({ types: [subnetwork], field: "privateIpGoogleAccess", default: false, source: subnetSource });
export const flowAggregation = stringAttribute({ types: [subnetwork], block: "logConfig", field: "aggregationInterval", default: "INTERVAL_5_SEC", values: ["INTERVAL_5_SEC", "INTERVAL_30_SEC", "INTERVAL_1_MIN", "INTERVAL_5_MIN", "INTERVAL_10_MIN", "INTERVAL_15_MIN"], source: subnetSource });
export const flowSampling = cloudFact({ about: "gcp.compute.Subnetwork logConfig.flowSampling", says: "defaults to 0.5 (half the flows); 0 reports none", source: subnetSource }, { field: "flowSampling", absent: 0.5 });
export const flowMetadata = stringAttribute({ types: [subnetwork], block: "logConfig", field: "metadata", default: "INCLUDE_ALL_METADATA", values: ["EXCLUDE_ALL_METADATA", "INCLUDE_ALL_METADATA", "CUSTOM_METADATA"], source: subnetSource });
export const flowFilter = cloudFact({ about: "gcp.compute.Subnetwork logConfig.filterExpr", says: "defaults to \"true\" (every flow is logged)", source: subnetSource }, { field: "filterExpr", absent: "true" });

export const autoCreateSubnetworks = booleanAttribute({ types: [network], field: "autoCreateSubnetworks", default: true, source: `${gcpTypes("compute/network")}; hashicorp/terraform-provider-google resource_compute_network (Default: true)` });
export const autoCreateNetwork = booleanAttribute({ types: [project], field: "autoCreateNetwork", default: true, source: gcpTypes("organizations/project") });
serviceFact({
    about: "Legacy (non-VPC) networks",
    says: "can no longer be created; gcp.compute.Network has no field to request one, so every network the provider creates is a VPC network",
    source: `${gcpTypes("compute/network")}; https://cloud.google.com/vpc/docs/legacy`,
});

// --- World-open ports as findings ---------------------------------------------------------------------

const sourcesFix = "limit the rule's sources (sourceRanges, or match.srcIpRanges on a firewall policy rule) to the address ranges that need it";

/** The findings for a firewall resource that admits `port` (over `protocols`) from any address. */
export function worldPortOutcomes(type: string, props: Props, o: { port: number; protocols: readonly string[]; service: string; fix: string }): Outcome[] {
    const found = worldOpenings(type, props);
    if (isOutcome(found)) return [found];
    const problem = (path: string) => `${path} admits ${o.service} (port ${o.port}) from any address (0.0.0.0/0 or ::/0)`;
    const violations = opensPort(found, o.port, o.protocols).map(x => violation({ code: "openToWorld", field: x.path, problem: problem(x.path), fix: `${sourcesFix}, ${o.fix}` }));
    return [...violations, ...found.outcomes];
}

export const noFirewallRemediation = "which addresses may reach a port is a decision about the workload: narrowing a rule can cut off its users";
