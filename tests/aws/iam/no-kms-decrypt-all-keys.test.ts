// kms:Decrypt / kms:ReEncryptFrom on every key: directly or through wildcards or NotAction, on `*`,
// a wildcard key id or NotResource; the blockedActions knob.

import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { iamDocument, iamGroupPolicy, iamPolicy, iamPolicyOutputs, iamRole, iamRolePolicy, KMS_KEY_ARN, scopedStatement } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const found = { code: "kmsActionOnAllKeys", field: "policy" };
const allow = (statement: Record<string, unknown>) => iamPolicy({ policy: iamDocument({ Effect: "Allow", Resource: "*", ...statement }) });

policyCases("aws-iam-no-kms-decrypt-all-keys", [
    passes(iamPolicy()),
    violates(allow({ Action: "kms:Decrypt" }), found),
    violates(allow({ Action: "kms:ReEncryptFrom" }), found),
    violates(allow({ Action: "kms:ReEncrypt*" }), found),
    violates(allow({ Action: "kms:*" }), found),
    violates(allow({ Action: "kms:Dec?ypt" }), found),
    violates(allow({ Action: "*" }), found),
    violates(allow({ Action: "KMS:decrypt" }), found),
    violates(allow({ NotAction: "s3:*" }), found),
    violates(allow({ Action: "kms:Decrypt", Resource: "arn:aws:kms:*:111122223333:key/*" }), found),
    violates(allow({ Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111122223333:*" }), found),
    violates(iamPolicy({ policy: iamDocument({ Effect: "Allow", Action: "kms:Decrypt", NotResource: KMS_KEY_ARN }) }), found),
    // Conditions do not change it (AWS Config does not read them).
    violates(allow({ Action: "kms:Decrypt", Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }), found),
    violates(iamRolePolicy({ policy: iamDocument({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }) }), found),
    violates(iamGroupPolicy({ policy: iamDocument({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }) }), found),
    violates(iamRole({ inlinePolicies: [{ name: "kms", policy: iamDocument({ Effect: "Allow", Action: "kms:*", Resource: "*" }) }] }), { code: "kmsActionOnAllKeys", field: "inlinePolicies[0].policy" }),
    // Named keys, other actions, a key id prefix, aliases, a NotAction that leaves them out, a Deny.
    passes(allow({ Action: "kms:Decrypt", Resource: KMS_KEY_ARN })),
    passes(allow({ Action: ["kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncryptTo"] })),
    passes(allow({ Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111122223333:key/1234*" })),
    passes(allow({ Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111122223333:alias/*" })),
    passes(allow({ NotAction: ["kms:Decrypt", "kms:ReEncrypt*"] })),
    passes(iamPolicy({ policy: iamDocument({ Effect: "Deny", Action: "kms:*", Resource: "*" }) })),
    notApplicable(iamRole(), /no inline policies/),
    // The knob: other actions.
    violates(allow({ Action: "kms:CreateGrant" }), found, { blockedActions: ["kms:CreateGrant"] }),
    passes(allow({ Action: "kms:Decrypt" }), { blockedActions: ["kms:CreateGrant"] }),
    misconfigured(iamPolicy(), { blockedActions: [] }, "blockedActions"),
    misconfigured(iamPolicy(), { blockedActions: ["kms:*"] }, "blockedActions"),
    misconfigured(iamPolicy(), { blockedActions: "kms:Decrypt" }, "blockedActions"),
    undecided(iamPolicy({ policy: unknown }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: unknown }] } }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [unknown], Resource: "*" }] } }), "policy"),
    // A named key, unknown at preview (a key's ARN), with a known all-keys statement beside it.
    violates(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: unknown }, { Effect: "Allow", Action: "kms:*", Resource: "*" }] } }), { code: "kmsActionOnAllKeys", field: "policy" }),
    garbage(iamPolicy({ policy: iamDocument({ Effect: "Allow", Action: "kms:Decrypt", Resource: [null, 3, "SECRET*"] }) })),
    passes(iamPolicyOutputs()),
    violates(iamPolicyOutputs({ policy: iamDocument(scopedStatement, { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }) }), found),
    noAutoRemediation(allow({ Action: "kms:Decrypt" })),
]);
