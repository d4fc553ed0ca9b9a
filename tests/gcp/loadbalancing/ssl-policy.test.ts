import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { regionSslPolicy, regionTargetHttpsProxy, res, sslPolicy, targetHttpsProxy, targetSslProxy } from "../../factories";
import { asOutputs } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const policy = "gcp-loadbalancing-ssl-policy";
type Props = Record<string, unknown>;
const tls = (props: Props = {}, name = "tls12") => res(sslPolicy().type, name, { ...sslPolicy().props, selfLink: unknown, id: unknown, ...props });
const rtls = (props: Props = {}) => res(regionSslPolicy().type, "rtls12", { ...regionSslPolicy().props, ...props });
const https = (policyResource?: ReturnType<typeof tls>, props: Props = {}, name = "web") =>
    res(targetHttpsProxy().type, name, { ...targetHttpsProxy().props, sslPolicy: policyResource ? unknown : undefined, ...props }, policyResource ? { sslPolicy: [policyResource] } : {});
const link = "https://www.googleapis.com/compute/v1/projects/phi-prod/global/sslPolicies/phi-tls12";
const policyOutputs = (props: Props = {}) =>
    asOutputs(res(sslPolicy().type, "tls12", { creationTimestamp: "", customFeatures: [], description: "", enabledFeatures: ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"], fingerprint: "f", id: "projects/phi-prod/global/sslPolicies/phi-tls12", minTlsVersion: "TLS_1_2", name: "phi-tls12", profile: "MODERN", project: "phi-prod", selfLink: link, ...props }));
const proxyOutputs = (props: Props = {}) =>
    asOutputs(res(targetHttpsProxy().type, "web", { certificateManagerCertificates: [], certificateMap: "", description: "", fingerprint: "f", httpKeepAliveTimeoutSec: 0, id: "projects/phi-prod/global/targetHttpsProxies/web", name: "web", project: "phi-prod", proxyBind: false, proxyId: 1, quicOverride: "NONE", selfLink: "", serverTlsPolicy: "", sslCertificates: [], sslPolicy: link, tlsEarlyData: "", urlMap: "phi-map", ...props }));

const p = tls();

stackCases(policy, [
    stackPasses([p, https(p)]),
    // By name, self link or id, regional and SSL proxies too; RESTRICTED and FIPS whatever their minimum.
    stackPasses([sslPolicy(), targetHttpsProxy(), targetSslProxy()].map(r => res(r.type, r.name, r.props))),
    stackPasses([rtls({ minTlsVersion: undefined }), res(regionTargetHttpsProxy().type, "rweb", regionTargetHttpsProxy().props)]),
    stackPasses([tls({ profile: "FIPS_202205" }), https(tls({ profile: "FIPS_202205" }))]),
    stackPasses([policyOutputs(), proxyOutputs()]),
    stackPasses([tls({ profile: "CUSTOM", customFeatures: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] }), https(tls({ profile: "CUSTOM", customFeatures: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] }))]),
    // No SSL policy: Google's default (COMPATIBLE, TLS 1.0), reported on the proxy.
    stackViolates([https()], [{ on: "web", code: "defaultSslPolicy", field: "sslPolicy" }]),
    stackViolates([proxyOutputs({ sslPolicy: "" })], [{ on: "web", code: "defaultSslPolicy", field: "sslPolicy" }]),
    // A weak policy, reported on the policy.
    stackViolates([tls({ profile: undefined, minTlsVersion: undefined }), https(tls({ profile: undefined, minTlsVersion: undefined }))], [{ on: "tls12", code: "absentDefault", field: "profile" }]),
    stackViolates([tls({ profile: "COMPATIBLE" }), https(tls({ profile: "COMPATIBLE" }))], [{ on: "tls12", code: "notAllowed", field: "profile" }]),
    stackViolates([tls({ minTlsVersion: "TLS_1_1" }), https(tls({ minTlsVersion: "TLS_1_1" }))], [{ on: "tls12", code: "notAllowed", field: "minTlsVersion" }]),
    stackViolates([tls({ minTlsVersion: undefined }), https(tls({ minTlsVersion: undefined }))], [{ on: "tls12", code: "absentDefault", field: "minTlsVersion" }]),
    stackViolates([policyOutputs({ profile: "CUSTOM", customFeatures: ["TLS_RSA_WITH_AES_128_CBC_SHA"] }), proxyOutputs()], [{ on: "tls12", code: "weakCipher", field: "customFeatures" }]),
    // Two proxies on one weak policy: one finding on it.
    stackViolates([tls({ profile: "COMPATIBLE" }), https(tls({ profile: "COMPATIBLE" })), https(tls({ profile: "COMPATIBLE" }), {}, "web2")], [{ on: "tls12", code: "notAllowed", field: "profile" }]),
    // A policy managed elsewhere is checked where it is defined; unknown references stay undecided.
    stackNotApplicable([https(undefined, { sslPolicy: "projects/shared/global/sslPolicies/org-tls" })], /not created by this stack/),
    stackUndecided([https(undefined, { sslPolicy: unknown })], [{ on: "web", fields: "sslPolicy" }]),
    stackUndecided([tls({ profile: unknown }), https(tls({ profile: unknown }))], [{ on: "tls12", fields: "profile" }]),
    stackUndecided([tls({ profile: "CUSTOM", customFeatures: [unknown] }), https(tls({ profile: "CUSTOM", customFeatures: [unknown] }))], [{ on: "tls12", fields: "customFeatures" }]),
    stackGarbage([tls({ profile: 3, customFeatures: "x" }), https(tls({ profile: 3 })), res(targetSslProxy().type, "t", { sslPolicy: 7 }), res(targetHttpsProxy().type, "u", { sslPolicy: ["a"] })]),
]);
