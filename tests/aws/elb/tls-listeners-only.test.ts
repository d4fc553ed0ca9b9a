import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { ACM_CERT_ARN, classicLoadBalancer, classicLoadBalancerOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const https = { lbPort: 443, lbProtocol: "HTTPS", instancePort: 443, instanceProtocol: "HTTPS", sslCertificateId: ACM_CERT_ARN };
const http = { lbPort: 80, lbProtocol: "HTTP", instancePort: 80, instanceProtocol: "HTTP" };

policyCases("aws-elb-tls-listeners-only", [
    passes(classicLoadBalancer()),
    passes(classicLoadBalancer({ listeners: [https, { ...https, lbPort: 8443, lbProtocol: "ssl", instanceProtocol: "SSL" }] })),
    passes(classicLoadBalancerOutputs()),
    violates(classicLoadBalancer({ listeners: [https, http] }), { code: "notAllowed", field: "listeners[1].lbProtocol" }),
    violates(classicLoadBalancer({ listeners: [{ ...http, lbProtocol: "tcp" }] }), { code: "notAllowed", field: "listeners[0].lbProtocol" }),
    violates(classicLoadBalancerOutputs({ listeners: [{ ...http, lbProtocol: "http", sslCertificateId: "" }] }), { code: "notAllowed", field: "listeners[0].lbProtocol" }),
    violates(classicLoadBalancer({ listeners: [{ ...http, lbProtocol: "SECRET-proto" }] }), { code: "unrecognised", field: "listeners[0].lbProtocol" }),
    violates(classicLoadBalancer({ listeners: [{ ...http, lbProtocol: undefined }] }), { code: "notSet", field: "listeners[0].lbProtocol" }),
    violates(classicLoadBalancer({ listeners: { lbProtocol: "HTTP" } }), { code: "wrongType", field: "listeners" }),
    undecided(classicLoadBalancer({ listeners: [https, { ...http, lbProtocol: unknown }] }), "listeners[1].lbProtocol"),
    undecided(classicLoadBalancer({ listeners: unknown }), "listeners"),
    garbage(classicLoadBalancer({ listeners: [7, null, { lbProtocol: secret("SECRET") }, [unknown]] })),
    noAutoRemediation(classicLoadBalancer({ listeners: [http] })),
]);
