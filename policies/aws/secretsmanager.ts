// Secrets Manager controls: secrets are encrypted with a customer-managed KMS key.

import { awsTypes, stringAttribute } from "../lib/facts";
import { defineResourcePolicy } from "../lib/policy";
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

export const policies = [customerManagedKeyPolicy];
