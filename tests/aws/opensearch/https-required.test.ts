import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { elasticsearchDomain, opensearchDomain } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const block = "domainEndpointOptions";
const tls = `${block}.tlsSecurityPolicy`;
const https = `${block}.enforceHttps`;

policyCases("aws-opensearch-https-required", [
    passes(opensearchDomain()),
    passes(elasticsearchDomain({ [block]: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } })),
    // enforceHttps defaults to true inside the block.
    passes(opensearchDomain({ [block]: { tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } })),
    // Without the block HTTPS is not enforced.
    violates(opensearchDomain({ [block]: undefined }), { code: "absentDefault", field: block }),
    violates(opensearchDomain({ [block]: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } }), { code: "notAllowed", field: https }),
    violates(opensearchDomain({ [block]: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } }), { code: "notAllowed", field: tls }),
    violates(opensearchDomain({ [block]: { enforceHttps: true } }), { code: "notSet", field: tls }),
    violates(opensearchDomain({ [block]: { enforceHttps: true, tlsSecurityPolicy: "Policy-TLS-whatever" } }), { code: "unrecognised", field: tls }),
    violates(elasticsearchDomain({ [block]: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } }), [{ code: "notAllowed", field: https }, { code: "notAllowed", field: tls }]),
    violates(opensearchDomain({ [block]: { enforceHttps: "true", tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } }), { code: "wrongType", field: https }),
    undecided(opensearchDomain({ [block]: { enforceHttps: unknown, tlsSecurityPolicy: unknown } }), [https, tls]),
    undecided(opensearchDomain({ [block]: unknown }), [https, tls]),
    // Outputs-shaped: a one-element list with every field filled.
    passes(opensearchDomain({ [block]: [{ enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07", customEndpoint: "", customEndpointEnabled: false }] })),
    violates(opensearchDomain({ [block]: [{ enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07", customEndpoint: "" }] }), { code: "notAllowed", field: https }),
    garbage(opensearchDomain({ [block]: { enforceHttps: secret("SECRET"), tlsSecurityPolicy: "SECRET" } })),
    remediates(opensearchDomain({ [block]: undefined }), { [block]: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } }),
    remediates(opensearchDomain({ [block]: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07", customEndpointEnabled: false } }), {
        [block]: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07", customEndpointEnabled: false },
    }),
    remediates(opensearchDomain({ [block]: { enforceHttps: unknown } }), { [block]: { enforceHttps: unknown, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } }),
    remediates(opensearchDomain(), "nothing"),
    remediates(opensearchDomain({ [block]: unknown }), "nothing"),
]);
