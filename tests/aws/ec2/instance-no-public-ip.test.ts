import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { ec2Instance, ec2InstanceOutputs, ec2SubnetOutputs, NET, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const privateSubnet = res(NET.subnet, "app-0", { vpcId: unknown, cidrBlock: "10.20.0.0/24", mapPublicIpOnLaunch: false, id: unknown });
const publicSubnet = res(NET.subnet, "edge-0", { vpcId: unknown, cidrBlock: "10.20.100.0/24", mapPublicIpOnLaunch: true, id: unknown });
const vm = (props: Record<string, unknown>, subnet?: ReturnType<typeof res>) =>
    res(NET.instance, "app", { ...ec2Instance().props, associatePublicIpAddress: undefined, subnetId: subnet ? unknown : "subnet-0a", ...props }, subnet ? { subnetId: [subnet] } : {});

stackCases("aws-ec2-instance-no-public-ip", [
    stackPasses([res(NET.instance, "app", ec2Instance().props)]),
    stackViolates([vm({ associatePublicIpAddress: true })], [{ on: "app", code: "notAllowed", field: "associatePublicIpAddress" }]),
    stackPasses([vm({ associatePublicIpAddress: false }, publicSubnet), publicSubnet]),
    // Omitted: the subnet decides.
    stackPasses([vm({}, privateSubnet), privateSubnet]),
    stackPasses([vm({}, res(NET.subnet, "plain", { vpcId: unknown, cidrBlock: "10.20.2.0/24" })), res(NET.subnet, "plain", { vpcId: unknown, cidrBlock: "10.20.2.0/24" })]),
    stackViolates([vm({}, publicSubnet), publicSubnet], [{ on: "app", code: "subnetAssignsPublicIp", field: "subnetId" }]),
    stackUndecided([vm({}, res(NET.subnet, "maybe", { mapPublicIpOnLaunch: unknown })), res(NET.subnet, "maybe", { mapPublicIpOnLaunch: unknown })], [{ on: "app", fields: "Subnet.mapPublicIpOnLaunch" }]),
    // No subnet at all: the default VPC's default subnet assigns public addresses.
    stackViolates([vm({ subnetId: undefined })], [{ on: "app", code: "defaultSubnet", field: "subnetId" }]),
    stackNotApplicable([vm({ subnetId: undefined, launchTemplate: { name: "app" } })], /launch template/),
    stackPasses([vm({ subnetId: undefined, primaryNetworkInterface: { networkInterfaceId: unknown } })]),
    // A subnet from outside the stack, or one not known yet, cannot be read.
    stackUndecided([vm({ subnetId: "subnet-elsewhere" })], [{ on: "app", fields: "subnetId" }]),
    stackUndecided([vm({ subnetId: unknown })], [{ on: "app", fields: "subnetId" }]),
    stackUndecided([vm({ associatePublicIpAddress: unknown })], [{ on: "app", fields: "associatePublicIpAddress" }]),
    stackViolates([vm({ associatePublicIpAddress: "no" })], [{ on: "app", code: "wrongType", field: "associatePublicIpAddress" }]),
    stackNotApplicable([publicSubnet], /only applies to resources of type/),
    // Outputs: AWS reports the instance's address choice; subnets name each other by id.
    stackPasses([ec2InstanceOutputs(), ec2SubnetOutputs()]),
    stackViolates([ec2InstanceOutputs({ associatePublicIpAddress: true, publicIp: "203.0.113.7" })], [{ on: "app", code: "notAllowed", field: "associatePublicIpAddress" }]),
    stackViolates([asOmitted(ec2InstanceOutputs()), ec2SubnetOutputs({ mapPublicIpOnLaunch: true })], [{ on: "app", code: "subnetAssignsPublicIp" }]),
    stackGarbage([vm({ subnetId: secret("SECRET") }), res(NET.subnet, "x", { id: secret("SECRET"), mapPublicIpOnLaunch: "SECRET" })]),
    stackGarbage([vm({}, publicSubnet), { ...publicSubnet, props: { mapPublicIpOnLaunch: { SECRET: 1 } } }]),
]);

/** The outputs-shaped instance without associatePublicIpAddress (as older state may hold it). */
function asOmitted(r: ReturnType<typeof ec2InstanceOutputs>) {
    const props = { ...r.props };
    delete props.associatePublicIpAddress;
    return { ...r, props, urn: r.urn ?? undefined };
}
