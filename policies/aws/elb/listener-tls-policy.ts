import { isOutcome, notApplicable, Outcome, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { unsetWhenEmpty, valueOf } from "../../lib/rules";
import { judgeTlsPolicy, listenerSslPolicy, protocolOf, tlsPolicyKnobs, tlsProtocols, v2Listeners } from "./facts";

const fix = 'set sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" (TLS 1.2 and 1.3 only)';

export default defineResourcePolicy({
    name: "aws-elb-listener-tls-policy",
    description: "HTTPS and TLS listeners of Application and Network Load Balancers use a security policy that accepts TLS 1.2 or later only.",
    severity: "high",
    types: v2Listeners,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "elb", "encryption", "encryption-in-transit", "tls"],
    anchors: { checkov: ["CKV_AWS_103"] },
    remediation:
        'Set `sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06"` (or a `ELBSecurityPolicy-TLS13-1-3-*` policy) on every HTTPS or TLS `aws.lb.Listener`. ' +
        "Left out, the listener gets `ELBSecurityPolicy-2016-08`, which still accepts TLS 1.0 and 1.1. Name further predefined policies in `allowedPolicies`.",
    noAutoRemediation: "dropping TLS 1.0 and 1.1 can cut off old clients, so a person must check who connects first",
    knobs: tlsPolicyKnobs,
    check: (r, config): Outcome => {
        const protocol = protocolOf(r.props);
        if (isOutcome(protocol)) return protocol;
        if (!tlsProtocols.has(protocol)) return notApplicable("the listener does not terminate TLS (protocol), so it has no security policy");
        const name = valueOf(unsetWhenEmpty(r.props.string(listenerSslPolicy.field)), { path: "sslPolicy", expected: "a string", fix, absent: undefined });
        if (isOutcome(name)) return name;
        if (name === undefined) {
            return violation({ code: "absentDefault", field: "sslPolicy", problem: `sslPolicy is not set and defaults to "${listenerSslPolicy.absent}", which accepts TLS 1.0`, fix });
        }
        return judgeTlsPolicy(name, { path: "sslPolicy", fix, minimum: config.minimumTlsVersion, allowed: config.allowedPolicies });
    },
});
