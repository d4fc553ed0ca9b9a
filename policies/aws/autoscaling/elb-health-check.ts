import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { lowerString, valueOf } from "../../lib/rules";
import { defineStackPolicy, ReferenceTarget, StackResource } from "../../lib/stack";
import { attachment, group, healthCheckType, trafficSourceAttachment } from "./facts";

/** Attachments name their group by its name (the group's id is its name). */
const groupTarget: ReferenceTarget = { types: [group], keys: ["name", "id"] };
const fix = 'set healthCheckType: "ELB" (with a healthCheckGracePeriod long enough for the instances to start)';

/** Whether the group's own lists put it behind a load balancer: true, false or "unknown". */
function listsLoadBalancers(g: StackResource): boolean | "unknown" {
    let unknown = false;
    for (const field of ["loadBalancers", "targetGroupArns", "trafficSources"]) {
        const read = g.props.list(field);
        if (read.state === "unknown") unknown = true;
        else if (read.state === "known" && read.value.length > 0) return true;
    }
    return unknown ? "unknown" : false;
}

export default defineStackPolicy({
    name: "aws-autoscaling-elb-health-check",
    description: "Auto Scaling groups behind a load balancer use its health checks (healthCheckType \"ELB\"), so instances that stop serving are replaced.",
    severity: "medium",
    types: [group],
    hipaa: ["164.308(a)(7)(ii)(C)", "164.312(b)"],
    hitrust: ["1410.09e2"],
    tags: ["aws", "autoscaling", "availability", "stack"],
    anchors: { awsConfig: ["autoscaling-group-elb-healthcheck-required"], checkov: ["CKV2_AWS_15"] },
    remediation:
        'Set `healthCheckType: "ELB"` on the `aws.autoscaling.Group` (the default is "EC2", which only notices a stopped instance) whenever it has `targetGroupArns`, ' +
        "`loadBalancers`, `trafficSources` or an `aws.autoscaling.Attachment`, with a `healthCheckGracePeriod` that covers start-up.",
    check: (g, stack): Outcome => {
        let behind = listsLoadBalancers(g);
        if (behind !== true) {
            const attached = stack.referrers([attachment, trafficSourceAttachment], "autoscalingGroupName", g, groupTarget);
            if (attached.found.length > 0) behind = true;
            else if (attached.unresolved) behind = "unknown";
        }
        const read = lowerString(g.props, healthCheckType.field);
        const value = valueOf(read.state === "known" && read.value === "" ? { state: "absent" } : read, { path: healthCheckType.field, expected: "a string", fix, absent: "ec2" });
        if (isOutcome(value)) return behind === false ? notApplicable("the group is not behind a load balancer") : value;
        const types = value.split(",").map(t => t.trim());
        if (types.includes("elb") || types.includes("vpc_lattice")) return pass;
        if (behind === false) return notApplicable("the group is not behind a load balancer");
        if (behind === "unknown") return undecided("targetGroupArns");
        return violation({ code: "notAllowed", field: healthCheckType.field, problem: `${healthCheckType.field} is ${read.state === "known" && read.value !== "" ? "not ELB" : 'not set and defaults to "EC2"'} although the group is behind a load balancer`, fix });
    },
});
