import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { domainTypes, nodeToNodeEnabled } from "./facts";

export default attributeRule({
    name: "aws-opensearch-node-to-node-encryption",
    description: "OpenSearch and Elasticsearch domains encrypt traffic between their nodes with TLS.",
    severity: "high",
    types: domainTypes,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2"],
    tags: ["aws", "opensearch", "elasticsearch", "encryption", "encryption-in-transit"],
    anchors: { awsConfig: ["opensearch-node-to-node-encryption-check", "elasticsearch-node-to-node-encryption-check"], checkov: ["CKV_AWS_6"] },
    remediation:
        "Set `nodeToNodeEncryption: { enabled: true }` on the `aws.opensearch.Domain` or `aws.elasticsearch.Domain` (off when the block is omitted; " +
        "Elasticsearch 6.0 or later). It cannot be turned off again once on.",
    requires: [mustBeTrue(nodeToNodeEnabled, { fix: "set nodeToNodeEncryption: { enabled: true }" })],
    noAutoRemediation: "node-to-node encryption cannot be turned off once on and older Elasticsearch versions cannot enable it in place, so it is a person's decision",
});
