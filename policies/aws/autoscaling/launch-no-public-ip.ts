import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { classify } from "../../lib/props";
import { elementsOf, valueOf, wrongType } from "../../lib/rules";
import { launchConfigPublicIp, launchConfiguration, launchTemplate, templatePublicIp } from "./facts";

const fix = "set associatePublicIpAddress: false (or remove it and launch in private subnets) and reach instances through a load balancer";

export default defineResourcePolicy({
    name: "aws-autoscaling-launch-no-public-ip",
    description: "Launch configurations and launch templates do not give the instances they launch public IP addresses.",
    severity: "high",
    types: [launchConfiguration, launchTemplate],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "autoscaling", "ec2", "network", "public-access"],
    anchors: { awsConfig: ["autoscaling-launch-config-public-ip-disabled"], checkov: ["CKV_AWS_389"] },
    remediation:
        "Remove `associatePublicIpAddress` or set it to false on the `aws.ec2.LaunchConfiguration`, and `networkInterfaces[].associatePublicIpAddress` " +
        '(a string: "false") on the `aws.ec2.LaunchTemplate`; when omitted, the subnets decide (aws-vpc-subnet-no-public-ip). Put the group behind a load balancer.',
    noAutoRemediation: "instances that reach the internet through their public address need a NAT gateway or endpoints first, a decision only a person can make",
    check: (r): Outcome | Outcome[] => {
        if (r.type === launchConfiguration) {
            const path = launchConfigPublicIp.field;
            const value = valueOf(r.props.boolean(path), { path, expected: "a boolean", fix, absent: false });
            if (isOutcome(value)) return value;
            return value ? violation({ code: "notAllowed", field: path, problem: `${path} is true`, fix }) : pass;
        }
        const { elements, outcomes } = elementsOf(r.props, { field: "networkInterfaces", fix });
        for (const e of elements) {
            const path = `${e.path}.${templatePublicIp.field}`;
            const raw = e.props.raw(templatePublicIp.field);
            // A program's boolean is taken as meant; the provider stores the string.
            const read = typeof raw === "boolean" ? { state: "known" as const, value: String(raw) } : classify(raw, "string");
            if (read.state === "wrongType") outcomes.push(wrongType({ path, value: read.value, expected: 'the string "true" or "false"', fix }));
            else if (read.state === "unknown") outcomes.push({ kind: "undecided", field: path });
            else if (read.state === "known" && read.value.trim().toLowerCase() === "true") outcomes.push(violation({ code: "notAllowed", field: path, problem: `${path} is "true"`, fix }));
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
});
