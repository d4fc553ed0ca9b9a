// EFS controls (issue 15): file systems are encrypted at rest. The API creates them unencrypted
// unless asked (the console's default is encrypted), and encryption cannot be changed afterwards.

import { attributeRule } from "../lib/attribute-rule";
import { awsTypes, booleanAttribute } from "../lib/facts";
import { mustBeTrue } from "../lib/rules";

export const fileSystem = "aws:efs/fileSystem:FileSystem";

const encrypted = booleanAttribute({
    types: [fileSystem],
    field: "encrypted",
    default: false,
    source: `${awsTypes("efs/fileSystem")} (no default named); Amazon EFS API Reference, CreateFileSystem: Encrypted is optional and only true creates an encrypted file system (the console encrypts by default)`,
});

export const efsEncrypted = attributeRule({
    name: "aws-efs-encrypted",
    description: "EFS file systems are encrypted at rest.",
    severity: "high",
    types: [fileSystem],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "efs", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["efs-encrypted-check"], checkov: ["CKV_AWS_42"] },
    remediation:
        "Set `encrypted: true` on the `aws.efs.FileSystem`, with `kmsKeyId` set to a customer-managed `aws.kms.Key` ARN. Encryption is chosen " +
        "at creation: for an existing file system, create an encrypted one and copy the data across (AWS DataSync or AWS Backup restore).",
    requires: [mustBeTrue(encrypted)],
    noAutoRemediation: "changing encrypted replaces the file system and everything stored on it, so a person must plan the migration",
});

export const policies = [efsEncrypted];
