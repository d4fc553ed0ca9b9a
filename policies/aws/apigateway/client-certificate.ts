import { defineResourcePolicy } from "../../lib/policy";
import { mustBeSet } from "../../lib/rules";
import { clientCertificateId, restStage } from "./facts";

const certificate = mustBeSet(clientCertificateId, {
    fix: "set clientCertificateId to an aws.apigateway.ClientCertificate's id, and have the backend accept only requests signed with it",
    missing: "clientCertificateId is not set, so the backend cannot tell API Gateway's requests from anyone else's",
});

export default defineResourcePolicy({
    name: "aws-apigateway-client-certificate",
    description: "REST API stages authenticate to their backend with an API Gateway client certificate (TLS client authentication).",
    severity: "medium",
    types: [restStage],
    hipaa: ["164.312(d)", "164.312(e)(1)"],
    hitrust: ["01.q", "0808.10b2"],
    tags: ["aws", "apigateway", "authentication", "encryption-in-transit"],
    anchors: { awsConfig: ["api-gw-ssl-enabled"], checkov: ["CKV2_AWS_51"] },
    remediation:
        "Create an `aws.apigateway.ClientCertificate` and set `clientCertificateId: clientCertificate.id` on the `aws.apigateway.Stage`; configure the backend " +
        "(HTTPS endpoint) to require that certificate.",
    noAutoRemediation: "the backend must be set up to verify the client certificate, which only a person can do",
    check: r => certificate.check(r.props, undefined),
});
