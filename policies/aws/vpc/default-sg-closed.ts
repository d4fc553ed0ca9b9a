import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { about, defineStackPolicy, StackOutcome, StackResource } from "../../lib/stack";
import { defaultSecurityGroup, vpc, vpcTarget } from "./facts";

const fix = "remove every ingress and egress block from the aws.ec2.DefaultSecurityGroup and give workloads security groups of their own";

/** The rules a default security group keeps in `field`: none, undecided, or a violation. */
function rulesIn(sg: StackResource, field: "ingress" | "egress"): Outcome {
    const read = sg.props.list(field);
    switch (read.state) {
        case "absent":
            return pass;
        case "unknown":
            return undecided(field);
        case "wrongType":
            return violation({ code: "wrongType", field, problem: `${field} is not a list`, fix });
        case "known":
            return read.value.length === 0 ? pass : violation({ code: "notAllowed", field, problem: `the VPC's default security group keeps ${read.value.length} ${field} rule${read.value.length === 1 ? "" : "s"}`, fix });
    }
}

export default defineStackPolicy({
    name: "aws-vpc-default-sg-closed",
    description: "Every VPC the stack creates has its default security group closed: an aws.ec2.DefaultSecurityGroup with no ingress or egress rules.",
    severity: "medium",
    types: [vpc],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "vpc", "network", "security-group", "stack"],
    anchors: { awsConfig: ["vpc-default-security-group-closed"], checkov: ["CKV2_AWS_12"] },
    remediation:
        "Add `new aws.ec2.DefaultSecurityGroup(name, { vpcId: vpc.id })` with no `ingress` or `egress` for every `aws.ec2.Vpc`: it adopts the VPC's default group " +
        "and removes its allow-all rules. Pass `vpc.id` (not a literal id) so the pack can connect them at preview; give workloads security groups of their own.",
    check: (v, stack): StackOutcome | StackOutcome[] => {
        const groups = stack.referrers([defaultSecurityGroup], "vpcId", v, vpcTarget);
        if (groups.found.length === 0) {
            if (groups.unresolved) return undecided("DefaultSecurityGroup.vpcId");
            return violation({
                code: "missingResource",
                problem: "no aws.ec2.DefaultSecurityGroup closes this VPC's default security group, which admits all traffic between its members",
                fix: "add an aws.ec2.DefaultSecurityGroup with vpcId: this VPC's id and no ingress or egress",
            });
        }
        return groups.found.map(g => about(g, [rulesIn(g, "ingress"), rulesIn(g, "egress")]));
    },
});
