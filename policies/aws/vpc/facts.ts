// What the pack knows about VPC networking: the type tokens of VPCs and what attaches to them
// (flow logs, the default security group, internet gateways, route tables), and how they name each other.

import { awsTypes, serviceFact } from "../../lib/facts";
import { ReferenceTarget } from "../../lib/stack";
import { mapPublicIpOnLaunch, subnet } from "../ec2/facts";

export { subnet, mapPublicIpOnLaunch };
export const vpc = "aws:ec2/vpc:Vpc";
export const flowLog = "aws:ec2/flowLog:FlowLog";
export const defaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
export const internetGateway = "aws:ec2/internetGateway:InternetGateway";
export const internetGatewayAttachment = "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment";
export const route = "aws:ec2/route:Route";
export const routeTable = "aws:ec2/routeTable:RouteTable";
export const defaultRouteTable = "aws:ec2/defaultRouteTable:DefaultRouteTable";

/** Resources name their VPC by the VPC's id. */
export const vpcTarget: ReferenceTarget = { types: [vpc], keys: ["id"] };

serviceFact({
    about: "aws.ec2.Vpc default security group",
    says:
        "every new VPC gets a default security group that admits all traffic from its members and allows all egress; an aws.ec2.DefaultSecurityGroup " +
        "adopts it and removes every rule it does not list",
    source: `Amazon VPC User Guide: default security groups for your VPCs; ${awsTypes("ec2/defaultSecurityGroup")}`,
});
