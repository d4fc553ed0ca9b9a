// Classic Load Balancer TLS negotiation (AnalyzeStack): a LoadBalancerPolicy of type
// SSLNegotiationPolicyType attached to each HTTPS/SSL port by a ListenerPolicy, or an
// SslNegotiationPolicy for the port; none means the default ELBSecurityPolicy-2016-08.

import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { classicLoadBalancer, classicLoadBalancerOutputs, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { ResourceInput } from "../../../tools/lib/analyzer-client";

const policy = "aws-elb-classic-tls-policy";
const lb = res(classicLoadBalancer().type, "clb", { ...classicLoadBalancer().props, name: unknown });
const reference = (value: unknown) => [{ name: "Reference-Security-Policy", value }];
const lbPolicy = (name: string, attributes: unknown, props: Record<string, unknown> = {}) =>
    res("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", name, { loadBalancerName: unknown, policyName: unknown, policyTypeName: "SSLNegotiationPolicyType", policyAttributes: attributes, ...props }, { loadBalancerName: [lb] });
const attach = (name: string, policies: ResourceInput[], props: Record<string, unknown> = {}) =>
    res("aws:elb/listenerPolicy:ListenerPolicy", name, { loadBalancerName: unknown, loadBalancerPort: 443, policyNames: policies.map(() => unknown), ...props }, { loadBalancerName: [lb], policyNames: policies });
const tls12 = lbPolicy("tls12", reference("ELBSecurityPolicy-TLS-1-2-2017-01"));
const negotiation = (attributes: unknown, props: Record<string, unknown> = {}) =>
    res("aws:elb/sslNegotiationPolicy:SslNegotiationPolicy", "neg", { loadBalancer: unknown, lbPort: 443, attributes, ...props }, { loadBalancer: [lb] });
const custom = (on: string[]) => ["Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1", "Protocol-TLSv1.2"].map(name => ({ name, value: on.includes(name) ? "true" : "false" }));

// Outputs: names are literal.
const clbOut = classicLoadBalancerOutputs();
const outPolicy = res("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "tls12-out", { id: "phi-clb:tls12", loadBalancerName: "phi-clb", policyName: "tls12", policyTypeName: "SSLNegotiationPolicyType", policyAttributes: reference("ELBSecurityPolicy-TLS-1-2-2017-01") });
const outAttach = (policyNames: string[]) => res("aws:elb/listenerPolicy:ListenerPolicy", "attach-out", { id: "phi-clb:443", loadBalancerName: "phi-clb", loadBalancerPort: 443, policyNames, triggers: {} });

stackCases(policy, [
    stackPasses([lb, tls12, attach("attach", [tls12])]),
    stackPasses([lb, tls12, attach("attach", [tls12])], { minimumTlsVersion: "1.2" }),
    stackPasses([lb, negotiation(reference("ELBSecurityPolicy-TLS-1-2-2017-01"))]),
    stackPasses([lb, negotiation(custom(["Protocol-TLSv1.2"]))]),
    stackPasses([clbOut, outPolicy, outAttach(["tls12"])]),
    stackViolates([lb], [{ on: "clb", code: "absentDefault", field: "listeners[0]" }]),
    stackViolates([clbOut, outPolicy, outAttach(["other"])], [{ on: "phi-clb", code: "absentDefault" }]),
    stackViolates([lb, tls12, attach("attach", [tls12], { loadBalancerPort: 8443 })], [{ on: "clb", code: "absentDefault" }]),
    stackViolates([lb, lbPolicy("old", reference("ELBSecurityPolicy-2016-08")), attach("attach", [lbPolicy("old", reference("ELBSecurityPolicy-2016-08"))])], [{ on: "clb", code: "belowMinimum" }]),
    stackViolates([lb, negotiation(custom(["Protocol-TLSv1", "Protocol-TLSv1.2"]))], [{ on: "clb", code: "belowMinimum" }]),
    stackViolates([lb, negotiation(reference("SECRET-custom"))], [{ on: "clb", code: "unrecognised" }]),
    stackViolates([lb, tls12, attach("attach", [tls12])], [{ on: "clb", code: "belowMinimum" }], { minimumTlsVersion: "1.3" }),
    stackPasses([lb, negotiation(reference("ELBSecurityPolicy-Custom-2026"))], { allowedPolicies: ["ELBSecurityPolicy-Custom-2026"] }),
    stackMisconfigured([lb], { minimumTlsVersion: 1.2 }, "minimumTlsVersion"),
    stackUndecided([lb, tls12, attach("attach", [tls12], { loadBalancerPort: unknown })], [{ on: "clb", fields: "ListenerPolicy.loadBalancerPort" }]),
    stackUndecided([lb, negotiation(reference(unknown))], [{ on: "clb", fields: "SslNegotiationPolicy.attributes" }]),
    stackUndecided([lb, res("aws:elb/listenerPolicy:ListenerPolicy", "x", { loadBalancerName: unknown, loadBalancerPort: 443, policyNames: [] })], [{ on: "clb", fields: "ListenerPolicy.loadBalancerName" }]),
    stackNotApplicable([res(lb.type, "clb", { ...lb.props, listeners: [{ lbPort: 80, lbProtocol: "TCP", instancePort: 80, instanceProtocol: "TCP" }] })], /no HTTPS or SSL listener/),
    stackGarbage([lb, negotiation([{ name: secret("SECRET"), value: { SECRET: 1 } }, 5]), attach("attach", [], { policyNames: "SECRET" })]),
]);
