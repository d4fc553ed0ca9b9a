// What the pack knows about Elastic Load Balancing: the type tokens (v2 load balancers are
// published twice, as aws.lb.* and as aws.alb.*, each with its own token, so every v2 policy
// registers both), the provider defaults of the properties its policies read, the predefined TLS
// security policies with their minimum TLS version, and how a certificate ARN tells ACM apart.

import { awsTypes, booleanAttribute, cloudFact, serviceFact, stringAttribute } from "../../lib/facts";
import { stringKnob, stringListKnob } from "../../lib/knobs";
import { isOutcome, notApplicable, Outcome, pass, violation } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { blockOf, Element, elementsOf, lowerString, unsetWhenEmpty, valueOf } from "../../lib/rules";

// aws.lb.X and aws.alb.X are two classes with two tokens; the aliases in their constructors
// (aws:elasticloadbalancingv2/…, aws:applicationloadbalancing/…) only migrate old state, the engine
// reports the class's own token.
export const lbLoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
export const albLoadBalancer = "aws:alb/loadBalancer:LoadBalancer";
export const lbListener = "aws:lb/listener:Listener";
export const albListener = "aws:alb/listener:Listener";
export const lbListenerRule = "aws:lb/listenerRule:ListenerRule";
export const albListenerRule = "aws:alb/listenerRule:ListenerRule";
export const lbListenerCertificate = "aws:lb/listenerCertificate:ListenerCertificate";
export const albListenerCertificate = "aws:alb/listenerCertificate:ListenerCertificate";
export const classicLoadBalancer = "aws:elb/loadBalancer:LoadBalancer";
export const classicListenerPolicy = "aws:elb/listenerPolicy:ListenerPolicy";
export const classicLoadBalancerPolicy = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy";
export const classicSslNegotiationPolicy = "aws:elb/sslNegotiationPolicy:SslNegotiationPolicy";
export const acmCertificate = "aws:acm/certificate:Certificate";
/** Waits for an ACM certificate's issuance; its certificateArn is that ACM certificate's ARN. */
export const acmCertificateValidation = "aws:acm/certificateValidation:CertificateValidation";
export const iamServerCertificate = "aws:iam/serverCertificate:ServerCertificate";

export const v2LoadBalancers = [lbLoadBalancer, albLoadBalancer];
export const v2Listeners = [lbListener, albListener];
export const v2ListenerCertificates = [lbListenerCertificate, albListenerCertificate];
export const v2ListenerRules = [lbListenerRule, albListenerRule];

const lbSource = awsTypes("lb/loadBalancer") + "; " + awsTypes("alb/loadBalancer");
const listenerSource = awsTypes("lb/listener") + "; " + awsTypes("alb/listener");
const classicSource = awsTypes("elb/loadBalancer");

export const loadBalancerType = stringAttribute({
    types: v2LoadBalancers, field: "loadBalancerType", default: "application", values: ["application", "network", "gateway"], source: lbSource,
});
export const enableDeletionProtection = booleanAttribute({ types: v2LoadBalancers, field: "enableDeletionProtection", default: false, source: lbSource });
export const v2AccessLogsEnabled = booleanAttribute({
    types: v2LoadBalancers, block: "accessLogs", field: "enabled", default: false,
    source: lbSource + ' ("Defaults to false, even when bucket is specified")',
});
export const classicAccessLogsEnabled = booleanAttribute({ types: [classicLoadBalancer], block: "accessLogs", field: "enabled", default: true, source: classicSource });
export const crossZoneLoadBalancing = booleanAttribute({
    types: [classicLoadBalancer], field: "crossZoneLoadBalancing", default: true,
    // The API's own default differs by creation path; the provider always sends its schema default.
    source:
        classicSource + ' ("Default: true"; the provider sends it when the property is omitted). Classic Load Balancers User Guide: ' +
        "configure cross-zone load balancing (off by default for a load balancer created through the API or CLI, on through the console): the pack follows the provider",
});
export const listenerProtocol = stringAttribute({
    types: v2Listeners, field: "protocol", default: "HTTP",
    values: ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC", "GENEVE"],
    source: listenerSource + " (HTTP is the default for Application Load Balancers; Network Load Balancer listeners name theirs; Gateway Load Balancer listeners have none)",
});
export const listenerSslPolicy = stringAttribute({
    types: v2Listeners, field: "sslPolicy", default: "ELBSecurityPolicy-2016-08",
    source: listenerSource + "; Application Load Balancers User Guide: security policies (ELBSecurityPolicy-2016-08 is the API and CLI default)",
});

serviceFact({
    about: "Elastic Load Balancing access logs",
    says: "the log bucket must use SSE-S3 (AES256) default encryption: SSE-KMS is not supported for access log delivery",
    source: "Application Load Balancers User Guide: enable access logs (bucket requirements); Classic Load Balancers User Guide: enable access logs",
});

/**
 * The predefined ELB security policies and the lowest TLS version each accepts (10 = TLS 1.0,
 * 11, 12, 13). Names following AWS's `ELBSecurityPolicy-TLS13-1-<minor>-…` convention are read
 * by that convention, so policies AWS adds later in that family need no update here.
 */
export const predefinedTlsPolicies = cloudFact(
    {
        about: "Elastic Load Balancing predefined security policies",
        says:
            "minimum TLS 1.3: ELBSecurityPolicy-TLS13-1-3-*; TLS 1.2: ELBSecurityPolicy-TLS13-1-2-*, ELBSecurityPolicy-TLS-1-2-2017-01, ELBSecurityPolicy-TLS-1-2-Ext-2018-06, " +
            "ELBSecurityPolicy-FS-1-2-2019-08, ELBSecurityPolicy-FS-1-2-Res-2019-08, ELBSecurityPolicy-FS-1-2-Res-2020-10; TLS 1.1: ELBSecurityPolicy-TLS13-1-1-*, " +
            "ELBSecurityPolicy-TLS-1-1-2017-01, ELBSecurityPolicy-FS-1-1-2019-08; TLS 1.0: ELBSecurityPolicy-TLS13-1-0-*, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-FS-2018-06, " +
            "ELBSecurityPolicy-2015-05 and older classic policies (ELBSecurityPolicy-2015-03, -2015-02, -2014-10, -2014-01, -2011-08, ELBSample-*)",
        source:
            "Application Load Balancers User Guide: security policies; Network Load Balancers User Guide: security policies; Classic Load Balancers User Guide: predefined SSL security policies",
    },
    new Map<string, number>([
        ["ELBSecurityPolicy-TLS-1-2-2017-01", 12],
        ["ELBSecurityPolicy-TLS-1-2-Ext-2018-06", 12],
        ["ELBSecurityPolicy-FS-1-2-2019-08", 12],
        ["ELBSecurityPolicy-FS-1-2-Res-2019-08", 12],
        ["ELBSecurityPolicy-FS-1-2-Res-2020-10", 12],
        ["ELBSecurityPolicy-TLS-1-1-2017-01", 11],
        ["ELBSecurityPolicy-FS-1-1-2019-08", 11],
        ["ELBSecurityPolicy-2016-08", 10],
        ["ELBSecurityPolicy-FS-2018-06", 10],
        ["ELBSecurityPolicy-2015-05", 10],
        ["ELBSecurityPolicy-2015-03", 10],
        ["ELBSecurityPolicy-2015-02", 10],
        ["ELBSecurityPolicy-2014-10", 10],
        ["ELBSecurityPolicy-2014-01", 10],
        ["ELBSecurityPolicy-2011-08", 10],
        ["ELBSample-ELBDefaultCipherPolicy", 10],
        ["ELBSample-OpenSSLDefaultCipherPolicy", 10],
    ]),
);
const tls13Family = /^ELBSecurityPolicy-TLS13-1-([0-3])-[A-Za-z0-9-]+$/;

/** The lowest TLS version (10..13) a predefined policy accepts, or undefined for a name the pack does not know. */
export function minimumTls(policy: string): number | undefined {
    const known = predefinedTlsPolicies.get(policy);
    if (known !== undefined) return known;
    const m = tls13Family.exec(policy);
    return m ? 10 + Number(m[1]) : undefined;
}

/** The policy names a message may echo: the documented ones (a custom name may be anything). */
export function isPredefinedPolicy(policy: string): boolean {
    return minimumTls(policy) !== undefined;
}

// --- Certificates ---------------------------------------------------------------------------------

const acmArn = /^arn:aws[a-z-]*:acm:/;
const iamServerCertificateArn = /^arn:aws[a-z-]*:iam::[0-9]*:server-certificate\//;
serviceFact({
    about: "Elastic Load Balancing listener certificates",
    says: "an ACM certificate ARN starts arn:<partition>:acm:; an IAM server certificate (arn:<partition>:iam::<account>:server-certificate/…) is not managed or renewed by ACM",
    source:
        "AWS Certificate Manager User Guide: services integrated with ACM (Elastic Load Balancing); " + awsTypes("acm/certificate") + "; " +
        awsTypes("acm/certificateValidation") + " (its certificateArn is the validated ACM certificate's); " + awsTypes("iam/serverCertificate"),
});

export type CertificateKind = "acm" | "iam" | "other";

export function certificateKind(arn: string): CertificateKind {
    const value = arn.trim();
    return acmArn.test(value) ? "acm" : iamServerCertificateArn.test(value) ? "iam" : "other";
}

// --- Load balancer types and listener protocols -----------------------------------------------------

/** The v2 load balancer's type (lower-cased; absent is "application"), or the outcome that stops the check. */
export function typeOf(props: Props): string | Outcome {
    return valueOf(unsetWhenEmpty(lowerString(props, loadBalancerType.field)), {
        path: loadBalancerType.path, expected: "a string", fix: 'set loadBalancerType: "application"', absent: "application",
    });
}

/** Not applicable to network and gateway load balancers; undefined for an application load balancer. */
export function applicationOnly(props: Props, what: string): Outcome | undefined {
    const type = typeOf(props);
    if (isOutcome(type)) return type;
    return type === "application" ? undefined : notApplicable(`${what} applies to Application Load Balancers only, and this is not one (loadBalancerType)`);
}

/** A v2 listener's protocol, upper-cased (absent is HTTP, the ALB default), or the outcome that stops the check. */
export function protocolOf(props: Props): string | Outcome {
    const read = unsetWhenEmpty(props.string(listenerProtocol.field));
    const value = valueOf(read, { path: listenerProtocol.path, expected: "a string", fix: 'set protocol: "HTTPS"', absent: undefined });
    if (isOutcome(value)) return value;
    // A Gateway Load Balancer listener has neither port nor protocol.
    if (value === undefined) return props.has("port") ? "HTTP" : "GENEVE";
    return value.trim().toUpperCase();
}

/** Protocols whose listeners terminate TLS and so need a certificate and a TLS policy. */
export const tlsProtocols: ReadonlySet<string> = new Set(["HTTPS", "TLS", "SSL"]);

// --- TLS policy knobs and verdicts --------------------------------------------------------------------

export const tlsPolicyKnobs = {
    minimumTlsVersion: stringKnob({
            default: "1.2",
            pattern: "^1\\.[23]$",
            maxLength: 3,
            description: 'The lowest TLS version a listener may accept: "1.2" (the default) or "1.3".',
            allowed: '"1.2" or "1.3"',
        }),
    allowedPolicies: stringListKnob({
        default: [],
        pattern: "^ELBSecurityPolicy-[A-Za-z0-9-]{1,100}$",
        maxItems: 20,
        description: "Further predefined ELB security policy names to accept (for policies AWS published after this pack's list, that you have checked accept TLS 1.2 or later only).",
        itemWords: "ELBSecurityPolicy-… names",
    }),
};

/** A security policy name against the TLS minimum and the allow-list: pass, or the violation (echoing only predefined names). */
export function judgeTlsPolicy(name: string, o: { path: string; fix: string; minimum: string; allowed: readonly string[] }): Outcome {
    const value = name.trim();
    if (o.allowed.includes(value)) return { kind: "pass" };
    const min = minimumTls(value);
    const required = o.minimum === "1.3" ? 13 : 12;
    if (min === undefined) return violation({ code: "unrecognised", field: o.path, problem: `${o.path} is not a predefined ELB security policy the pack knows`, fix: o.fix });
    if (min >= required) return { kind: "pass" };
    return violation({ code: "belowMinimum", field: o.path, problem: `${o.path} is "${value}", which accepts TLS 1.${min - 10}, below TLS ${o.minimum}`, fix: o.fix });
}

// --- HTTP listener actions ----------------------------------------------------------------------------

export const redirectFix = 'set defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]';
const actionTypes: ReadonlySet<string> = new Set(["forward", "redirect", "fixed-response", "authenticate-cognito", "authenticate-oidc", "jwt-validation"]);

/** One action of an HTTP listener or its rules: a redirect to HTTPS, or a fixed response (which serves no application data). */
/** `fix` names the list the action is in (a listener's defaultActions, a rule's actions). */
export function checkRedirectAction(path: string, action: Props, fix: string = redirectFix): Outcome {
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


// --- Classic listeners --------------------------------------------------------------------------------

/**
 * The HTTPS and SSL entries of a classic load balancer's `listeners`, and the outcomes for entries
 * whose protocol cannot be read (unknown, wrong type) or for a list that cannot be.
 */
export function classicTlsListeners(props: Props): { listeners: Element[]; outcomes: Outcome[] } {
    const fix = 'set listeners[].lbProtocol: "HTTPS"';
    const { elements, outcomes } = elementsOf(props, { field: "listeners", fix });
    const listeners: Element[] = [];
    for (const e of elements) {
        const protocol = valueOf(unsetWhenEmpty(lowerString(e.props, "lbProtocol")), { path: `${e.path}.lbProtocol`, expected: "a string", fix, absent: undefined });
        if (isOutcome(protocol)) outcomes.push(protocol);
        else if (protocol !== undefined && tlsProtocols.has(protocol.toUpperCase())) listeners.push(e);
    }
    return { listeners, outcomes };
}
