import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { NET, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const gw = res(NET.internetGateway, "gw", { vpcId: unknown, id: unknown });
const vgw = res(NET.vpnGateway, "vgw", { vpcId: unknown, id: unknown });
const nat = res("aws:ec2/natGateway:NatGateway", "nat", { subnetId: unknown, id: unknown });
const table = (name: string, routes: unknown, deps: ReturnType<typeof res>[] = [], props: Record<string, unknown> = {}) =>
    res(NET.routeTable, name, { vpcId: unknown, routes, id: unknown, ...props }, deps.length > 0 ? { routes: deps } : {});
const route = (name: string, props: Record<string, unknown>, deps: Record<string, ReturnType<typeof res>[]> = {}) =>
    res(NET.route, name, { routeTableId: unknown, ...props }, deps);

stackCases("aws-vpc-no-igw-route", [
    stackPasses([table("private", [{ cidrBlock: "0.0.0.0/0", natGatewayId: unknown }], [nat]), nat]),
    stackPasses([table("private", [])]),
    stackPasses([table("private", undefined)]),
    stackViolates([gw, table("public", [{ cidrBlock: "0.0.0.0/0", gatewayId: unknown }], [gw])], [{ on: "public", code: "worldRouteToIgw", field: "routes[0].gatewayId" }]),
    stackViolates([table("public", [{ cidrBlock: "10.1.0.0/16", gatewayId: "vgw-1" }, { ipv6CidrBlock: "::/0", gatewayId: "igw-0a" }])], [{ on: "public", code: "worldRouteToIgw", field: "routes[1].gatewayId" }]),
    // A narrower destination, or a VPN gateway, is not the internet through an internet gateway.
    stackPasses([gw, table("peer", [{ cidrBlock: "192.0.2.0/24", gatewayId: unknown }], [gw])]),
    stackPasses([vgw, table("vpn", [{ cidrBlock: "0.0.0.0/0", gatewayId: unknown }], [vgw])]),
    stackUndecided([gw, vgw, table("mixed", [{ cidrBlock: "0.0.0.0/0", gatewayId: unknown }], [gw, vgw])], [{ on: "mixed", fields: "routes[0].gatewayId" }]),
    stackUndecided([table("t", [{ cidrBlock: "0.0.0.0/0", gatewayId: unknown }])], [{ on: "t", fields: "routes[0].gatewayId" }]),
    stackUndecided([table("t", [{ cidrBlock: unknown, gatewayId: "igw-0a" }])], [{ on: "t", fields: "routes[0].gatewayId" }]),
    stackUndecided([table("t", unknown)], [{ on: "t", fields: "routes" }]),
    // Standalone routes.
    stackViolates([gw, route("default", { destinationCidrBlock: "0.0.0.0/0", gatewayId: unknown }, { gatewayId: [gw] })], [{ on: "default", code: "worldRouteToIgw", field: "gatewayId" }]),
    stackViolates([route("default6", { destinationIpv6CidrBlock: "::/0", gatewayId: "igw-0a" })], [{ on: "default6", code: "worldRouteToIgw" }]),
    stackPasses([nat, route("default", { destinationCidrBlock: "0.0.0.0/0", natGatewayId: unknown }, { natGatewayId: [nat] })]),
    stackUndecided([route("default", { destinationCidrBlock: "0.0.0.0/0", gatewayId: unknown })], [{ on: "default", fields: "gatewayId" }]),
    stackViolates([route("default", { destinationCidrBlock: "0.0.0.0/0", gatewayId: 7 })], [{ on: "default", code: "wrongType", field: "gatewayId" }]),
    // The knob allows reviewed route tables, by Pulumi name or id.
    stackNotApplicable([gw, table("public", [{ cidrBlock: "0.0.0.0/0", gatewayId: unknown }], [gw])], /allowed by allowedRouteTables/, { allowedRouteTables: ["public"] }),
    stackNotApplicable([gw, table("public", [], [], { id: unknown }), route("default", { destinationCidrBlock: "0.0.0.0/0", gatewayId: unknown }, { gatewayId: [gw], routeTableId: [table("public", [])] })], /allowed by allowedRouteTables/, { allowedRouteTables: ["public"] }),
    stackNotApplicable([route("default", { routeTableId: "rtb-0pub", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-0a" })], /allowed by allowedRouteTables/, { allowedRouteTables: ["rtb-0pub"] }),
    stackViolates([route("default", { routeTableId: "rtb-0priv", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-0a" })], [{ on: "default", code: "worldRouteToIgw" }], { allowedRouteTables: ["rtb-0pub"] }),
    stackMisconfigured([table("t", [])], { allowedRouteTables: [""] }, "allowedRouteTables"),
    stackViolates([res(NET.defaultRouteTable, "main", { defaultRouteTableId: unknown, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-0a" }] })], [{ on: "main", code: "worldRouteToIgw", field: "routes[0].gatewayId" }]),
    stackNotApplicable([gw], /has no resource of type/),
    // Outputs-shaped: every route field present, "" when unused; an in-stack gateway by its id.
    stackViolates([
        res(NET.internetGateway, "gw", { id: "igw-0b", vpcId: "vpc-0a" }),
        res(NET.routeTable, "public", { id: "rtb-0a", vpcId: "vpc-0a", routes: [{ carrierGatewayId: "", cidrBlock: "0.0.0.0/0", coreNetworkArn: "", destinationPrefixListId: "", egressOnlyGatewayId: "", gatewayId: "igw-0b", ipv6CidrBlock: "", localGatewayId: "", natGatewayId: "", networkInterfaceId: "", transitGatewayId: "", vpcEndpointId: "", vpcPeeringConnectionId: "" }] }),
    ], [{ on: "public", code: "worldRouteToIgw", field: "routes[0].gatewayId" }]),
    stackPasses([res(NET.routeTable, "private", { id: "rtb-0b", vpcId: "vpc-0a", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "", natGatewayId: "nat-0a", ipv6CidrBlock: "" }] })]),
    stackNotApplicable([res(NET.routeTable, "public", { id: "rtb-0a", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-0b" }] })], /allowed by allowedRouteTables/, { allowedRouteTables: ["rtb-0a"] }),
    stackGarbage([gw, table("t", [{ cidrBlock: secret("SECRET"), gatewayId: { SECRET: 1 } }, 5, null], [gw]), route("r", { destinationCidrBlock: ["SECRET"], gatewayId: secret("SECRET") })]),
]);
