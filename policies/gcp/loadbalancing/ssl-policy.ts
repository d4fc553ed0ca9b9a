import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { isUnknown } from "../../lib/props";
import { oneOf, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { about, defineStackPolicy, ReferenceTarget, referenced, StackOutcome, StackResource } from "../../lib/stack";
import { minTlsVersion, profile, proxyTypes, sslPolicyTypes, weakFeatures } from "./facts";

/** An SSL policy's self link or id, as the part both share (projects/P/.../sslPolicies/N); a bare name stays a name. */
function policyKey(value: string): string {
    const i = value.indexOf("projects/");
    return i >= 0 ? value.slice(i) : value;
}

const target: ReferenceTarget = { types: sslPolicyTypes, keys: ["selfLink", "id", "name"], normalize: policyKey };
const tls12 = ["TLS_1_2", "TLS_1_3"];
const attachFix = "set sslPolicy to a gcp.compute.SSLPolicy with profile MODERN or RESTRICTED and minTlsVersion TLS_1_2";

/** What one SSL policy allows: RESTRICTED and FIPS_202205 only TLS 1.2+; MODERN and CUSTOM with minTlsVersion TLS_1_2; CUSTOM without weak suites. */
function strong(policy: StackResource): Outcome[] {
    const props = policy.props;
    const chosen = valueOf(unsetWhenEmpty(props.string(profile.field)), { path: profile.field, expected: "a string", fix: 'set profile: "MODERN" or "RESTRICTED"', absent: profile.absent! });
    if (isOutcome(chosen)) return [chosen];
    const p = chosen.trim().toUpperCase();
    if (p === "RESTRICTED" || p === "FIPS_202205") return [pass];
    if (p !== "MODERN" && p !== "CUSTOM") {
        const shown = profile.values!.includes(p) ? `"${p}"` : "not a recognised profile";
        const problem = props.has(profile.field) ? `profile is ${shown}, which offers weak cipher suites` : 'profile is not set and defaults to "COMPATIBLE", which offers weak cipher suites';
        return [violation({ code: props.has(profile.field) ? "notAllowed" : "absentDefault", field: profile.field, problem, fix: 'set profile: "MODERN" (with minTlsVersion "TLS_1_2") or "RESTRICTED"' })];
    }
    const outcomes = [oneOf(props.string(minTlsVersion.field), { path: minTlsVersion.field, allowed: tls12, known: minTlsVersion.values!, absentMeans: minTlsVersion.absent, fix: 'set minTlsVersion: "TLS_1_2"' })];
    if (p === "CUSTOM") {
        const features = valueOf(props.list("customFeatures"), { path: "customFeatures", expected: "a list of cipher suites", fix: "list only ECDHE cipher suites in customFeatures", absent: [] as unknown[] });
        if (isOutcome(features)) outcomes.push(features);
        else if (features.some(isUnknown)) outcomes.push({ kind: "undecided", field: "customFeatures" });
        else if (features.some(f => typeof f === "string" && weakFeatures.has(f.trim().toUpperCase()))) {
            outcomes.push(violation({ code: "weakCipher", field: "customFeatures", problem: "customFeatures offers a TLS_RSA_* cipher suite (no forward secrecy, or 3DES)", fix: "remove the TLS_RSA_* suites from customFeatures" }));
        }
    }
    return outcomes;
}

export default defineStackPolicy({
    name: "gcp-loadbalancing-ssl-policy",
    description: "HTTPS and SSL proxy load balancers use an SSL policy that allows only TLS 1.2 or later with strong cipher suites (MODERN with TLS 1.2, RESTRICTED, or CUSTOM without TLS_RSA_* suites).",
    severity: "high",
    types: proxyTypes,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["gcp", "loadbalancing", "encryption", "encryption-in-transit"],
    anchors: { gcp: ["gcp-load-balancing-02"], checkov: ["CKV_GCP_4"] },
    remediation:
        'Create a `gcp.compute.SSLPolicy` (or `gcp.compute.RegionSslPolicy` for a regional proxy) with `profile: "MODERN"` and `minTlsVersion: "TLS_1_2"`, or `profile: "RESTRICTED"`, ' +
        "and set `sslPolicy` on every `gcp.compute.TargetHttpsProxy`, `RegionTargetHttpsProxy` and `TargetSSLProxy` to it. " +
        "A proxy without `sslPolicy` uses Google's default policy (COMPATIBLE, TLS 1.0). A CUSTOM profile must leave out the TLS_RSA_* suites. A policy managed outside the stack is checked where it is defined.",
    check: (proxy, stack): StackOutcome[] => {
        const set = proxy.dependsOn("sslPolicy").length > 0 || unsetWhenEmpty(proxy.props.string("sslPolicy")).state !== "absent";
        if (!set) return [violation({ code: "defaultSslPolicy", field: "sslPolicy", problem: "sslPolicy is not set, so the load balancer uses Google's default SSL policy (COMPATIBLE profile, TLS 1.0 allowed)", fix: attachFix })];
        const policy = referenced(stack, proxy, { field: "sslPolicy", target, what: "SSL policy" });
        if (isOutcome(policy)) return [policy];
        return [about(policy, strong(policy))];
    },
});
