import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { firewall, firewallOutputs, firewallPolicyRule, firewalls, networkFirewallPolicyRuleOutputs, policyRules, withRulesPolicies } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-vpc-firewall-logging";
const rule = { action: "allow", priority: 1, enableLogging: true, match: { srcIpRanges: ["10.0.0.0/8"], layer4Configs: [{ ipProtocol: "tcp" }] } };

policyCases(policy, [
    ...firewalls().map(r => passes(r)),
    ...withRulesPolicies([rule]).map(r => passes(r)),
    passes(firewallOutputs()),
    passes(networkFirewallPolicyRuleOutputs()),
    // A present logConfig turns logging on, whatever its metadata; the deprecated enableLogging: true does too.
    passes(firewall({ logConfig: { metadata: "EXCLUDE_ALL_METADATA" } })),
    passes(firewall({ logConfig: undefined, enableLogging: true })),
    passes(firewall({ logConfig: [{ metadata: "INCLUDE_ALL_METADATA" }], enableLogging: false })),
    violates(firewall({ logConfig: undefined }), { code: "loggingOff", field: "logConfig" }),
    violates(firewall({ logConfig: undefined, enableLogging: false }), { code: "loggingOff", field: "logConfig" }),
    violates(firewallOutputs({ logConfig: [], enableLogging: false }), { code: "loggingOff", field: "logConfig" }),
    violates(firewallOutputs({ logConfig: null, enableLogging: false }), { code: "loggingOff", field: "logConfig" }),
    ...policyRules({ enableLogging: undefined }).map(r => violates(r, { code: "absentDefault", field: "enableLogging" })),
    violates(networkFirewallPolicyRuleOutputs({ enableLogging: false }), { code: "notAllowed", field: "enableLogging" }),
    ...withRulesPolicies([rule, { ...rule, enableLogging: false }]).map(r => violates(r, { code: "notAllowed", field: "rules[1].enableLogging" })),
    // Disabled rules and goto_next rules (which cannot log) are not applicable.
    notApplicable(firewall({ logConfig: undefined, disabled: true }), /disabled/),
    notApplicable(firewallPolicyRule({ enableLogging: false, action: "goto_next" }), /goto_next/),
    notApplicable(firewallPolicyRule({ enableLogging: false, disabled: true }), /disabled/),
    undecided(firewall({ logConfig: unknown }), "logConfig"),
    undecided(firewall({ logConfig: undefined, enableLogging: unknown }), "enableLogging"),
    undecided(firewallPolicyRule({ enableLogging: unknown }), "enableLogging"),
    undecided(withRulesPolicies(unknown as never)[0], "rules"),
    violates(firewall({ logConfig: "on" }), { code: "wrongType", field: "logConfig" }),
    ...[{ logConfig: 1, enableLogging: "yes" }, { rules: [3, null], enableLogging: [] }].flatMap(props => [...firewalls(props), ...withRulesPolicies([props])].map(r => garbage(r))),
    // Logging is safe to switch on: a logConfig block on a firewall, enableLogging on a policy rule.
    remediates(firewall({ logConfig: undefined }), { logConfig: { metadata: "INCLUDE_ALL_METADATA" } }),
    remediates(firewall({ logConfig: undefined, enableLogging: false }), { logConfig: { metadata: "INCLUDE_ALL_METADATA" }, enableLogging: true }),
    remediates(firewallPolicyRule({ enableLogging: false }), { enableLogging: true }),
    remediates(firewall(), "nothing"),
    remediates(firewall({ logConfig: unknown }), "nothing"),
    remediates(firewallPolicyRule({ enableLogging: "no" }), "nothing"),
    remediates(withRulesPolicies([{ ...rule, enableLogging: false }])[0], "nothing"),
]);
