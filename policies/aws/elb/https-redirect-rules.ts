import { isOutcome, notApplicable, Outcome, pass, violation } from "../../lib/outcome";
import { elementsOf } from "../../lib/rules";
import { defineStackPolicy, ReferenceTarget, referenced } from "../../lib/stack";
import { checkRedirectAction, protocolOf, v2ListenerRules, v2Listeners } from "./facts";

const listenerTarget: ReferenceTarget = { types: v2Listeners, keys: ["arn", "id"] };
const fix = 'set actions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }], or attach the rule to the HTTPS listener';

export default defineStackPolicy({
    name: "aws-elb-https-redirect-rules",
    description: "Listener rules of HTTP listeners redirect to HTTPS too, so no path of an Application Load Balancer is served in plaintext.",
    severity: "high",
    types: v2ListenerRules,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "elb", "encryption", "encryption-in-transit", "stack"],
    anchors: { awsConfig: ["alb-http-to-https-redirection-check"], checkov: ["CKV2_AWS_20"] },
    remediation:
        "Attach `aws.lb.ListenerRule`s that forward traffic to the HTTPS listener (`listenerArn: httpsListener.arn`). On the HTTP listener a rule may only " +
        '`redirect` to `protocol: "HTTPS"` or send a `fixed-response`. Pass `listener.arn` (not a literal ARN) so the pack can connect them at preview.',
    check: (rule, stack): Outcome | Outcome[] => {
        const listener = referenced(stack, rule, { field: "listenerArn", target: listenerTarget, what: "listener" });
        if (isOutcome(listener)) return listener;
        const protocol = protocolOf(listener.props);
        if (isOutcome(protocol)) return protocol.kind === "undecided" ? protocol : notApplicable("the rule's listener has no readable protocol; aws-elb-https-redirect reports it");
        if (protocol !== "HTTP") return notApplicable("the rule's listener does not speak plain HTTP (protocol)");
        const { elements, outcomes } = elementsOf(rule.props, { field: "actions", fix });
        if (elements.length === 0 && outcomes.length === 0) return violation({ code: "notSet", field: "actions", problem: "actions is empty", fix });
        const findings = [...outcomes, ...elements.map(e => checkRedirectAction(e.path, e.props, fix))].filter(o => o.kind !== "pass");
        return findings.length === 0 ? pass : findings;
    },
});
