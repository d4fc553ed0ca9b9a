// What the pack knows about EC2 Auto Scaling: the group and its attachments, the launch
// configurations and templates it launches from, and how a group is put behind a load balancer.

import { awsTypes, booleanAttribute, stringAttribute } from "../../lib/facts";
import { launchConfiguration, launchTemplate } from "../ec2/facts";

export { launchConfiguration, launchTemplate };
export const group = "aws:autoscaling/group:Group";
export const attachment = "aws:autoscaling/attachment:Attachment";
export const trafficSourceAttachment = "aws:autoscaling/trafficSourceAttachment:TrafficSourceAttachment";

export const launchConfigPublicIp = booleanAttribute({
    types: [launchConfiguration], field: "associatePublicIpAddress", source: awsTypes("ec2/launchConfiguration") + " (no default: the subnet's mapPublicIpOnLaunch decides)",
});
// A string ("true"/"false") in the launch template's network interfaces, with no default.
export const templatePublicIp = stringAttribute({
    types: [launchTemplate], block: "networkInterfaces[]", field: "associatePublicIpAddress", values: ["true", "false"],
    source: awsTypes("ec2/launchTemplate") + " (types/input.d.ts LaunchTemplateNetworkInterface: a string, no default)",
});
export const healthCheckType = stringAttribute({
    types: [group], field: "healthCheckType", default: "EC2", values: ["EC2", "ELB", "EBS", "VPC_LATTICE"],
    source: awsTypes("autoscaling/group") + "; Amazon EC2 Auto Scaling API Reference: CreateAutoScalingGroup HealthCheckType (comma-separated; EC2 is the default and always on)",
});
