// Elastic Load Balancing controls: HTTP redirected to HTTPS (listeners and their rules), TLS listeners with ACM certificates
// and TLS 1.2+ security policies, classic listeners TLS-only and cross-zone, deletion protection,
// access logs, and a WAF web ACL on every Application Load Balancer. Certificates, classic TLS
// policies and WAF associations are separate resources, so those are stack checks.

import accessLogs from "./access-logs";
import acmCertificate from "./acm-certificate";
import classicTlsPolicy from "./classic-tls-policy";
import crossZone from "./cross-zone";
import deletionProtection from "./deletion-protection";
import httpsRedirect from "./https-redirect";
import httpsRedirectRules from "./https-redirect-rules";
import listenerTlsPolicy from "./listener-tls-policy";
import tlsListenersOnly from "./tls-listeners-only";
import waf from "./waf";

export const policies = [httpsRedirect, listenerTlsPolicy, tlsListenersOnly, crossZone, deletionProtection, accessLogs];
export const stackPolicies = [httpsRedirectRules, acmCertificate, classicTlsPolicy, waf];
