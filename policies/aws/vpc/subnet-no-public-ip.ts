import { attributeRule } from "../../lib/attribute-rule";
import { mustBeFalse } from "../../lib/rules";
import { mapPublicIpOnLaunch, subnet } from "./facts";

export default attributeRule({
    name: "aws-vpc-subnet-no-public-ip",
    description: "Subnets do not give the instances launched in them public IP addresses (mapPublicIpOnLaunch false, the default).",
    severity: "medium",
    types: [subnet],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "vpc", "network", "public-access"],
    anchors: { awsConfig: ["subnet-auto-assign-public-ip-disabled"], checkov: ["CKV_AWS_130"] },
    remediation:
        "Remove `mapPublicIpOnLaunch` or set it to false on the `aws.ec2.Subnet` (the default is false). Put what the internet must reach behind a load balancer, " +
        "and give a public subnet's few instances that need an address an explicit `associatePublicIpAddress` or an Elastic IP.",
    requires: [mustBeFalse(mapPublicIpOnLaunch)],
    noAutoRemediation: "instances already relying on the subnet's public addresses lose internet access; how they reach it instead is a decision only a person can make",
});
