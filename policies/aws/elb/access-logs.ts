import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf, isSet, isTrue } from "../../lib/rules";
import { applicationOnly, classicAccessLogsEnabled, classicLoadBalancer, v2AccessLogsEnabled, v2LoadBalancers } from "./facts";

const fix = "set accessLogs: { bucket: <an S3 bucket with SSE-S3 encryption and an ELB log-delivery bucket policy>, enabled: true }";

export default defineResourcePolicy({
    name: "aws-elb-access-logs",
    description: "Application and Classic Load Balancers deliver access logs of every request to S3.",
    severity: "medium",
    types: [...v2LoadBalancers, classicLoadBalancer],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1", "12100.09ab2"],
    tags: ["aws", "elb", "logging", "monitoring"],
    anchors: { awsConfig: ["elb-logging-enabled"], checkov: ["CKV_AWS_91", "CKV_AWS_92"] },
    remediation:
        "Set `accessLogs: { bucket: logBucket.id, enabled: true }` on the `aws.lb.LoadBalancer` (`enabled` defaults to false even with a bucket) or on the " +
        "`aws.elb.LoadBalancer` (there `enabled` defaults to true once the block is present). The bucket must be in the load balancer's region, encrypted with " +
        "SSE-S3 (`AES256`: ELB cannot deliver to SSE-KMS buckets), and its policy must let Elastic Load Balancing's log delivery put objects.",
    noAutoRemediation: "the log bucket, its encryption and its bucket policy must be chosen and prepared first, or the load balancer update fails",
    check: (r): Outcome | Outcome[] => {
        const classic = r.type === classicLoadBalancer;
        if (!classic) {
            const scope = applicationOnly(r.props, "this check (Network Load Balancers log TLS connections only; Gateway Load Balancers have no access logs)");
            if (scope) return scope;
        }
        const block = blockOf(r.props.single("accessLogs"), { path: "accessLogs", fix });
        if (isOutcome(block)) return block;
        // Omitted, or the empty list an export keeps for it.
        if (r.props.single("accessLogs").state === "absent") return violation({ code: "absentDefault", field: "accessLogs", problem: "accessLogs is not set, so no access logs are delivered", fix });
        const attribute = classic ? classicAccessLogsEnabled : v2AccessLogsEnabled;
        const enabled = isTrue(block.boolean("enabled"), { path: attribute.path, absentMeans: attribute.absent ?? false, fix: "set accessLogs.enabled: true" });
        const bucket = isSet(block.string("bucket"), { path: "accessLogs.bucket", fix: "set accessLogs.bucket to the log bucket's name" });
        const findings = [enabled, bucket].filter(o => o.kind !== "pass");
        return findings.length === 0 ? pass : findings;
    },
});
