import { isOutcome, notApplicable, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { elementsOf, isTrue, lowerString, Patch, valueOf } from "../../lib/rules";
import { firewall, firewallEnableLogging, firewallTypes, ruleEnableLogging, withRulesTypes } from "./facts";

const logConfigFix = 'set logConfig: { metadata: "INCLUDE_ALL_METADATA" }';

/** A VPC firewall rule logs when it has a logConfig block, or the deprecated enableLogging: true. */
function firewallLogs(props: Props): Outcome {
    const block = valueOf(props.single("logConfig"), { path: "logConfig", expected: "a block", fix: logConfigFix, absent: undefined });
    if (isOutcome(block)) return block;
    if (block !== undefined) return pass;
    const legacy = valueOf(props.boolean(firewallEnableLogging.field), { path: firewallEnableLogging.field, expected: "a boolean", fix: logConfigFix, absent: false });
    if (isOutcome(legacy)) return legacy;
    return legacy ? pass : violation({ code: "loggingOff", field: "logConfig", problem: "logConfig is not set, so Firewall Rules Logging is off for this rule", fix: logConfigFix });
}

/** A firewall policy rule (at `prefix`) logs when enableLogging is true; disabled and goto_next rules are not applicable. */
function ruleLogs(rule: Props, prefix: string): Outcome {
    const disabled = rule.boolean("disabled");
    if (disabled.state === "known" && disabled.value) return notApplicable("the rule is disabled");
    const action = lowerString(rule, "action");
    if (action.state === "known" && action.value === "goto_next") return notApplicable("goto_next rules cannot log: the rule that finally matches logs");
    const path = `${prefix}${ruleEnableLogging.field}`;
    return isTrue(rule.boolean(ruleEnableLogging.field), { path, absentMeans: false, fix: `set ${path}: true` });
}

export default defineResourcePolicy({
    name: "gcp-vpc-firewall-logging",
    description: "VPC firewall rules and firewall policy rules log the connections they allow or deny (Firewall Rules Logging).",
    severity: "medium",
    types: firewallTypes,
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1"],
    tags: ["gcp", "vpc", "firewall", "logging"],
    anchors: { gcp: ["gcp-vpc-firewall-04"] },
    remediation:
        "On a `gcp.compute.Firewall`, add `logConfig: { metadata: \"INCLUDE_ALL_METADATA\" }` (or `EXCLUDE_ALL_METADATA`): a present `logConfig` turns logging on. " +
        "On a firewall policy rule (or each entry of a *WithRules policy's `rules`), set `enableLogging: true`. Disabled rules and `goto_next` rules are not checked.",
    check: r => {
        if (r.type === firewall) {
            const disabled = r.props.boolean("disabled");
            if (disabled.state === "known" && disabled.value) return notApplicable("the firewall rule is disabled");
            return firewallLogs(r.props);
        }
        if (!withRulesTypes.includes(r.type)) return ruleLogs(r.props, "");
        const { elements, outcomes } = elementsOf(r.props, { field: "rules", fix: "set rules to a list of rule blocks" });
        return [...outcomes, ...elements.map(e => ruleLogs(e.props, `${e.path}.`))];
    },
    remediate: r => {
        const patch: Patch = {};
        if (r.type === firewall) {
            const outcome = firewallLogs(r.props);
            if (outcome.kind !== "violation" || outcome.code !== "loggingOff") return patch;
            patch.logConfig = { metadata: "INCLUDE_ALL_METADATA" };
            const legacy = r.props.boolean(firewallEnableLogging.field);
            if (legacy.state === "known" && !legacy.value) patch.enableLogging = true;
            return patch;
        }
        if (withRulesTypes.includes(r.type)) return patch; // its rules are one list: fixed by hand
        const outcome = ruleLogs(r.props, "");
        return outcome.kind === "violation" && outcome.code !== "wrongType" ? { enableLogging: true } : patch;
    },
});
