import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { elasticsearchDomain, opensearchDomain } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "nodeToNodeEncryption.enabled";

policyCases("aws-opensearch-node-to-node-encryption", [
    passes(opensearchDomain()),
    passes(elasticsearchDomain()),
    violates(opensearchDomain({ nodeToNodeEncryption: undefined }), { code: "absentDefault", field }),
    violates(elasticsearchDomain({ nodeToNodeEncryption: { enabled: false } }), { code: "notAllowed", field }),
    violates(opensearchDomain({ nodeToNodeEncryption: { enabled: 1 } }), { code: "wrongType", field }),
    undecided(opensearchDomain({ nodeToNodeEncryption: { enabled: unknown } }), field),
    // Outputs-shaped.
    passes(elasticsearchDomain({ nodeToNodeEncryption: [{ enabled: true }] })),
    violates(opensearchDomain({ nodeToNodeEncryption: [{ enabled: false }] }), { code: "notAllowed", field }),
    garbage(opensearchDomain({ nodeToNodeEncryption: secret("SECRET") })),
    remediates(opensearchDomain({ nodeToNodeEncryption: undefined }), "nothing"),
]);
