import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { domainTypes, encryptAtRestEnabled } from "./facts";

export default attributeRule({
    name: "aws-opensearch-encryption-at-rest",
    description: "OpenSearch and Elasticsearch domains encrypt indices, logs, swap files and automated snapshots at rest with KMS.",
    severity: "critical",
    types: domainTypes,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["0903.10f1", "19141.06c1"],
    tags: ["aws", "opensearch", "elasticsearch", "encryption", "encryption-at-rest"],
    anchors: { awsConfig: ["opensearch-encrypted-at-rest", "elasticsearch-encrypted-at-rest"], checkov: ["CKV_AWS_5"] },
    remediation:
        "Set `encryptAtRest: { enabled: true, kmsKeyId: <customer-managed key ARN> }` on the `aws.opensearch.Domain` or `aws.elasticsearch.Domain` " +
        "(off when the block is omitted; `aws/es` is used without a key). It cannot be turned off again once on.",
    requires: [mustBeTrue(encryptAtRestEnabled, { fix: "set encryptAtRest: { enabled: true }" })],
    noAutoRemediation: "encryption at rest cannot be turned off once on, and the KMS key is a person's choice",
});
