// ACM certificates on TLS listeners (AnalyzeStack): an in-stack aws.acm.Certificate by property
// dependency, or a known ARN read by its prefix; IAM server certificates are reported.

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import {
    ACM_CERT_ARN, classicLoadBalancer, classicLoadBalancerOutputs, IAM_CERT_ARN, lbHttpListener, lbListener, lbListenerCertificate, lbListenerOutputs, res,
} from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elb-acm-certificate";
const cert = res("aws:acm/certificate:Certificate", "phi-cert", { domainName: "phi.internal.example.com", validationMethod: "DNS", arn: unknown });
const iamCert = res("aws:iam/serverCertificate:ServerCertificate", "legacy", { certificateBody: secret("SECRET-body"), privateKey: secret("SECRET-key"), arn: unknown });
const on = (make: typeof lbListener, name: string, changes: Record<string, unknown>, deps: Record<string, typeof cert[]> = {}) => {
    const r = make(changes);
    return res(r.type, name, r.props, deps);
};
const validation = res("aws:acm/certificateValidation:CertificateValidation", "validation", { certificateArn: unknown }, { certificateArn: [cert] });
const listenerOn = (c: typeof cert) => on(lbListener, "https", { certificateArn: unknown }, { certificateArn: [c] });
const https = { lbPort: 443, lbProtocol: "HTTPS", instancePort: 443, instanceProtocol: "HTTPS" };

stackCases(policy, [
    stackPasses([cert, listenerOn(cert)]),
    // Through the resource that waits for the certificate's issuance.
    stackPasses([cert, validation, listenerOn(validation)]),
    stackPasses([on(lbListener, "https", {}), on(lbListenerCertificate, "extra", {})]),
    stackPasses([on(classicLoadBalancer, "clb", {})]),
    stackPasses([cert, on(classicLoadBalancer, "clb", { listeners: [{ ...https, sslCertificateId: unknown }] }, { listeners: [cert] })]),
    // A literal ARN of an in-stack certificate, and GovCloud's partition.
    stackPasses([res(cert.type, "c", { ...cert.props, arn: ACM_CERT_ARN }), on(lbListener, "https", { certificateArn: ACM_CERT_ARN })]),
    stackPasses([on(lbListener, "https", { certificateArn: "arn:aws-us-gov:acm:us-gov-west-1:111122223333:certificate/1" })]),
    stackPasses([lbListenerOutputs(), classicLoadBalancerOutputs()]),
    stackViolates([iamCert, listenerOn(iamCert)], [{ on: "https", code: "iamCertificate", field: "certificateArn" }]),
    stackViolates([on(lbListener, "https", { certificateArn: IAM_CERT_ARN })], [{ on: "https", code: "iamCertificate", field: "certificateArn" }]),
    stackViolates([on(lbListenerCertificate, "extra", { certificateArn: IAM_CERT_ARN })], [{ on: "extra", code: "iamCertificate", field: "certificateArn" }]),
    stackViolates([on(lbListener, "https", { certificateArn: "arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/1" })], [{ on: "https", code: "notAcm", field: "certificateArn" }]),
    stackViolates([on(lbListener, "https", { certificateArn: undefined })], [{ on: "https", code: "notSet", field: "certificateArn" }]),
    stackViolates([on(lbListener, "tls", { protocol: "TLS", certificateArn: "" })], [{ on: "tls", code: "notSet", field: "certificateArn" }]),
    stackViolates(
        [on(classicLoadBalancer, "clb", { listeners: [{ ...https, sslCertificateId: ACM_CERT_ARN }, { ...https, lbPort: 8443, lbProtocol: "SSL", sslCertificateId: IAM_CERT_ARN }] })],
        [{ on: "clb", code: "iamCertificate", field: "listeners[1].sslCertificateId" }],
    ),
    stackViolates([iamCert, on(classicLoadBalancer, "clb", { listeners: [{ ...https, sslCertificateId: unknown }] }, { listeners: [iamCert] })], [{ on: "clb", code: "iamCertificate" }]),
    stackViolates([classicLoadBalancerOutputs({ listeners: [{ ...https, lbProtocol: "https", sslCertificateId: IAM_CERT_ARN }] })], [{ on: "phi-clb", code: "iamCertificate" }]),
    stackViolates([on(classicLoadBalancer, "clb", { listeners: [{ ...https, sslCertificateId: undefined }] })], [{ on: "clb", code: "notSet" }]),
    stackViolates([on(lbListener, "https", { certificateArn: 42 })], [{ on: "https", code: "wrongType", field: "certificateArn" }]),
    stackUndecided([on(lbListener, "https", { certificateArn: unknown })], [{ on: "https", fields: "certificateArn" }]),
    stackUndecided([on(lbListener, "https", { protocol: unknown })], [{ on: "https", fields: "protocol" }]),
    stackUndecided([cert, iamCert, on(classicLoadBalancer, "clb", { listeners: [{ ...https, sslCertificateId: unknown }] }, { listeners: [cert, iamCert] })], [{ on: "clb", fields: "listeners[0].sslCertificateId" }]),
    stackNotApplicable([on(lbHttpListener, "http", {})], /does not terminate TLS/),
    stackNotApplicable([on(classicLoadBalancer, "clb", { listeners: [{ lbPort: 80, lbProtocol: "HTTP", instancePort: 80, instanceProtocol: "HTTP" }] })], /no HTTPS or SSL listener/),
    stackNotApplicable([cert], /has no resource of type/),
    stackGarbage([iamCert, on(lbListener, "https", { certificateArn: secret("SECRET"), protocol: ["x"] }), on(classicLoadBalancer, "clb", { listeners: [{ sslCertificateId: { SECRET: 1 }, lbProtocol: "SSL" }, 3] })]),
]);
