// What the pack knows about Cloud Load Balancing backend services, target proxies and SSL policies.

import { booleanAttribute, cloudFact, gcpTypes, serviceFact, stringAttribute } from "../../lib/facts";

export const backendService = "gcp:compute/backendService:BackendService";
export const regionBackendService = "gcp:compute/regionBackendService:RegionBackendService";
export const targetHttpsProxy = "gcp:compute/targetHttpsProxy:TargetHttpsProxy";
export const regionTargetHttpsProxy = "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy";
export const targetSslProxy = "gcp:compute/targetSSLProxy:TargetSSLProxy";
export const sslPolicy = "gcp:compute/sSLPolicy:SSLPolicy";
export const regionSslPolicy = "gcp:compute/regionSslPolicy:RegionSslPolicy";

export const backendTypes = [backendService, regionBackendService];
export const proxyTypes = [targetHttpsProxy, regionTargetHttpsProxy, targetSslProxy];
export const sslPolicyTypes = [sslPolicy, regionSslPolicy];

const backendSource = `${gcpTypes("compute/backendService")}, ${gcpTypes("compute/regionBackendService")}`;
export const logEnable = booleanAttribute({ types: backendTypes, block: "logConfig", field: "enable", default: false, source: backendSource });
export const logSampleRate = cloudFact({ about: "gcp.compute.BackendService, RegionBackendService logConfig.sampleRate", says: "defaults to 1.0 (every request); 0 logs none", source: backendSource }, { field: "sampleRate", absent: 1 });

const sslSource = `${gcpTypes("compute/sslpolicy")}, ${gcpTypes("compute/regionSslPolicy")}`;
export const minTlsVersion = stringAttribute({ types: sslPolicyTypes, field: "minTlsVersion", default: "TLS_1_0", values: ["TLS_1_0", "TLS_1_1", "TLS_1_2", "TLS_1_3"], source: sslSource });
export const profile = stringAttribute({ types: sslPolicyTypes, field: "profile", default: "COMPATIBLE", values: ["COMPATIBLE", "MODERN", "RESTRICTED", "CUSTOM", "FIPS_202205"], source: sslSource });
serviceFact({
    about: "gcp.compute.TargetHttpsProxy, RegionTargetHttpsProxy, TargetSSLProxy sslPolicy",
    says: "omitted: the load balancer uses Google's default SSL policy, the COMPATIBLE profile with TLS 1.0 allowed",
    source: `${gcpTypes("compute/targetHttpsProxy")}; https://cloud.google.com/load-balancing/docs/ssl-policies-concepts (default SSL policy); CIS Google Cloud Platform Foundations 3.9`,
});
serviceFact({
    about: "SSL policy profiles RESTRICTED and FIPS_202205",
    says: "offer TLS 1.2+ cipher suites only, so clients negotiate TLS 1.2 or later whatever minTlsVersion says",
    source: "https://cloud.google.com/load-balancing/docs/ssl-policies-concepts (pre-configured profiles); CIS Google Cloud Platform Foundations 3.9",
});
/** The cipher suites CIS rules out of a CUSTOM profile: RSA key exchange (no forward secrecy) and 3DES. */
export const weakFeatures = cloudFact(
    {
        about: "gcp.compute.SSLPolicy customFeatures",
        says: "weak: TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_256_GCM_SHA384, TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_256_CBC_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        source: "CIS Google Cloud Platform Foundations 3.9; https://cloud.google.com/load-balancing/docs/ssl-policies-concepts",
    },
    new Set(["TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"]),
);
