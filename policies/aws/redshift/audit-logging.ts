import { serviceFact } from "../../lib/facts";
import { isOutcome, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { isSetString, Props } from "../../lib/props";
import { anyOf, valueOf } from "../../lib/rules";
import { defineStackPolicy } from "../../lib/stack";
import { cluster, clusterTarget, logging } from "./facts";

serviceFact({
    about: "aws.redshift.Logging",
    says: 'audit logging is its own resource (clusterIdentifier); logDestinationType "s3" needs bucketName, "cloudwatch" needs logExports (connectionlog, userlog, useractivitylog); a cluster without one logs nothing',
    source: "@pulumi/aws 7.48 redshift/logging.d.ts; Amazon Redshift Management Guide: database audit logging",
});

const fix = 'add an aws.redshift.Logging with clusterIdentifier: this cluster\'s id, logDestinationType: "cloudwatch" and logExports: ["connectionlog", "userlog", "useractivitylog"] (or "s3" with bucketName)';

/** Whether one Logging resource delivers audit logs somewhere. */
function delivers(props: Props): Outcome {
    const destination = valueOf(props.string("logDestinationType"), { path: "Logging.logDestinationType", expected: "a string", fix, absent: "s3" });
    if (isOutcome(destination)) return destination;
    if (destination.trim().toLowerCase() === "cloudwatch") {
        const exports = props.list("logExports");
        if (exports.state === "unknown") return undecided("Logging.logExports");
        if (exports.state === "known" && exports.value.length > 0) return pass;
        return violation({ code: "noLogExports", field: "Logging.logExports", problem: "the cluster's aws.redshift.Logging sends to CloudWatch but exports no log types", fix });
    }
    return isSetString(props.string("bucketName"))
        ? pass
        : violation({ code: "noBucket", field: "Logging.bucketName", problem: "the cluster's aws.redshift.Logging names no bucket to deliver audit logs to", fix });
}

export default defineStackPolicy({
    name: "aws-redshift-audit-logging",
    description: "Redshift clusters record connections, users and queries in audit logs delivered to S3 or CloudWatch Logs.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1270.09ad1"],
    tags: ["aws", "redshift", "logging", "stack"],
    anchors: { awsConfig: ["redshift-cluster-configuration-check"], checkov: ["CKV_AWS_71"] },
    remediation:
        "Add an `aws.redshift.Logging` with `clusterIdentifier: cluster.id` and `logDestinationType: \"cloudwatch\"` with `logExports: [\"connectionlog\", \"userlog\", " +
        "\"useractivitylog\"]` (or `\"s3\"` with a `bucketName` the Redshift service may write to). The user activity log also needs " +
        "`enable_user_activity_logging` set to true in the cluster's parameter group. Pass `cluster.id` so the pack can connect them at preview.",
    check: (c, stack): Outcome => {
        const logs = stack.referrers([logging], "clusterIdentifier", c, clusterTarget);
        if (logs.found.length === 0) {
            if (logs.unresolved) return undecided("Logging.clusterIdentifier");
            return violation({ code: "missingResource", problem: "no aws.redshift.Logging records this cluster's audit logs", fix });
        }
        return anyOf(logs.found.map(l => delivers(l.props)), pass);
    },
});
