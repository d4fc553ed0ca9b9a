import { attributeRule } from "../../lib/attribute-rule";
import { booleanAttribute, numberAttribute } from "../../lib/facts";
import { integerKnob } from "../../lib/knobs";
import { isOutcome, pass, violation } from "../../lib/outcome";
import { mustBeAtLeast, mustBeTrue, Requirement, valueOf } from "../../lib/rules";
import { accountPasswordPolicy } from "./facts";

const types = [accountPasswordPolicy];
// The d.ts documents no defaults; IAM's API applies these to an omitted parameter.
const source = "AWS IAM API Reference: UpdateAccountPasswordPolicy (omitted parameters take their defaults)";

const requireLowercase = booleanAttribute({ types, field: "requireLowercaseCharacters", default: false, source });
const requireUppercase = booleanAttribute({ types, field: "requireUppercaseCharacters", default: false, source });
const requireNumbers = booleanAttribute({ types, field: "requireNumbers", default: false, source });
const requireSymbols = booleanAttribute({ types, field: "requireSymbols", default: false, source });
const minimumPasswordLength = numberAttribute({ types, field: "minimumPasswordLength", default: 6, source });
const passwordReusePrevention = numberAttribute({ types, field: "passwordReusePrevention", default: 0, source });
// 0 (the default): passwords never expire.
const maxPasswordAge = numberAttribute({ types, field: "maxPasswordAge", default: 0, source });

const conformancePack = "the AWS Config HIPAA conformance pack's iam-password-policy value";
const knobs = {
    minimumPasswordLength: integerKnob({ default: 14, minimum: 6, maximum: 128, description: `Fewest characters a password must have (14 is ${conformancePack}).` }),
    passwordReusePrevention: integerKnob({ default: 24, minimum: 1, maximum: 24, description: `Previous passwords a user may not reuse (24 is ${conformancePack}).` }),
    maxPasswordAge: integerKnob({ default: 90, minimum: 1, maximum: 1095, description: `Most days a password stays valid (90 is ${conformancePack}).` }),
};
type Config = { minimumPasswordLength: number; passwordReusePrevention: number; maxPasswordAge: number };

/** Passwords expire within the configured number of days (0, the default, never expires them). */
const expires: Requirement<Config> = {
    check: (props, config) => {
        const fix = `set maxPasswordAge: ${config.maxPasswordAge} (or fewer days, at least 1)`;
        const days = valueOf(props.number(maxPasswordAge.field), { path: maxPasswordAge.path, expected: "a number of days", fix, absent: 0 });
        if (isOutcome(days)) return days;
        if (days === 0) return violation({ code: props.has(maxPasswordAge.field) ? "notAllowed" : "absentDefault", field: maxPasswordAge.path, problem: "maxPasswordAge is 0 or not set, so passwords never expire", fix });
        return days <= config.maxPasswordAge ? pass : violation({ code: "aboveMaximum", field: maxPasswordAge.path, problem: `maxPasswordAge is ${days}, above ${config.maxPasswordAge}`, fix });
    },
    // Shortening the age expires passwords already in use: a person picks when.
    patch: () => ({}),
};

export default attributeRule({
    name: "aws-iam-password-policy",
    description: "The account password policy the stack defines requires long, complex, expiring passwords that cannot be reused.",
    severity: "medium",
    types,
    hipaa: ["164.308(a)(5)(ii)(D)", "164.312(d)"],
    hitrust: ["01.q"],
    tags: ["aws", "iam", "authentication", "passwords"],
    anchors: { awsConfig: ["iam-password-policy"], checkov: ["CKV_AWS_9", "CKV_AWS_10", "CKV_AWS_11", "CKV_AWS_12", "CKV_AWS_13", "CKV_AWS_14", "CKV_AWS_15"] },
    knobs,
    remediation:
        "On the `aws.iam.AccountPasswordPolicy`, set `requireLowercaseCharacters`, `requireUppercaseCharacters`, `requireNumbers` and " +
        "`requireSymbols` to true (each defaults to false), `minimumPasswordLength: 14` or more (default 6), `passwordReusePrevention: 24` " +
        "(default 0) and `maxPasswordAge: 90` or fewer (default 0, never expire); the knobs set other limits. The automatic fix sets all but " +
        "`maxPasswordAge`, since shortening it expires passwords in use. Only an account password policy the stack defines is checked.",
    requires: [
        mustBeTrue(requireLowercase),
        mustBeTrue(requireUppercase),
        mustBeTrue(requireNumbers),
        mustBeTrue(requireSymbols),
        mustBeAtLeast(minimumPasswordLength, (c: Config) => c.minimumPasswordLength),
        mustBeAtLeast(passwordReusePrevention, (c: Config) => c.passwordReusePrevention),
        expires,
    ],
    remediates: true,
});
