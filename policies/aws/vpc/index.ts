// VPC controls: every VPC records its traffic (flow logs) and has its default security group
// closed (stack policies: those are resources of their own that name the VPC); subnets assign no
// public IP addresses; no route sends the internet to an internet gateway, and internet gateways
// sit only on authorized VPCs (knobs list the reviewed exceptions).

import defaultSgClosed from "./default-sg-closed";
import flowLogs from "./flow-logs";
import igwAuthorizedVpcs from "./igw-authorized-vpcs";
import noIgwRoute from "./no-igw-route";
import subnetNoPublicIp from "./subnet-no-public-ip";

export const policies = [subnetNoPublicIp];
export const stackPolicies = [flowLogs, defaultSgClosed, noIgwRoute, igwAuthorizedVpcs];
