import { booleanKnob } from "../../lib/knobs";
import { notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { anyOf, isSet } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { bucketTarget, bucketTypes, configuring, loggingTypes } from "./facts";

const fix = "set targetBucket to the name of the bucket that receives the access logs";

export default defineStackPolicy({
    name: "aws-s3-access-logging",
    description: "S3 buckets record server access logs (who requested which object, and when) in another bucket.",
    severity: "medium",
    types: bucketTypes,
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["aws", "s3", "logging", "stack"],
    anchors: { awsConfig: ["s3-bucket-logging-enabled"], checkov: ["CKV_AWS_18"] },
    remediation:
        "Add an `aws.s3.BucketLogging` with `bucket: bucket.id`, `targetBucket: logBucket.id` and a `targetPrefix`, where `logBucket` is a " +
        "separate bucket (not the logged one: logging a bucket into itself writes a log record for every log delivery). The log bucket needs a " +
        "bucket policy letting `logging.s3.amazonaws.com` `s3:PutObject`. Buckets that receive access logs are exempt while `exemptLogTargets` is true.",
    knobs: {
        exemptLogTargets: booleanKnob({
            default: true,
            description: "Exempt buckets that receive another in-stack bucket's server access logs (logging them too would need yet another bucket).",
        }),
    },
    check: (bucket, stack, config): Outcome => {
        const logging = configuring(bucket, stack, loggingTypes);
        if (logging.found.length > 0) {
            const outcomes = logging.found.map(l => isSet(l.props.string("targetBucket"), { path: "targetBucket", fix }));
            return concerning(anyOf(outcomes, pass), { prefix: "the bucket's access logging: ", owner: "BucketLogging" });
        }
        const inline = bucket.props.single("logging");
        if (inline.state === "unknown") return undecided("logging");
        if (inline.state === "known") return isSet(inline.value.string("targetBucket"), { path: "logging.targetBucket", fix });
        if (config.exemptLogTargets && stack.referrers(loggingTypes, "targetBucket", bucket, bucketTarget).found.length > 0) {
            return notApplicable("the bucket receives server access logs of another bucket in the stack");
        }
        if (logging.unresolved) return undecided("BucketLogging.bucket");
        return violation({
            code: "missingResource",
            problem: "no aws.s3.BucketLogging records access to this bucket",
            fix: "add an aws.s3.BucketLogging with bucket: this bucket's id and targetBucket: a separate log bucket",
        });
    },
});
