import { serviceFact } from "../../lib/facts";
import { stringListKnob } from "../../lib/knobs";
import { isWorldCidr } from "../../lib/net";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { classify, Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";
import { defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../../lib/stack";
import { defaultRouteTable, internetGateway, route, routeTable } from "./facts";

serviceFact({
    about: "aws.ec2.Route gatewayId, aws.ec2.RouteTable routes[].gatewayId",
    says: 'names an internet gateway ("igw-…") or a virtual private gateway ("vgw-…"); NAT gateways, transit gateways and endpoints have fields of their own',
    source: "@pulumi/aws 7.48 ec2/route.d.ts; Amazon VPC User Guide: route tables (route targets)",
});

const igwTarget: ReferenceTarget = { types: [internetGateway], keys: ["id"] };
const tableTarget: ReferenceTarget = { types: [routeTable, defaultRouteTable], keys: ["id"] };
const fix = "route 0.0.0.0/0 and ::/0 through a NAT gateway or egress-only internet gateway, or allow this route table with the allowedRouteTables knob if it is a reviewed public subnet's";

const vpnGateway = "aws:ec2/vpnGateway:VpnGateway";

/** Whether a gateway id names an internet gateway: true, false or "unknown" (unknown at preview with nothing in the stack to say). */
function isIgw(value: unknown, deps: readonly StackResource[], stack: Stack): boolean | "unknown" {
    const read = classify(value, "string");
    if (read.state === "known") {
        const id = read.value.trim();
        if (id === "") return false;
        return id.startsWith("igw-") || stack.ofType([internetGateway]).some(g => g.props.string("id").state === "known" && g.props.raw("id") === id);
    }
    if (read.state !== "unknown") return false;
    // Unknown at preview: the resources it was computed from say which gateway it is.
    if (deps.some(d => d.type === internetGateway)) return deps.some(d => d.type === vpnGateway) ? "unknown" : true;
    return deps.length > 0 ? false : "unknown";
}

/** Whether a destination is the whole internet: true, false or "unknown". */
function worldDestination(props: Props, fields: readonly string[]): boolean | "unknown" {
    let unknown = false;
    for (const f of fields) {
        const read = props.string(f);
        if (read.state === "unknown") unknown = true;
        else if (read.state === "known" && isWorldCidr(read.value.trim())) return true;
    }
    return unknown ? "unknown" : false;
}

function judge(o: { world: boolean | "unknown"; igw: boolean | "unknown"; path: string; where: string }): Outcome {
    if (o.world === false || o.igw === false) return pass;
    if (o.world === "unknown" || o.igw === "unknown") return undecided(o.path);
    return violation({ code: "worldRouteToIgw", field: o.path, problem: `${o.where} sends all internet-bound traffic (a /0 destination) straight to an internet gateway`, fix });
}

/** The route table's names the knob may list: its Pulumi name and its id when known. */
function tableNames(t: StackResource): string[] {
    const id = t.props.string("id");
    return [t.name, ...(id.state === "known" ? [id.value] : [])];
}

export default defineStackPolicy({
    name: "aws-vpc-no-igw-route",
    description: "No route table sends 0.0.0.0/0 or ::/0 to an internet gateway, except route tables the allowedRouteTables knob names.",
    severity: "high",
    types: [route, routeTable, defaultRouteTable],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "vpc", "network", "routing", "public-access", "stack"],
    anchors: { awsConfig: ["no-unrestricted-route-to-igw"], checkov: ["CKV2_AWS_35"] },
    remediation:
        "Send private subnets' internet-bound traffic through an `aws.ec2.NatGateway` (`natGatewayId`) or, for IPv6, an `aws.ec2.EgressOnlyInternetGateway` " +
        "(`egressOnlyGatewayId`), not `gatewayId: internetGateway.id`. A reviewed public subnet's route table (the one a public load balancer sits in) " +
        "may be listed by its Pulumi name or id in the knob `allowedRouteTables`.",
    knobs: {
        allowedRouteTables: stringListKnob({
            default: [], pattern: "^[^\\s]{1,256}$", maxItems: 64, itemWords: "route table Pulumi names or ids",
            description: "Route tables (aws.ec2.RouteTable / DefaultRouteTable Pulumi resource names, or rtb- ids) that may route 0.0.0.0/0 or ::/0 to an internet gateway.",
        }),
    },
    check: (r, stack, config): Outcome | Outcome[] => {
        const allowed = config.allowedRouteTables;
        if (r.type === route) {
            const table = stack.resolve(r, "routeTableId", tableTarget);
            if (table.state === "inStack" && tableNames(table.resource).some(n => allowed.includes(n))) return notApplicable("the route table is allowed by allowedRouteTables");
            const literal = r.props.string("routeTableId");
            if (table.state === "outside" && literal.state === "known" && allowed.includes(literal.value.trim())) return notApplicable("the route table is allowed by allowedRouteTables");
            const gateway = valueOf(r.props.string("gatewayId"), { path: "gatewayId", expected: "a string", fix, absent: "" });
            if (isOutcome(gateway) && gateway.kind === "violation") return gateway;
            return judge({
                world: worldDestination(r.props, ["destinationCidrBlock", "destinationIpv6CidrBlock"]),
                igw: isIgw(r.props.raw("gatewayId"), r.dependsOn("gatewayId"), stack),
                path: "gatewayId",
                where: "the route",
            });
        }
        if (tableNames(r).some(n => allowed.includes(n))) return notApplicable("the route table is allowed by allowedRouteTables");
        const { elements, outcomes } = elementsOf(r.props, { field: "routes", fix });
        const deps = r.dependsOn("routes");
        return [
            ...outcomes,
            ...elements.map(e =>
                judge({
                    world: worldDestination(e.props, ["cidrBlock", "ipv6CidrBlock"]),
                    igw: isIgw(e.props.raw("gatewayId"), deps, stack),
                    path: `${e.path}.gatewayId`,
                    where: e.path,
                }),
            ),
        ];
    },
});
