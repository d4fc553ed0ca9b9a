import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { classify, Props } from "../../lib/props";
import { anyOf, elementsOf, lowerString, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../../lib/stack";
import { KnobValues } from "../../lib/knobs";
import {
    classicListenerPolicy,
    classicLoadBalancer,
    classicLoadBalancerPolicy,
    classicSslNegotiationPolicy,
    classicTlsListeners,
    judgeTlsPolicy,
    tlsPolicyKnobs,
} from "./facts";

type Config = KnobValues<typeof tlsPolicyKnobs>;
const classicTarget: ReferenceTarget = { types: [classicLoadBalancer], keys: ["name", "id"] };
const fix =
    'attach an aws.elb.LoadBalancerPolicy (policyTypeName: "SSLNegotiationPolicyType", policyAttributes: [{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-TLS-1-2-2017-01" }]) ' +
    "to the listener's port with an aws.elb.ListenerPolicy";
/** Protocols a custom negotiation policy must leave off, and the one it must turn on, for TLS 1.2 and later only. */
const legacyProtocols = ["protocol-sslv3", "protocol-tlsv1", "protocol-tlsv1.1"];

/** A port: matches when both are known and equal; unknown on either side may match. */
function portMatch(a: Props, aField: string, port: number | undefined): "yes" | "no" | "maybe" {
    const read = a.number(aField);
    if (read.state !== "known" || port === undefined) return "maybe";
    return read.value === port ? "yes" : "no";
}

/** Name/value attribute blocks (`policyAttributes` or `attributes`) judged as an SSL negotiation policy. */
function judgeAttributes(owner: StackResource, field: string, config: Config): Outcome {
    const path = `${owner.type === classicSslNegotiationPolicy ? "SslNegotiationPolicy" : "LoadBalancerPolicy"}.${field}`;
    const { elements, outcomes } = elementsOf(owner.props, { field, fix });
    if (outcomes.length > 0) return outcomes[0];
    const enabled = new Map<string, string | undefined>();
    for (const e of elements) {
        const name = lowerString(e.props, "name");
        const value = e.props.string("value");
        if (name.state === "unknown" || value.state === "unknown") return undecided(path);
        if (name.state === "known") enabled.set(name.value, value.state === "known" ? value.value.trim() : undefined);
    }
    const reference = enabled.get("reference-security-policy");
    if (reference !== undefined) return judgeTlsPolicy(reference, { path: `${path}[Reference-Security-Policy]`, fix, minimum: config.minimumTlsVersion, allowed: config.allowedPolicies });
    const on = (p: string) => enabled.get(p)?.toLowerCase() === "true";
    const needed = config.minimumTlsVersion === "1.3" ? [...legacyProtocols, "protocol-tlsv1.2"] : legacyProtocols;
    if (needed.some(on)) return violation({ code: "belowMinimum", field: path, problem: `${path} turns on a protocol older than TLS ${config.minimumTlsVersion}`, fix });
    return elements.length === 0
        ? violation({ code: "notSet", field: path, problem: `${path} names no security policy, so the load balancer's default (ELBSecurityPolicy-2016-08, TLS 1.0) applies`, fix })
        : pass;
}

/** The negotiation policies that ListenerPolicy `lp` attaches: by dependency, else by literal policyName on the same load balancer. */
function attachedPolicies(lp: StackResource, stack: Stack): { found: StackResource[]; unresolved: boolean } {
    const deps = lp.dependsOn("policyNames").filter(d => d.type === classicLoadBalancerPolicy);
    if (deps.length > 0) return { found: deps, unresolved: false };
    const names = valueOf(lp.props.list("policyNames"), { path: "policyNames", expected: "a list", fix, absent: [] as unknown[] });
    if (isOutcome(names)) return { found: [], unresolved: names.kind === "undecided" };
    const wanted = new Set<string>();
    let unresolved = false;
    for (const n of names) {
        const read = classify(n, "string");
        if (read.state === "unknown") unresolved = true;
        else if (read.state === "known") wanted.add(read.value.trim());
    }
    const found = stack.ofType([classicLoadBalancerPolicy]).filter(p => {
        const name = p.props.string("policyName");
        return name.state === "known" && wanted.has(name.value.trim());
    });
    return { found, unresolved };
}

function checkListener(lb: StackResource, stack: Stack, port: number | undefined, path: string, config: Config): Outcome {
    const outcomes: Outcome[] = [];
    let unresolved = false;
    const listenerPolicies = stack.referrers([classicListenerPolicy], "loadBalancerName", lb, classicTarget);
    for (const lp of listenerPolicies.found) {
        const match = portMatch(lp.props, "loadBalancerPort", port);
        if (match === "no") continue;
        const attached = attachedPolicies(lp, stack);
        const ssl = attached.found.filter(p => {
            const type = unsetWhenEmpty(p.props.string("policyTypeName"));
            if (type.state === "unknown") unresolved = true;
            return type.state === "known" && type.value.trim() === "SSLNegotiationPolicyType";
        });
        const judged = ssl.map(p => judgeAttributes(p, "policyAttributes", config));
        if (match === "maybe" || attached.unresolved) judged.push(undecided("ListenerPolicy.loadBalancerPort"));
        outcomes.push(...judged);
    }
    const negotiation = stack.referrers([classicSslNegotiationPolicy], "loadBalancer", lb, classicTarget);
    for (const sp of negotiation.found) {
        const match = portMatch(sp.props, "lbPort", port);
        if (match === "no") continue;
        outcomes.push(match === "maybe" ? undecided("SslNegotiationPolicy.lbPort") : judgeAttributes(sp, "attributes", config));
    }
    if (outcomes.length === 0) {
        if (unresolved || listenerPolicies.unresolved || negotiation.unresolved) return undecided("ListenerPolicy.loadBalancerName");
        return violation({
            code: "absentDefault",
            field: path,
            problem: `no SSL negotiation policy is attached to ${path}, so it uses ELBSecurityPolicy-2016-08, which accepts TLS 1.0`,
            fix,
        });
    }
    // The policy attached last wins and the pack cannot order them: every attached one must comply.
    const violations = outcomes.filter(o => o.kind === "violation");
    return violations[0] ?? anyOf(outcomes.filter(o => o.kind === "undecided"), pass);
}

export default defineStackPolicy({
    name: "aws-elb-classic-tls-policy",
    description: "HTTPS and SSL listeners of Classic Load Balancers negotiate TLS 1.2 or later only, through a predefined security policy.",
    severity: "high",
    types: [classicLoadBalancer],
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "elb", "encryption", "encryption-in-transit", "tls", "stack"],
    anchors: { awsConfig: ["elb-predefined-security-policy-ssl-check"], checkov: ["CKV_AWS_213"] },
    remediation:
        'For each HTTPS or SSL listener, create an `aws.elb.LoadBalancerPolicy` with `policyTypeName: "SSLNegotiationPolicyType"` and ' +
        '`policyAttributes: [{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-TLS-1-2-2017-01" }]`, and attach it with an `aws.elb.ListenerPolicy` ' +
        "(`loadBalancerName: lb.name`, `loadBalancerPort`: the listener's `lbPort`, `policyNames: [policy.policyName]`). Without one the listener uses " +
        "ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1.",
    knobs: tlsPolicyKnobs,
    check: (lb, stack, config): Outcome | Outcome[] => {
        const { listeners, outcomes } = classicTlsListeners(lb.props);
        const found: Outcome[] = [...outcomes];
        for (const e of listeners) {
            const port = e.props.number("lbPort");
            found.push(checkListener(lb, stack, port.state === "known" ? port.value : undefined, e.path, config));
        }
        return found.length === 0 ? notApplicable("the load balancer has no HTTPS or SSL listener") : found;
    },
});
