// Secrets Manager controls: secrets are encrypted with a customer-managed KMS key, and rotate
// (a stack check: rotation is its own aws.secretsmanager.SecretRotation that names the secret).

import { awsTypes, serviceFact, stringAttribute } from "../lib/facts";
import { integerKnob } from "../lib/knobs";
import { isOutcome, Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { Props } from "../lib/props";
import { anyOf, valueOf } from "../lib/rules";
import { defineStackPolicy, ReferenceTarget } from "../lib/stack";
import { customerManagedKey } from "./kms";

export const secret = "aws:secretsmanager/secret:Secret";

const types = [secret];
const kmsKeyId = stringAttribute({ types, field: "kmsKeyId", default: "alias/aws/secretsmanager", source: awsTypes("secretsmanager/secret") });

export const customerManagedKeyPolicy = defineResourcePolicy({
    name: "aws-secretsmanager-customer-managed-key",
    description: "Secrets Manager secrets are encrypted with a customer-managed KMS key, so access to the key (and its audit trail) is under the customer's control.",
    severity: "medium",
    types,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "10.g"],
    tags: ["aws", "secretsmanager", "encryption", "key-management"],
    anchors: { awsConfig: ["secretsmanager-using-cmk"], checkov: ["CKV_AWS_149"] },
    remediation:
        "Set `kmsKeyId` on the `aws.secretsmanager.Secret` to a customer-managed `aws.kms.Key` (when it is omitted Secrets Manager uses the AWS-managed " +
        "`aws/secretsmanager` key), and let the secret's readers use it (kms:Decrypt). Keys in another account must be given by ARN.",
    check: r =>
        customerManagedKey(r.props.string(kmsKeyId.field), {
            path: kmsKeyId.path,
            awsManagedAlias: kmsKeyId.absent!,
            fix: "set kmsKeyId to a customer-managed aws.kms.Key",
        }),
    noAutoRemediation: "which KMS key protects the secret is a person's choice, and its readers need permission to use it",
});

export const secretRotation = "aws:secretsmanager/secretRotation:SecretRotation";

/** A rotation names its secret by ARN (the secret's id) or by name. */
const secretTarget: ReferenceTarget = { types: [secret], keys: ["id", "arn", "name"] };

serviceFact({
    about: "aws.secretsmanager.SecretRotation",
    says: "rotation is its own resource naming the secret (secretId, ARN or name); rotationEnabled defaults to enabled when rotationRules is set, and false turns rotation off",
    source: awsTypes("secretsmanager/secretRotation") + "; " + awsTypes("types/input SecretRotationRotationRules"),
});

const rotateFix = "add an aws.secretsmanager.SecretRotation with secretId: this secret's id, rotationLambdaArn, and rotationRules: { automaticallyAfterDays: 90 } (or a scheduleExpression)";

/** Whether one rotation rotates the secret at least every `maximumDays` days. */
function rotates(props: Props, maximumDays: number): Outcome {
    const enabled = valueOf(props.boolean("rotationEnabled"), { path: "SecretRotation.rotationEnabled", expected: "a boolean", fix: rotateFix, absent: true });
    if (isOutcome(enabled)) return enabled;
    if (!enabled) return violation({ code: "rotationDisabled", field: "SecretRotation.rotationEnabled", problem: "the secret's aws.secretsmanager.SecretRotation turns rotation off", fix: rotateFix });
    const rules = props.single("rotationRules");
    if (rules.state === "unknown") return undecided("SecretRotation.rotationRules");
    if (rules.state !== "known") return violation({ code: "notSet", field: "SecretRotation.rotationRules", problem: "the secret's aws.secretsmanager.SecretRotation has no rotationRules", fix: rotateFix });
    const schedule = rules.value.string("scheduleExpression");
    if (schedule.state === "unknown" || (schedule.state === "known" && schedule.value.trim() !== "")) return pass; // a cron() or rate() schedule
    const days = valueOf(rules.value.number("automaticallyAfterDays"), { path: "SecretRotation.rotationRules.automaticallyAfterDays", expected: "a number", fix: rotateFix, absent: undefined });
    if (isOutcome(days)) return days;
    if (days === undefined || days <= 0) return violation({ code: "notSet", field: "SecretRotation.rotationRules", problem: "the secret's rotationRules name no schedule", fix: rotateFix });
    return days <= maximumDays
        ? pass
        : violation({ code: "aboveMaximum", field: "SecretRotation.rotationRules.automaticallyAfterDays", problem: `the secret rotates every ${days} days, more than ${maximumDays}`, fix: `set rotationRules.automaticallyAfterDays to ${maximumDays} or fewer` });
}

export const rotation = defineStackPolicy({
    name: "aws-secretsmanager-rotation",
    description: "Secrets Manager secrets rotate automatically, at least as often as the configured number of days.",
    severity: "medium",
    types: [secret],
    hipaa: ["164.308(a)(5)(ii)(D)", "164.312(d)"],
    hitrust: ["01.q"],
    tags: ["aws", "secretsmanager", "credentials", "rotation", "stack"],
    anchors: { awsConfig: ["secretsmanager-rotation-enabled-check"], checkov: ["CKV2_AWS_57"] },
    remediation:
        "Add an `aws.secretsmanager.SecretRotation` with `secretId: secret.id`, a `rotationLambdaArn` (or a managed rotation) and `rotationRules: " +
        "{ automaticallyAfterDays: 90 }` (at most `maximumRotationDays`) or a `scheduleExpression`. Pass `secret.id` so the pack can connect them at preview. " +
        "Database master passwords managed by RDS (`manageMasterUserPassword`) rotate on their own and are not `aws.secretsmanager.Secret` resources.",
    knobs: {
        maximumRotationDays: integerKnob({ default: 90, minimum: 1, maximum: 1000, description: "Most days allowed between automatic rotations (Secrets Manager allows 1 to 1000)." }),
    },
    check: (s, stack, config): Outcome => {
        const found = stack.referrers([secretRotation], "secretId", s, secretTarget);
        if (found.found.length === 0) {
            if (found.unresolved) return undecided("SecretRotation.secretId");
            return violation({ code: "missingResource", problem: "no aws.secretsmanager.SecretRotation rotates this secret", fix: rotateFix });
        }
        return anyOf(found.found.map(r => rotates(r.props, config.maximumRotationDays)), pass);
    },
});

export const policies = [customerManagedKeyPolicy];
export const stackPolicies = [rotation];
