import { booleanKnob } from "../../lib/knobs";
import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { isSet, valueOf } from "../../lib/rules";
import { cluster, encrypted } from "./facts";

const fix = 'set encrypted: "true" (a string in @pulumi/aws 7) and kmsKeyId to a customer-managed aws.kms.Key';

/** `encrypted` as the provider reads it: "true"/"false" (any case), or a boolean from older programs and state. */
function encryption(r: Resource): Outcome {
    const raw = r.props.raw(encrypted.field);
    if (typeof raw === "boolean") return raw ? pass : violation({ code: "notAllowed", field: encrypted.path, problem: "encrypted is false", fix });
    const value = valueOf(r.props.string(encrypted.field), { path: encrypted.path, expected: 'the string "true"', fix, absent: encrypted.absent! });
    if (isOutcome(value)) return value;
    const normalised = value.trim().toLowerCase();
    if (normalised === "true") return pass;
    return normalised === "false"
        ? violation({ code: "notAllowed", field: encrypted.path, problem: 'encrypted is "false"', fix })
        : violation({ code: "unrecognised", field: encrypted.path, problem: "encrypted is not a recognised value", fix });
}

export default defineResourcePolicy({
    name: "aws-redshift-encryption",
    description: "Redshift clusters encrypt their data blocks, system metadata and snapshots at rest with KMS.",
    severity: "critical",
    types: [cluster],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "redshift", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["redshift-cluster-configuration-check"], checkov: ["CKV_AWS_64"] },
    remediation:
        'Leave `encrypted` unset or set it to `"true"` on the `aws.redshift.Cluster` (a string in @pulumi/aws 7; the default is "true"). With ' +
        "`requireCustomerManagedKey`, also set `kmsKeyId` to a customer-managed `aws.kms.Key`.",
    knobs: {
        requireCustomerManagedKey: booleanKnob({ default: false, description: "Require kmsKeyId (a customer-managed KMS key) rather than the AWS-managed aws/redshift key." }),
    },
    check: (r, config) => [
        encryption(r),
        config.requireCustomerManagedKey ? isSet(r.props.string("kmsKeyId"), { path: "kmsKeyId", fix: "set kmsKeyId to the ARN of a customer-managed aws.kms.Key" }) : pass,
    ],
    noAutoRemediation: "encrypting an existing cluster migrates its data (hours, with the cluster read-only), and the key is a person's choice",
});
