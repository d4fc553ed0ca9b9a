// What the pack knows about EC2 networking and instances: the type tokens, and the one reading of
// security-group ingress every security-group policy uses ("which ports does this rule open to the
// whole internet"), over the three ways a program writes ingress.

import { awsTypes, booleanAttribute, serviceFact, stringAttribute } from "../../lib/facts";
import { Knob } from "../../lib/knobs";
import { allPorts, isWorldCidr, parsePortRange, portRangePattern, PortRange } from "../../lib/net";
import { isOutcome, Outcome, undecided, violation } from "../../lib/outcome";
import { Resource } from "../../lib/policy";
import { classify, isSetString, Props } from "../../lib/props";
import { elementsOf, valueOf, wrongType } from "../../lib/rules";
import { instance, launchTemplate } from "../ebs/facts";

export { instance, launchTemplate };
export const securityGroup = "aws:ec2/securityGroup:SecurityGroup";
export const securityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const ingressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const ingressTypes = [securityGroup, securityGroupRule, ingressRule];
export const launchConfiguration = "aws:ec2/launchConfiguration:LaunchConfiguration";
export const instanceMetadataDefaults = "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults";
export const subnet = "aws:ec2/subnet:Subnet";
export const mapPublicIpOnLaunch = booleanAttribute({ types: [subnet], field: "mapPublicIpOnLaunch", default: false, source: awsTypes("ec2/subnet") });

serviceFact({
    about: "aws.ec2.SecurityGroup ingress[], aws.ec2.SecurityGroupRule (type ingress), aws.vpc.SecurityGroupIngressRule",
    says:
        'protocol "-1" (or "all") opens every protocol and port; "tcp"/"6" and "udp"/"17" open fromPort..toPort; other protocols (ICMP) open no ports; ' +
        "a CIDR of length /0 (0.0.0.0/0, ::/0) is the whole internet; prefix lists and security-group sources are address sets managed elsewhere and are not read",
    source: `${awsTypes("ec2/securityGroup")}; ${awsTypes("ec2/securityGroupRule")}; ${awsTypes("vpc/securityGroupIngressRule")}; Amazon VPC User Guide: security group rules`,
});

export const metadataHttpTokens = stringAttribute({
    types: [instance, launchTemplate, launchConfiguration],
    block: "metadataOptions",
    field: "httpTokens",
    values: ["optional", "required"],
    // The launch template's d.ts says "(Default: optional)"; an omitted value is in fact left to the AMI and the account default.
    source: `${awsTypes("ec2/instance")} (types/input.d.ts InstanceMetadataOptions: no default); ${awsTypes("ec2/launchTemplate")}; Amazon EC2 User Guide: order of precedence for instance metadata options`,
});
export const accountHttpTokens = stringAttribute({
    types: [instanceMetadataDefaults], field: "httpTokens", default: "no-preference", values: ["optional", "required", "no-preference"], source: awsTypes("ec2/instanceMetadataDefaults"),
});

/**
 * Whether an aws.ec2.Instance is launched from a launch template (launchTemplate names one by id or
 * name, or is unknown at preview): what the instance leaves out, the template supplies, and the
 * template is checked itself. Outputs hold an empty block or list when there is none.
 */
export function launchedFromTemplate(props: Props): boolean {
    const read = props.single("launchTemplate");
    if (read.state === "unknown") return true;
    if (read.state !== "known") return false;
    return isSetString(read.value.string("id")) || isSetString(read.value.string("name"));
}

export const templateDecides = "the instance is launched from a launch template, which supplies what the instance leaves out and is checked itself";

// --- Which ports an ingress rule opens to the world ------------------------------------------------

export type Protocol = "all" | "tcp" | "udp" | "other";

/**
 * One way an ingress rule may let the whole internet in: over `protocol`, to ports `ports`.
 * `undecidedOn` names the value unknown at preview that makes it only possible (the CIDR, the
 * protocol or a port): such an opening is as wide as that value could make it.
 */
export interface Opening {
    /** The rule it is in: "ingress[0]", or "" for a rule resource. */
    readonly rule: string;
    /** The address field that lets the world in ("ingress[0].cidrBlocks", "cidrIpv6"). */
    readonly source: string;
    readonly protocol: Protocol;
    readonly ports: PortRange;
    readonly undecidedOn?: string;
}

/** The world-open ingress of one resource, and the wrong-typed values found while reading it. */
export interface Ingress {
    readonly openings: readonly Opening[];
    readonly problems: readonly Outcome[];
}

const protocolNames: Readonly<Record<string, Protocol>> = { "-1": "all", all: "all", tcp: "tcp", "6": "tcp", udp: "udp", "17": "udp" };
const fixRule = "set the rule's protocol, fromPort and toPort, and name the sources it admits";

function at(prefix: string, field: string): string {
    return prefix ? `${prefix}.${field}` : field;
}

/** Whether the addresses in `field` (a list, or one string when `single`) include the world: true, false, or undecided. */
function worldIn(props: Props, field: string, path: string, single: boolean, problems: Outcome[]): boolean | "unknown" {
    const fix = `set ${path} to the addresses that need access`;
    const raw = props.raw(field);
    const items = single ? [raw] : (() => {
        const list = valueOf(props.list(field), { path, expected: "a list", fix, absent: [] as unknown[] });
        if (isOutcome(list)) return list;
        return list;
    })();
    if (isOutcome(items)) {
        if (items.kind === "undecided") return "unknown";
        problems.push(items);
        return false;
    }
    let unknown = false;
    for (const item of items) {
        const read = classify(item, "string");
        if (read.state === "unknown") unknown = true;
        else if (read.state === "wrongType") problems.push(wrongType({ path, value: read.value, expected: single ? "a string" : "a list of strings", fix }));
        else if (read.state === "known" && isWorldCidr(read.value.trim())) return true;
    }
    return unknown ? "unknown" : false;
}

/** The rule's protocol, lower-cased; a number is taken as its protocol number. */
function protocolOf(props: Props, field: string, path: string, problems: Outcome[]): Protocol | "unknown" {
    const raw = props.raw(field);
    const read = typeof raw === "number" ? { state: "known" as const, value: String(raw) } : classify(raw, "string");
    if (read.state === "unknown") return "unknown";
    if (read.state === "wrongType") {
        problems.push(wrongType({ path, value: read.value, expected: "a protocol name or number", fix: fixRule }));
        return "other";
    }
    // An omitted protocol cannot be created; read it as the widest so nothing slips through.
    if (read.state === "absent" || read.value.trim() === "") return "all";
    return protocolNames[read.value.trim().toLowerCase()] ?? "other";
}

/** fromPort..toPort (negative or omitted ends read as the widest), or the port field unknown at preview. */
function portsOf(props: Props, prefix: string, problems: Outcome[]): PortRange | { unknown: string } {
    const ends: number[] = [];
    for (const [field, absent] of [["fromPort", allPorts.from], ["toPort", allPorts.to]] as const) {
        const path = at(prefix, field);
        const value = valueOf(props.number(field), { path, expected: "a port number", fix: fixRule, absent });
        if (isOutcome(value)) {
            if (value.kind === "undecided") return { unknown: path };
            problems.push(value);
            ends.push(absent);
        } else ends.push(value < 0 ? absent : value);
    }
    return { from: ends[0], to: ends[1] };
}

/** The openings of one rule (an inline block or a rule resource) whose addresses are in `sources`. */
function openingsOf(props: Props, o: { rule: string; protocolField: string; sources: readonly { field: string; single: boolean }[] }, problems: Outcome[]): Opening[] {
    const out: Opening[] = [];
    for (const s of o.sources) {
        const source = at(o.rule, s.field);
        const world = worldIn(props, s.field, source, s.single, problems);
        if (world === false) continue;
        let undecidedOn = world === "unknown" ? source : undefined;
        const protocolPath = at(o.rule, o.protocolField);
        let protocol = protocolOf(props, o.protocolField, protocolPath, problems);
        if (protocol === "unknown") {
            protocol = "all";
            undecidedOn ??= protocolPath;
        }
        let ports: PortRange = allPorts;
        if (protocol === "tcp" || protocol === "udp") {
            const read = portsOf(props, o.rule, problems);
            if ("unknown" in read) undecidedOn ??= read.unknown;
            else ports = read;
        }
        out.push({ rule: o.rule, source, protocol, ports, undecidedOn });
    }
    return out;
}

const inlineSources = [{ field: "cidrBlocks", single: false }, { field: "ipv6CidrBlocks", single: false }];
const ruleSources = [{ field: "cidrIpv4", single: true }, { field: "cidrIpv6", single: true }];

/**
 * Every way the resource's ingress lets the whole internet in. An egress rule (aws.ec2.SecurityGroupRule
 * of type "egress") opens nothing; its type unknown at preview leaves the rule possible.
 */
export function worldIngress(r: Resource): Ingress {
    const problems: Outcome[] = [];
    if (r.type === securityGroup) {
        const { elements, outcomes } = elementsOf(r.props, { field: "ingress", fix: "list ingress rules as blocks with protocol, fromPort, toPort and cidrBlocks" });
        for (const o of outcomes) if (o.kind === "violation") problems.push(o);
        const openings = elements.flatMap(e => openingsOf(e.props, { rule: e.path, protocolField: "protocol", sources: inlineSources }, problems));
        // An unknown list, or an unknown element, may open anything.
        const unknownRules = outcomes.filter(o => o.kind === "undecided").map(o => ({ rule: "ingress", source: "ingress", protocol: "all" as const, ports: allPorts, undecidedOn: (o as { field: string }).field }));
        return { openings: [...openings, ...unknownRules], problems };
    }
    if (r.type === securityGroupRule) {
        const type = valueOf(r.props.string("type"), { path: "type", expected: "a string", fix: 'set type: "ingress" or "egress"', absent: "" });
        if (isOutcome(type) && type.kind === "violation") return { openings: [], problems: [type] };
        const typeUnknown = isOutcome(type);
        if (!typeUnknown && type.trim().toLowerCase() !== "ingress") return { openings: [], problems };
        const openings = openingsOf(r.props, { rule: "", protocolField: "protocol", sources: inlineSources }, problems);
        return { openings: typeUnknown ? openings.map(o => ({ ...o, undecidedOn: o.undecidedOn ?? "type" })) : openings, problems };
    }
    return { openings: openingsOf(r.props, { rule: "", protocolField: "ipProtocol", sources: ruleSources }, problems), problems };
}

/** Whether a security-group rule resource is an egress rule (which these policies do not check). */
export function isEgressRule(r: Resource): boolean {
    if (r.type !== securityGroupRule) return false;
    const read = r.props.string("type");
    return read.state === "known" && read.value.trim().toLowerCase() === "egress";
}

/** "TCP port 22", "TCP ports 0-65535", "all traffic". */
export function describeOpening(o: Opening): string {
    if (o.protocol === "all") return "all traffic";
    if (o.protocol === "other") return "a non-TCP/UDP protocol";
    const name = o.protocol.toUpperCase();
    return o.ports.from === o.ports.to ? `${name} port ${o.ports.from}` : `${name} ports ${o.ports.from}-${o.ports.to}`;
}

/** The finding for an opening that breaks a rule (a violation), or the undecided outcome when it only may. */
export function openingOutcome(o: Opening, what: string, fix: string): Outcome {
    if (o.undecidedOn) return undecided(o.undecidedOn);
    const where = o.rule || "the rule";
    return violation({ code: "worldOpen", field: o.source, problem: `${where} opens ${what} to the whole internet (${o.source} includes a /0 range)`, fix });
}

// --- Knobs -----------------------------------------------------------------------------------------

/** A list of ports or port ranges ("443", "1020-1025"), at most `maxItems`. */
export function portRangesKnob(o: { default: readonly string[]; maxItems: number; description: string }): Knob<readonly PortRange[]> {
    const parse = (v: unknown): readonly PortRange[] | undefined => {
        if (!Array.isArray(v) || v.length > o.maxItems) return undefined;
        const ranges = v.map(x => (typeof x === "string" ? parsePortRange(x.trim()) : undefined));
        return ranges.every((x): x is PortRange => x !== undefined) ? ranges : undefined;
    };
    return {
        schema: { type: "array", items: { type: "string", pattern: portRangePattern }, maxItems: o.maxItems, default: [...o.default], description: o.description },
        default: parse(o.default)!,
        allowed: `a list of at most ${o.maxItems} ports or port ranges from 0 to 65535 ("443", "1020-1025")`,
        parse,
    };
}
