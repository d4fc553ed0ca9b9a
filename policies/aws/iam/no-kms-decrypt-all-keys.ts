import { cloudFact } from "../../lib/facts";
import { Knob } from "../../lib/knobs";
import { defineResourcePolicy } from "../../lib/policy";
import { documentTypes, judgeDocuments } from "./facts";
import { grantsBlockedKmsAction } from "./grants";

const kmsActionPattern = "^kms:[A-Za-z]+$";
const kmsAction = new RegExp(kmsActionPattern);
const pack = cloudFact(
    {
        about: "AWS Config HIPAA conformance pack iam-customer-policy-blocked-kms-actions, iam-inline-policy-blocked-kms-actions",
        says: "blockedActionsPatterns kms:Decrypt,kms:ReEncryptFrom",
        source: "awslabs/aws-config-rules aws-config-conformance-packs/Operational-Best-Practices-for-HIPAA-Security.yaml",
    },
    ["kms:Decrypt", "kms:ReEncryptFrom"],
);

const blockedActions: Knob<readonly string[]> = {
    schema: {
        type: "array",
        items: { type: "string", pattern: kmsActionPattern },
        uniqueItems: true,
        minItems: 1,
        maxItems: 20,
        default: [...pack],
        description: "KMS actions no identity policy may allow on every key (full action names such as kms:Decrypt; the HIPAA conformance pack's list is the default).",
    },
    default: pack,
    allowed: "a list of 1 to 20 distinct KMS action names such as kms:Decrypt",
    parse: v => (Array.isArray(v) && v.length >= 1 && v.length <= 20 && v.every(x => typeof x === "string" && kmsAction.test(x)) && new Set(v).size === v.length ? (v as string[]) : undefined),
};

export default defineResourcePolicy({
    name: "aws-iam-no-kms-decrypt-all-keys",
    description: "No IAM policy (managed or inline) allows decrypting with every KMS key (kms:Decrypt or kms:ReEncryptFrom on Resource \"*\").",
    severity: "high",
    types: documentTypes,
    hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)"],
    hitrust: ["01.c", "10.g"],
    tags: ["aws", "iam", "kms", "access-control", "least-privilege"],
    anchors: { awsConfig: ["iam-customer-policy-blocked-kms-actions", "iam-inline-policy-blocked-kms-actions"] },
    knobs: { blockedActions },
    remediation:
        "In `Allow` statements that allow `kms:Decrypt` or `kms:ReEncryptFrom` (directly, or through `kms:*`, `kms:ReEncrypt*`, `*` or a " +
        "`NotAction` that leaves them out), replace `Resource: \"*\"` (or a key ARN with a wildcard key id, or `NotResource`) with the ARNs " +
        "of the keys the principal needs. Conditions do not change the finding (AWS Config does not read them either). The `blockedActions` " +
        "knob lists the actions (default: the HIPAA conformance pack's `kms:Decrypt`, `kms:ReEncryptFrom`).",
    check: (resource, config) =>
        judgeDocuments(resource, {
            code: "kmsActionOnAllKeys",
            test: s => ({ found: grantsBlockedKmsAction(s, config.blockedActions), problem: "allows a blocked KMS action (such as kms:Decrypt) on every KMS key" }),
            fix: 'replace Resource "*" with the ARNs of the KMS keys the principal needs',
            noDocuments: "the role has no inline policies",
        }),
    noAutoRemediation: "which keys the principal needs is a person's decision",
});
