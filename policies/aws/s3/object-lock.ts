import { awsTypes, booleanAttribute, stringAttribute } from "../../lib/facts";
import { Outcome, pass, undecided } from "../../lib/outcome";
import { anyOf, mustBeOneOf, mustBeTrue } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { bucketTypes, configuring, objectLockConfigTypes } from "./facts";

const objectLockEnabled = booleanAttribute({ types: bucketTypes, field: "objectLockEnabled", default: false, source: `${awsTypes("s3/bucket")} (no default named; S3 creates buckets without Object Lock)` });
const lockValues = ["Enabled"];
const configEnabled = stringAttribute({ types: objectLockConfigTypes, field: "objectLockEnabled", default: "Enabled", values: lockValues, source: awsTypes("s3/bucketObjectLockConfiguration") });

const onBucket = mustBeTrue(objectLockEnabled, { fix: "set objectLockEnabled: true on the bucket (this replaces an existing bucket) or add an aws.s3.BucketObjectLockConfiguration for it" });
const onConfig = mustBeOneOf(configEnabled, lockValues, { fix: 'remove objectLockEnabled or set it to "Enabled"' });

export default defineStackPolicy({
    name: "aws-s3-object-lock",
    description: "S3 buckets have Object Lock enabled, so object versions can be protected from deletion and overwrite (WORM).",
    severity: "medium",
    types: bucketTypes,
    hipaa: ["164.312(c)(1)", "164.308(a)(7)(ii)(A)"],
    hitrust: ["1616.09l1", "1618.09l1"],
    tags: ["aws", "s3", "integrity", "backup", "stack"],
    anchors: { awsConfig: ["s3-bucket-default-lock-enabled"], checkov: ["CKV_AWS_143"] },
    remediation:
        "Set `objectLockEnabled: true` on the `aws.s3.Bucket` (a new bucket: changing it replaces the bucket), or add an " +
        "`aws.s3.BucketObjectLockConfiguration` with `bucket: bucket.id` for an existing versioned bucket, ideally with a default retention " +
        "`rule: { defaultRetention: { mode: \"GOVERNANCE\", days: ... } }`. Object Lock needs versioning. Note that a bucket receiving server " +
        "access logs must not have a default retention period.",
    check: (bucket, stack): Outcome => {
        const configs = configuring(bucket, stack, objectLockConfigTypes);
        const outcomes = [onBucket.check(bucket.props, {})];
        // The deprecated inline block enables it only when it says "Enabled" (a deployed bucket reads it back empty otherwise).
        const inline = bucket.props.within("objectLockConfiguration", "objectLockEnabled", "string");
        if (inline.state === "unknown") outcomes.push(undecided("objectLockConfiguration.objectLockEnabled"));
        else if (inline.state === "known" && inline.value === "Enabled") outcomes.push(pass);
        outcomes.push(...configs.found.map(c => concerning(onConfig.check(c.props, {}), { prefix: "the bucket's Object Lock configuration: ", owner: "BucketObjectLockConfiguration" })));
        if (configs.unresolved) outcomes.push(undecided("BucketObjectLockConfiguration.bucket"));
        // Any one of them enables Object Lock; when none does, the bucket's own flag is the finding.
        return anyOf(outcomes, pass);
    },
});
