// SNS controls: messages are encrypted at rest with a KMS key.

import { awsTypes, stringAttribute } from "../lib/facts";
import { booleanKnob } from "../lib/knobs";
import { defineResourcePolicy } from "../lib/policy";
import { isSet } from "../lib/rules";
import { customerManagedKey } from "./kms";

export const topic = "aws:sns/topic:Topic";

const types = [topic];
const kmsMasterKeyId = stringAttribute({ types, field: "kmsMasterKeyId", source: awsTypes("sns/topic") });

export const topicEncryption = defineResourcePolicy({
    name: "aws-sns-topic-encryption",
    description: "SNS topics encrypt messages at rest with a KMS key (server-side encryption).",
    severity: "high",
    types,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "sns", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["sns-encrypted-kms"], checkov: ["CKV_AWS_26"] },
    remediation:
        "Set `kmsMasterKeyId` on the `aws.sns.Topic` (SNS stores messages unencrypted without it): a customer-managed `aws.kms.Key`, or `alias/aws/sns` " +
        "unless `requireCustomerManagedKey` is on. Publishers from other AWS services (CloudWatch alarms, S3 events) need a customer-managed key whose policy lets them use it.",
    knobs: {
        requireCustomerManagedKey: booleanKnob({ default: false, description: "Require a customer-managed KMS key rather than the AWS-managed alias/aws/sns (which AWS Config's sns-encrypted-kms accepts)." }),
    },
    check: (r, config) => {
        const key = r.props.string(kmsMasterKeyId.field);
        return config.requireCustomerManagedKey
            ? customerManagedKey(key, { path: kmsMasterKeyId.path, awsManagedAlias: "alias/aws/sns", fix: "set kmsMasterKeyId to a customer-managed aws.kms.Key" })
            : isSet(key, { path: kmsMasterKeyId.path, fix: 'set kmsMasterKeyId to a customer-managed aws.kms.Key (or "alias/aws/sns")', missing: "kmsMasterKeyId is not set, so messages are stored unencrypted" });
    },
    noAutoRemediation: "which KMS key encrypts the topic is a person's choice, and publishers need permission to use it",
});

export const policies = [topicEncryption];
