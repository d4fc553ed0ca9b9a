import { notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { anyOf, elementsOf } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { bucketTypes, configuring, keepsVersions, lifecycleTypes } from "./facts";

const role = { noun: "bucket" };
const fix = 'add a rule with status: "Enabled" and noncurrentVersionExpiration: { noncurrentDays: ... } (or noncurrentVersionTransitions)';

/** Whether a rule acts on noncurrent versions. */
function actsOnNoncurrent(rule: Props): Outcome {
    const expiry = rule.single("noncurrentVersionExpiration");
    const transitions = rule.list("noncurrentVersionTransitions");
    if (expiry.state === "known" || (transitions.state === "known" && transitions.value.length > 0)) return pass;
    return expiry.state === "unknown" || transitions.state === "unknown" ? undecided("rules[].noncurrentVersionExpiration") : violation({ code: "noNoncurrentRule", field: "rules", problem: "", fix });
}

/** Some enabled rule expires or transitions noncurrent versions. `enabled` reads a rule's on switch. */
function expiresNoncurrent(config: Props, field: string, enabled: (rule: Props) => Outcome): Outcome {
    const { elements, outcomes } = elementsOf(config, { field, fix });
    for (const e of elements) {
        const on = enabled(e.props);
        outcomes.push(on.kind === "pass" ? actsOnNoncurrent(e.props) : on);
    }
    return anyOf(outcomes.filter(o => o.kind !== "violation"), violation({ code: "noNoncurrentRule", field, problem: `no enabled rule of ${field} expires or transitions noncurrent object versions`, fix }));
}

const statusEnabled = (rule: Props): Outcome => {
    const status = rule.string("status");
    return status.state === "unknown" ? undecided("rules[].status") : status.state === "known" && status.value === "Enabled" ? pass : violation({ code: "disabled", problem: "", fix });
};
const inlineEnabled = (rule: Props): Outcome => {
    const on = rule.boolean("enabled");
    return on.state === "unknown" ? undecided("lifecycleRules[].enabled") : on.state === "known" && on.value ? pass : violation({ code: "disabled", problem: "", fix });
};

export default defineStackPolicy({
    name: "aws-s3-version-lifecycle",
    description: "Versioned S3 buckets have a lifecycle rule for noncurrent object versions, so old versions are expired or moved on a schedule rather than kept without limit.",
    severity: "low",
    types: bucketTypes,
    hipaa: ["164.308(a)(7)(ii)(A)", "164.312(c)(1)"],
    hitrust: ["1616.09l1"],
    tags: ["aws", "s3", "retention", "backup", "stack"],
    anchors: { awsConfig: ["s3-version-lifecycle-policy-check"], checkov: ["CKV2_AWS_61"] },
    remediation:
        "Add an `aws.s3.BucketLifecycleConfiguration` with `bucket: bucket.id` and a rule `{ id: \"noncurrent\", status: \"Enabled\", filter: {}, " +
        "noncurrentVersionExpiration: { noncurrentDays: ... } }` (or `noncurrentVersionTransitions` to a colder storage class), with a period " +
        "that meets your retention policy (HIPAA documentation: six years). Unversioned buckets are not checked.",
    check: (bucket, stack): Outcome => {
        const versioned = keepsVersions(bucket, stack, role);
        if (versioned.kind === "violation") return notApplicable("the bucket does not keep object versions");
        if (versioned.kind === "undecided") return versioned;
        const configs = configuring(bucket, stack, lifecycleTypes);
        const outcomes = configs.found.map(c => concerning(expiresNoncurrent(c.props, "rules", statusEnabled), { prefix: "the bucket's lifecycle configuration: ", owner: "BucketLifecycleConfiguration" }));
        if (bucket.props.has("lifecycleRules")) outcomes.push(expiresNoncurrent(bucket.props, "lifecycleRules", inlineEnabled));
        if (configs.unresolved) outcomes.push(undecided("BucketLifecycleConfiguration.bucket"));
        return anyOf(outcomes, violation({
            code: "missingResource",
            problem: "no aws.s3.BucketLifecycleConfiguration expires or transitions this versioned bucket's noncurrent versions",
            fix: `add an aws.s3.BucketLifecycleConfiguration with bucket: this bucket's id; ${fix}`,
        }));
    },
});
