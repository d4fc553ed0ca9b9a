// The account password policy the stack defines: complexity, length, reuse and age, with IAM's
// defaults for omitted values and the knobs.

import { garbage, misconfigured, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { accountPasswordPolicy, accountPasswordPolicyOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-iam-password-policy", [
    passes(accountPasswordPolicy()),
    passes(accountPasswordPolicy({ minimumPasswordLength: 20, maxPasswordAge: 30 })),
    violates(accountPasswordPolicy({ requireSymbols: false }), { code: "notAllowed", field: "requireSymbols" }),
    violates(accountPasswordPolicy({ requireNumbers: undefined }), { code: "absentDefault", field: "requireNumbers" }),
    violates(accountPasswordPolicy({ minimumPasswordLength: 8 }), { code: "belowMinimum", field: "minimumPasswordLength" }),
    violates(accountPasswordPolicy({ minimumPasswordLength: undefined }), { code: "absentDefault", field: "minimumPasswordLength" }),
    violates(accountPasswordPolicy({ passwordReusePrevention: 5 }), { code: "belowMinimum", field: "passwordReusePrevention" }),
    violates(accountPasswordPolicy({ maxPasswordAge: 365 }), { code: "aboveMaximum", field: "maxPasswordAge" }),
    violates(accountPasswordPolicy({ maxPasswordAge: 0 }), { code: "notAllowed", field: "maxPasswordAge" }),
    violates(accountPasswordPolicy({ maxPasswordAge: undefined }), { code: "absentDefault", field: "maxPasswordAge" }),
    // Nothing set: every IAM default is weaker than the pack's.
    violates({ type: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy", name: "defaults", props: {} }, [
        { code: "absentDefault", field: "requireLowercaseCharacters" },
        { code: "absentDefault", field: "requireUppercaseCharacters" },
        { code: "absentDefault", field: "requireNumbers" },
        { code: "absentDefault", field: "requireSymbols" },
        { code: "absentDefault", field: "minimumPasswordLength" },
        { code: "absentDefault", field: "passwordReusePrevention" },
        { code: "absentDefault", field: "maxPasswordAge" },
    ]),
    // Knobs.
    passes(accountPasswordPolicy({ minimumPasswordLength: 12, passwordReusePrevention: 12, maxPasswordAge: 180 }), { minimumPasswordLength: 12, passwordReusePrevention: 12, maxPasswordAge: 180 }),
    violates(accountPasswordPolicy(), { code: "belowMinimum", field: "minimumPasswordLength" }, { minimumPasswordLength: 16 }),
    misconfigured(accountPasswordPolicy(), { minimumPasswordLength: 4 }, "minimumPasswordLength"),
    misconfigured(accountPasswordPolicy(), { maxPasswordAge: 0 }, "maxPasswordAge"),
    undecided(accountPasswordPolicy({ minimumPasswordLength: unknown, maxPasswordAge: unknown }), ["minimumPasswordLength", "maxPasswordAge"]),
    violates(accountPasswordPolicy({ maxPasswordAge: "ninety" }), { code: "wrongType", field: "maxPasswordAge" }),
    garbage(accountPasswordPolicy({ requireSymbols: "SECRET", minimumPasswordLength: { SECRET: 1 }, maxPasswordAge: [unknown] })),
    // Outputs-shaped (numbers as strings in older state).
    passes(accountPasswordPolicyOutputs()),
    passes(accountPasswordPolicyOutputs({ minimumPasswordLength: "14", maxPasswordAge: "90", passwordReusePrevention: "24" })),
    violates(accountPasswordPolicyOutputs({ maxPasswordAge: 0, expirePasswords: false }), { code: "notAllowed", field: "maxPasswordAge" }),
    // The fix strengthens complexity, length and reuse; it never shortens the password age.
    remediates(accountPasswordPolicy({ requireSymbols: false, minimumPasswordLength: 8, passwordReusePrevention: undefined }), { requireSymbols: true, minimumPasswordLength: 14, passwordReusePrevention: 24 }),
    remediates(accountPasswordPolicy({ maxPasswordAge: 365 }), "nothing"),
    remediates(accountPasswordPolicy({ minimumPasswordLength: unknown }), "nothing"),
]);
