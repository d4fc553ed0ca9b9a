// Kinesis Data Streams controls: records are encrypted at rest with a KMS key.

import { awsTypes, stringAttribute } from "../lib/facts";
import { booleanKnob } from "../lib/knobs";
import { defineResourcePolicy } from "../lib/policy";
import { isSet, mustBeOneOf } from "../lib/rules";
import { customerManagedKey } from "./kms";

export const stream = "aws:kinesis/stream:Stream";

const types = [stream];
const source = awsTypes("kinesis/stream");
const encryptionType = stringAttribute({ types, field: "encryptionType", default: "NONE", values: ["NONE", "KMS"], source });
const kmsKeyId = stringAttribute({ types, field: "kmsKeyId", source });

const keyFix = 'set kmsKeyId to a customer-managed aws.kms.Key (or "alias/aws/kinesis")';
const kmsEncryption = mustBeOneOf(encryptionType, ["KMS"], { fix: `set encryptionType: "KMS" and ${keyFix}` });

export const streamEncryption = defineResourcePolicy({
    name: "aws-kinesis-stream-encryption",
    description: "Kinesis data streams encrypt records at rest with a KMS key (server-side encryption).",
    severity: "high",
    types,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "kinesis", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["kinesis-stream-encrypted"], checkov: ["CKV_AWS_43"] },
    remediation:
        'Set `encryptionType: "KMS"` (the default is "NONE") and `kmsKeyId` on the `aws.kinesis.Stream`: a customer-managed `aws.kms.Key`, or `alias/aws/kinesis` ' +
        "unless `requireCustomerManagedKey` is on. Producers and consumers need kms:GenerateDataKey and kms:Decrypt on a customer-managed key.",
    knobs: {
        requireCustomerManagedKey: booleanKnob({ default: false, description: "Require a customer-managed KMS key rather than the AWS-managed alias/aws/kinesis." }),
    },
    check: (r, config) => {
        const encrypted = kmsEncryption.check(r.props, undefined);
        if (encrypted.kind !== "pass") return encrypted;
        const key = r.props.string(kmsKeyId.field);
        return config.requireCustomerManagedKey
            ? customerManagedKey(key, { path: kmsKeyId.path, awsManagedAlias: "alias/aws/kinesis", fix: "set kmsKeyId to a customer-managed aws.kms.Key" })
            : isSet(key, { path: kmsKeyId.path, fix: keyFix, missing: 'kmsKeyId is not set, which encryptionType "KMS" requires' });
    },
    noAutoRemediation: "which KMS key encrypts the stream is a person's choice, and producers and consumers need permission to use it",
});

export const policies = [streamEncryption];
