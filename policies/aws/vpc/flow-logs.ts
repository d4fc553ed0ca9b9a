import { awsTypes, stringAttribute } from "../../lib/facts";
import { booleanKnob } from "../../lib/knobs";
import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { anyOf, mustBeOneOf } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { flowLog, vpc, vpcTarget } from "./facts";

const trafficType = stringAttribute({ types: [flowLog], field: "trafficType", values: ["ACCEPT", "REJECT", "ALL"], source: awsTypes("ec2/flowLog") });
const capturesAll = mustBeOneOf(trafficType, ["ALL"], { fix: 'set trafficType: "ALL" on the VPC\'s aws.ec2.FlowLog' });

export default defineStackPolicy({
    name: "aws-vpc-flow-logs",
    description: "Every VPC the stack creates records its network traffic with a VPC flow log.",
    severity: "medium",
    types: [vpc],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1", "12100.09ab2"],
    tags: ["aws", "vpc", "network", "logging", "monitoring", "stack"],
    anchors: { awsConfig: ["vpc-flow-logs-enabled"], checkov: ["CKV2_AWS_11"] },
    remediation:
        "Add an `aws.ec2.FlowLog` with `vpcId: vpc.id` and `trafficType: \"ALL\"` for every `aws.ec2.Vpc`, delivering to an encrypted " +
        "CloudWatch Logs group kept six years (`logDestination` plus `iamRoleArn`) or to S3 (`logDestinationType: \"s3\"`).\n" +
        "Pass `vpc.id` (not a literal id) so the pack can connect them at preview.",
    knobs: {
        requireAllTraffic: booleanKnob({
            default: true,
            description: "Require the VPC's flow logs to capture ALL traffic (accepted and rejected), not only one kind.",
        }),
    },
    check: (v, stack, config): Outcome => {
        const logs = stack.referrers([flowLog], "vpcId", v, vpcTarget);
        if (logs.found.length === 0) {
            if (logs.unresolved) return undecided("FlowLog.vpcId");
            return violation({ code: "missingResource", problem: "no aws.ec2.FlowLog records this VPC's traffic", fix: 'add an aws.ec2.FlowLog with vpcId: this VPC\'s id and trafficType: "ALL"' });
        }
        if (!config.requireAllTraffic) return pass;
        // One log of accepted and one of rejected traffic together record everything.
        const kinds = new Set(logs.found.map(l => l.props.string(trafficType.field)).map(read => (read.state === "known" ? read.value : "")));
        if (kinds.has("ACCEPT") && kinds.has("REJECT")) return pass;
        const outcomes = logs.found.map(l => capturesAll.check(l.props, config));
        return concerning(anyOf(outcomes, pass), { prefix: "the VPC's flow log records only part of its traffic: ", owner: "FlowLog" });
    },
});
