import { defineResourcePolicy } from "../../lib/policy";
import { elementsOf, lowerString, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { classicLoadBalancer, tlsProtocols } from "./facts";

const fix = 'set listeners[].lbProtocol: "HTTPS" (or "SSL") with an ACM sslCertificateId';
const documented: ReadonlySet<string> = new Set(["HTTP", "HTTPS", "TCP", "SSL"]);

export default defineResourcePolicy({
    name: "aws-elb-tls-listeners-only",
    description: "Classic Load Balancers accept client connections only over TLS (HTTPS or SSL listeners).",
    severity: "high",
    types: [classicLoadBalancer],
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["aws", "elb", "encryption", "encryption-in-transit"],
    anchors: { awsConfig: ["elb-tls-https-listeners-only"], checkov: ["CKV_AWS_376"] },
    remediation:
        'Give every entry of `listeners` on the `aws.elb.LoadBalancer` `lbProtocol: "HTTPS"` (or `"SSL"`) and an ACM `sslCertificateId`; remove plain HTTP and TCP listeners. ' +
        "Classic Load Balancers cannot redirect HTTP to HTTPS: move to an Application Load Balancer for that.",
    noAutoRemediation: "a TLS listener needs a certificate and clients that speak TLS, which only a person can arrange",
    check: r => {
        const { elements, outcomes } = elementsOf(r.props, { field: "listeners", fix });
        const found: Outcome[] = [...outcomes];
        for (const e of elements) {
            const path = `${e.path}.lbProtocol`;
            const protocol = valueOf(unsetWhenEmpty(lowerString(e.props, "lbProtocol")), { path, expected: "a string", fix, absent: undefined });
            if (isOutcome(protocol)) found.push(protocol);
            else if (protocol === undefined) found.push(violation({ code: "notSet", field: path, problem: `${path} is not set`, fix }));
            else if (!tlsProtocols.has(protocol.toUpperCase())) {
                const shown = documented.has(protocol.toUpperCase());
                found.push(violation({ code: shown ? "notAllowed" : "unrecognised", field: path, problem: shown ? `${path} is "${protocol.toUpperCase()}", not TLS` : `${path} is not a recognised protocol`, fix }));
            } else found.push(pass);
        }
        const findings = found.filter(o => o.kind !== "pass");
        return findings.length === 0 ? pass : findings;
    },
});
