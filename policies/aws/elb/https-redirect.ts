import { isOutcome, notApplicable, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf, elementsOf, lowerString, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { Props } from "../../lib/props";
import { protocolOf, v2Listeners } from "./facts";

const fix = 'set defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]';
const actionTypes: ReadonlySet<string> = new Set(["forward", "redirect", "fixed-response", "authenticate-cognito", "authenticate-oidc", "jwt-validation"]);

/** One default action of an HTTP listener: a redirect to HTTPS, or a fixed response (which serves no application data). */
function checkAction(path: string, action: Props): Outcome {
    const type = valueOf(unsetWhenEmpty(lowerString(action, "type")), { path: `${path}.type`, expected: "a string", fix, absent: undefined });
    if (isOutcome(type)) return type;
    if (type === "fixed-response") return pass;
    if (type !== "redirect") {
        const field = `${path}.type`;
        return type !== undefined && actionTypes.has(type)
            ? violation({ code: "notRedirected", field, problem: `${field} is "${type}": the HTTP listener serves requests in plaintext instead of redirecting them to HTTPS`, fix })
            : violation({ code: type === undefined ? "notSet" : "unrecognised", field, problem: `${field} is ${type === undefined ? "not set" : "not a recognised action type"}`, fix });
    }
    const redirect = blockOf(action.single("redirect"), { path: `${path}.redirect`, fix });
    if (isOutcome(redirect)) return redirect;
    const field = `${path}.redirect.protocol`;
    // Omitted, the redirect keeps the request's protocol ("#{protocol}"): HTTP stays HTTP.
    const protocol = valueOf(unsetWhenEmpty(redirect.string("protocol")), { path: field, expected: "a string", fix, absent: "#{protocol}" });
    if (isOutcome(protocol)) return protocol;
    if (protocol.trim().toUpperCase() === "HTTPS") return pass;
    const shown = protocol === "#{protocol}" || protocol.trim().toUpperCase() === "HTTP";
    return violation({
        code: "notRedirected",
        field,
        problem: shown ? `${field} is ${redirect.has("protocol") ? `"${protocol.trim()}"` : 'not set (it keeps "#{protocol}")'}, so the redirect stays on HTTP` : `${field} is not a recognised protocol`,
        fix,
    });
}

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
        const findings = [...outcomes, ...elements.map(e => checkAction(e.path, e.props))].filter(o => o.kind !== "pass");
        return findings.length === 0 ? pass : findings;
    },
});
