import { awsTypes, booleanAttribute, serviceFact } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { valueOf } from "../../lib/rules";
import { about, defineStackPolicy, ReferenceTarget, StackOutcome } from "../../lib/stack";
import { instance, launchedFromTemplate, mapPublicIpOnLaunch, subnet, templateDecides } from "./facts";

const associatePublicIpAddress = booleanAttribute({ types: [instance], field: "associatePublicIpAddress", source: awsTypes("ec2/instance") + " (no default: the subnet's mapPublicIpOnLaunch decides)" });

serviceFact({
    about: "aws.ec2.Instance without subnetId or a network interface",
    says: "launches in the default VPC's default subnet, which assigns public IPv4 addresses (mapPublicIpOnLaunch true)",
    source: "Amazon VPC User Guide: default VPCs (default subnets)",
});

/** An instance names its subnet by the subnet's id. */
const subnetTarget: ReferenceTarget = { types: [subnet], keys: ["id"] };
const fix = "set associatePublicIpAddress: false and reach the instance through a load balancer, VPN or Session Manager";

export default defineStackPolicy({
    name: "aws-ec2-instance-no-public-ip",
    description: "EC2 instances have no public IP address: associatePublicIpAddress is false, or left to a subnet that does not assign public addresses.",
    severity: "high",
    types: [instance],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "ec2", "network", "public-access", "stack"],
    anchors: { awsConfig: ["ec2-instance-no-public-ip"], checkov: ["CKV_AWS_88"] },
    remediation:
        "Set `associatePublicIpAddress: false` on the `aws.ec2.Instance`, or launch it in a private `aws.ec2.Subnet` (`mapPublicIpOnLaunch` false, the default) " +
        "named by `subnetId: subnet.id`; reach it through a load balancer, VPN or Session Manager.",
    check: (r, stack): StackOutcome => {
        const path = associatePublicIpAddress.field;
        const own = valueOf(r.props.boolean(path), { path, expected: "a boolean", fix, absent: undefined });
        if (isOutcome(own)) return own;
        if (own !== undefined) return own ? violation({ code: "notAllowed", field: path, problem: `${path} is true`, fix }) : pass;
        // A primary network interface of its own decides the address (an aws.ec2.NetworkInterface has no public IP of its own).
        if (r.props.has("primaryNetworkInterface") || r.props.has("networkInterfaces")) return pass;
        const ref = stack.resolve(r, "subnetId", subnetTarget);
        switch (ref.state) {
            case "unknown":
                return undecided("subnetId");
            case "outside":
                // A subnet this stack does not create: what it assigns is not visible here.
                return undecided("subnetId");
            case "wrongType":
                return violation({ code: "wrongType", field: "subnetId", problem: "subnetId is not a string", fix: "set subnetId to a private subnet's id" });
            case "absent":
                if (launchedFromTemplate(r.props)) return notApplicable(templateDecides);
                return violation({ code: "defaultSubnet", field: "subnetId", problem: "subnetId is not set, so the instance launches in the default VPC's default subnet, which assigns public IP addresses", fix: "set subnetId to a private subnet's id, or associatePublicIpAddress: false" });
            case "inStack": {
                const mapped = valueOf(ref.resource.props.boolean(mapPublicIpOnLaunch.field), { path: mapPublicIpOnLaunch.field, expected: "a boolean", fix: "set mapPublicIpOnLaunch: false", absent: false });
                if (isOutcome(mapped)) return mapped.kind === "undecided" ? undecided(`Subnet.${mapPublicIpOnLaunch.field}`) : about(ref.resource, mapped);
                return mapped
                    ? violation({ code: "subnetAssignsPublicIp", field: "subnetId", problem: "associatePublicIpAddress is not set and the instance's subnet has mapPublicIpOnLaunch: true", fix: "set associatePublicIpAddress: false on the instance, or mapPublicIpOnLaunch: false on its subnet" })
                    : pass;
            }
        }
    },
});
