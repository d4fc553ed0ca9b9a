import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { wrongType } from "../../lib/rules";
import { Props } from "../../lib/props";
import { defineStackPolicy, ReferenceTarget, Stack, StackResource } from "../../lib/stack";
import { acmCertificate, acmCertificateValidation, certificateKind, classicLoadBalancer, classicTlsListeners, iamServerCertificate, protocolOf, tlsProtocols, v2ListenerCertificates, v2Listeners } from "./facts";

const certificates: ReferenceTarget = { types: [acmCertificate, acmCertificateValidation, iamServerCertificate], keys: ["arn", "certificateArn"] };
const acmTypes: ReadonlySet<string> = new Set([acmCertificate, acmCertificateValidation]);
const fixFor = (path: string) => `set ${path} to an ACM certificate's ARN (an aws.acm.Certificate's arn), not an IAM server certificate`;

const iamCertificate = (path: string) =>
    violation({ code: "iamCertificate", field: path, problem: `${path} is an IAM server certificate, which ACM neither manages nor renews`, fix: fixFor(path) });

function judgeKnown(arn: string, path: string): Outcome {
    const kind = certificateKind(arn);
    if (kind === "acm") return pass;
    if (arn.trim() === "") return violation({ code: "notSet", field: path, problem: `${path} is not set`, fix: fixFor(path) });
    return kind === "iam" ? iamCertificate(path) : violation({ code: "notAcm", field: path, problem: `${path} is not an ACM certificate ARN`, fix: fixFor(path) });
}

/** A certificate from a dependency: ACM passes, an IAM server certificate violates. */
function judgeDependency(dep: StackResource, path: string): Outcome {
    return acmTypes.has(dep.type) ? pass : iamCertificate(path);
}

/** certificateArn of a v2 listener or listener certificate. */
function checkArn(r: StackResource, stack: Stack): Outcome {
    const path = "certificateArn";
    // A known ARN says what it is, whatever it was computed from.
    const known = r.props.string(path);
    if (known.state === "known") return judgeKnown(known.value, path);
    const ref = stack.resolve(r, path, certificates);
    switch (ref.state) {
        case "inStack":
            return judgeDependency(ref.resource, path);
        case "unknown":
            return undecided(path);
        case "wrongType":
            return wrongType({ path, value: ref.value, expected: "a string", fix: fixFor(path) });
        case "absent":
            return violation({ code: "notSet", field: path, problem: `${path} is not set`, fix: fixFor(path) });
        case "outside":
            return undecided(path);
    }
}

/** Each HTTPS or SSL listener of a classic load balancer: sslCertificateId. */
function checkClassic(r: StackResource): Outcome[] {
    const { listeners, outcomes } = classicTlsListeners(r.props);
    const deps = r.dependsOn("listeners").filter(d => certificates.types.includes(d.type));
    return [...outcomes, ...listeners.map(e => checkClassicListener(e.props, `${e.path}.sslCertificateId`, deps))];
}

function checkClassicListener(listener: Props, path: string, deps: readonly StackResource[]): Outcome {
    const read = listener.string("sslCertificateId");
    if (read.state === "known") return judgeKnown(read.value, path);
    if (read.state === "absent") return violation({ code: "notSet", field: path, problem: `${path} is not set`, fix: fixFor(path) });
    if (read.state === "wrongType") return wrongType({ path, value: read.value, expected: "a string", fix: fixFor(path) });
    // Unknown at preview: the listeners depend on certificates of one kind only, or which one is which cannot be told.
    const kinds = new Set(deps.map(d => (acmTypes.has(d.type) ? "acm" : "iam")));
    return kinds.size === 1 ? judgeDependency(deps[0], path) : undecided(path);
}

export default defineStackPolicy({
    name: "aws-elb-acm-certificate",
    description: "TLS listeners of Classic, Application and Network Load Balancers present certificates managed (and renewed) by AWS Certificate Manager.",
    severity: "medium",
    types: [classicLoadBalancer, ...v2Listeners, ...v2ListenerCertificates],
    hipaa: ["164.312(e)(1)", "164.312(d)"],
    hitrust: ["0808.10b2", "10.g"],
    tags: ["aws", "elb", "encryption", "encryption-in-transit", "certificates", "stack"],
    anchors: { awsConfig: ["elb-acm-certificate-required", "elbv2-acm-certificate-required"], checkov: ["CKV_AWS_127"] },
    remediation:
        "Issue the certificate with `aws.acm.Certificate` (or import it into ACM) and pass its `arn` (or an `aws.acm.CertificateValidation`'s `certificateArn`) as `certificateArn` of the HTTPS or TLS `aws.lb.Listener` and " +
        "of each `aws.lb.ListenerCertificate`, or as `sslCertificateId` of each HTTPS/SSL entry of an `aws.elb.LoadBalancer`'s `listeners`. IAM server certificates " +
        "(`arn:aws:iam::…:server-certificate/…`) are not renewed by ACM and expire unnoticed.",
    check: (r, stack): Outcome | Outcome[] => {
        if (r.type === classicLoadBalancer) {
            const found = checkClassic(r);
            return found.length === 0 ? notApplicable("the load balancer has no HTTPS or SSL listener") : found;
        }
        if (v2Listeners.includes(r.type)) {
            const protocol = protocolOf(r.props);
            if (isOutcome(protocol)) return protocol;
            if (!tlsProtocols.has(protocol)) return notApplicable("the listener does not terminate TLS (protocol), so it has no certificate");
        }
        return checkArn(r, stack);
    },
});
