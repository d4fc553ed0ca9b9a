// Elastic Beanstalk controls: environments apply managed platform updates (security patches) in a
// weekly maintenance window. The option may be set on the environment or in the saved
// configuration it is created from (an aws.elasticbeanstalk.ConfigurationTemplate), so this is a
// stack check.

import { awsTypes, serviceFact } from "../lib/facts";
import { stringKnob } from "../lib/knobs";
import { isOutcome, Outcome, pass, undecided, violation } from "../lib/outcome";
import { classify, Props } from "../lib/props";
import { wrongType } from "../lib/rules";
import { defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../lib/stack";

export const environment = "aws:elasticbeanstalk/environment:Environment";
export const configurationTemplate = "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate";

const managedActions = { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled" } as const;
const updateLevel = { namespace: "aws:elasticbeanstalk:managedactions:platformupdate", name: "UpdateLevel" } as const;
const updateLevels = ["minor", "patch"];

serviceFact({
    about: "aws.elasticbeanstalk.Environment option aws:elasticbeanstalk:managedactions ManagedActionsEnabled",
    says:
        "false unless set (the console turns it on for environments it creates, the API does not); when true, PreferredStartTime and UpdateLevel " +
        "(aws:elasticbeanstalk:managedactions:platformupdate, minor or patch) must be set too",
    source: "AWS Elastic Beanstalk Developer Guide: general options for all environments (aws:elasticbeanstalk:managedactions), managed platform updates; " + awsTypes("elasticbeanstalk/environment"),
});
serviceFact({
    about: "Elastic Beanstalk option precedence",
    says: "settings on the environment win over its saved configuration (templateName), which wins over .ebextensions files in the source bundle (which a preview cannot read)",
    source: "AWS Elastic Beanstalk Developer Guide: configuration options (precedence); " + awsTypes("elasticbeanstalk/configurationTemplate"),
});

/** A saved configuration is named by its name. */
const templateTarget: ReferenceTarget = { types: [configurationTemplate], keys: ["name"] };

type Found = { readonly value: unknown; readonly where: string } | undefined;

const fixEnable =
    'add settings { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled", value: "true" } with PreferredStartTime, and UpdateLevel "minor" or "patch" in aws:elasticbeanstalk:managedactions:platformupdate';

const lower = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : undefined);

/** The value of one option in a settings list: found, absent (undefined), or undecided/wrong type. */
function optionIn(props: Props, field: string, option: { namespace: string; name: string }, where: string): Found | Outcome {
    const list = props.list(field);
    if (list.state === "absent") return undefined;
    if (list.state === "unknown") return undecided(field);
    if (list.state === "wrongType") return wrongType({ path: field, value: list.value, expected: "a list", fix: fixEnable });
    let unknown = false;
    for (const item of list.value) {
        const setting = classify(item, "object");
        if (setting.state === "unknown") unknown = true;
        if (setting.state !== "known") continue;
        const namespace = setting.value.string("namespace");
        const name = setting.value.string("name");
        if (namespace.state === "unknown" || name.state === "unknown") unknown = true;
        if (namespace.state !== "known" || name.state !== "known") continue;
        if (lower(namespace.value) !== option.namespace || lower(name.value) !== option.name.toLowerCase()) continue;
        const value = setting.value.raw("value");
        const read = classify(value, "string");
        if (read.state === "unknown") return undecided(field);
        // Outputs list every option; an empty value is one nobody set.
        if (read.state === "absent" || (read.state === "known" && read.value.trim() === "")) continue;
        return { value, where };
    }
    return unknown ? undecided(field) : undefined;
}

/** Where the option is set, in order of precedence: the environment, its recorded settings, its saved configuration. */
function optionOf(env: StackResource, stack: Stack, option: { namespace: string; name: string }): Found | Outcome {
    for (const [field, where] of [["settings", "the environment's settings"], ["allSettings", "the environment's settings"]] as const) {
        const found = optionIn(env.props, field, option, where);
        if (found !== undefined) return found;
    }
    const ref = stack.resolve(env, "templateName", templateTarget);
    switch (ref.state) {
        case "absent":
            return undefined;
        case "inStack":
            return optionIn(ref.resource.props, "settings", option, "its aws.elasticbeanstalk.ConfigurationTemplate");
        case "wrongType":
            return wrongType({ path: "templateName", value: ref.value, expected: "a string", fix: fixEnable });
        default:
            // A saved configuration managed elsewhere (or not known yet) may set it.
            return undecided("templateName");
    }
}

function check(env: StackResource, stack: Stack, level: string): Outcome {
    const enabled = optionOf(env, stack, managedActions);
    if (isOutcome(enabled)) return enabled;
    if (enabled === undefined) {
        return violation({ code: "absentDefault", field: "settings", problem: "aws:elasticbeanstalk:managedactions ManagedActionsEnabled is not set and defaults to false", fix: fixEnable });
    }
    const on = typeof enabled.value === "boolean" ? enabled.value : lower(enabled.value) === "true" ? true : lower(enabled.value) === "false" ? false : undefined;
    if (on === undefined) return violation({ code: "unrecognised", field: "settings", problem: `ManagedActionsEnabled in ${enabled.where} is not true or false`, fix: fixEnable });
    if (!on) return violation({ code: "notAllowed", field: "settings", problem: `ManagedActionsEnabled is "false" in ${enabled.where}`, fix: fixEnable });
    if (level === "any") return pass;
    const levelFix = `set UpdateLevel "${level}" in aws:elasticbeanstalk:managedactions:platformupdate`;
    const found = optionOf(env, stack, updateLevel);
    if (isOutcome(found)) return found;
    if (found === undefined) return violation({ code: "notSet", field: "settings", problem: "aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel is not set", fix: levelFix });
    const value = lower(found.value);
    if (value === level) return pass;
    return value !== undefined && updateLevels.includes(value)
        ? violation({ code: "notAllowed", field: "settings", problem: `UpdateLevel is "${value}" in ${found.where}, not "${level}"`, fix: levelFix })
        : violation({ code: "unrecognised", field: "settings", problem: `UpdateLevel in ${found.where} is not a recognised value`, fix: levelFix });
}

export const managedUpdates = defineStackPolicy({
    name: "aws-elasticbeanstalk-managed-updates",
    description: "Elastic Beanstalk environments have managed platform updates enabled, so platform security patches are applied in a weekly maintenance window.",
    severity: "medium",
    types: [environment],
    hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["0706.10b1"],
    tags: ["aws", "elasticbeanstalk", "patching", "vulnerability-management", "stack"],
    anchors: { awsConfig: ["elastic-beanstalk-managed-updates-enabled"], checkov: ["CKV_AWS_340"] },
    remediation:
        'In `settings` of the `aws.elasticbeanstalk.Environment` (or its `aws.elasticbeanstalk.ConfigurationTemplate`), set `ManagedActionsEnabled` to `"true"` and ' +
        '`PreferredStartTime` (e.g. `"Sun:02:00"`) in namespace `aws:elasticbeanstalk:managedactions`, and `UpdateLevel` (`"minor"` or `"patch"`) in ' +
        "`aws:elasticbeanstalk:managedactions:platformupdate`. Managed updates need enhanced health reporting. Options set only in .ebextensions files are not visible to a preview.",
    knobs: {
        updateLevel: stringKnob({
            default: "any",
            pattern: "^(any|minor|patch)$",
            maxLength: 5,
            allowed: 'one of "any", "minor" or "patch"',
            description: 'The UpdateLevel environments must use ("minor" or "patch", as AWS Config\'s UpdateLevel parameter), or "any" to accept either.',
        }),
    },
    check: (env, stack, config) => check(env, stack, config.updateLevel),
});

export const stackPolicies = [managedUpdates];
