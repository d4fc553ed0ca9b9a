import { isOutcome, notApplicable, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { elementsOf } from "../../lib/rules";
import { checkRedirectAction, protocolOf, redirectFix as fix, v2Listeners } from "./facts";

export default defineResourcePolicy({
    name: "aws-elb-https-redirect",
    description: "HTTP listeners of Application Load Balancers redirect every request to HTTPS instead of serving it in plaintext.",
    severity: "high",
    types: v2Listeners,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "elb", "encryption", "encryption-in-transit"],
    anchors: { awsConfig: ["alb-http-to-https-redirection-check"], checkov: ["CKV2_AWS_20"] },
    remediation:
        'Give the HTTP `aws.lb.Listener` (`protocol` defaults to `"HTTP"`) only `defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]`, ' +
        "and forward from an HTTPS listener instead. A `fixed-response` action (which serves no application data) is accepted.",
    noAutoRemediation: "replacing a forward with a redirect needs an HTTPS listener to take the traffic, which only a person can set up",
    check: (r): Outcome | Outcome[] => {
        const protocol = protocolOf(r.props);
        if (isOutcome(protocol)) return protocol;
        if (protocol !== "HTTP") return notApplicable("the listener does not speak plain HTTP (protocol), so it has nothing to redirect");
        const { elements, outcomes } = elementsOf(r.props, { field: "defaultActions", fix });
        if (elements.length === 0 && outcomes.length === 0) return violation({ code: "notSet", field: "defaultActions", problem: "defaultActions is empty", fix });
        const findings = [...outcomes, ...elements.map(e => checkRedirectAction(e.path, e.props))].filter(o => o.kind !== "pass");
        return findings.length === 0 ? pass : findings;
    },
});
