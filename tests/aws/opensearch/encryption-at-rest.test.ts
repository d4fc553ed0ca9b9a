import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { elasticsearchDomain, opensearchDomain } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "encryptAtRest.enabled";

policyCases("aws-opensearch-encryption-at-rest", [
    passes(opensearchDomain()),
    passes(elasticsearchDomain()),
    passes(opensearchDomain({ encryptAtRest: { enabled: true } })),
    // A missing block means off.
    violates(opensearchDomain({ encryptAtRest: undefined }), { code: "absentDefault", field }),
    violates(elasticsearchDomain({ encryptAtRest: undefined }), { code: "absentDefault", field }),
    violates(opensearchDomain({ encryptAtRest: { enabled: false } }), { code: "notAllowed", field }),
    violates(opensearchDomain({ encryptAtRest: { enabled: "yes" } }), { code: "wrongType", field }),
    undecided(opensearchDomain({ encryptAtRest: { enabled: unknown } }), field),
    undecided(elasticsearchDomain({ encryptAtRest: unknown }), field),
    // Outputs-shaped: one-element lists.
    passes(opensearchDomain({ encryptAtRest: [{ enabled: true, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/abcd" }] })),
    violates(elasticsearchDomain({ encryptAtRest: [{ enabled: false, kmsKeyId: "" }] }), { code: "notAllowed", field }),
    garbage(opensearchDomain({ encryptAtRest: { enabled: secret("SECRET"), kmsKeyId: { SECRET: 1 } } })),
    remediates(opensearchDomain({ encryptAtRest: { enabled: false } }), "nothing"),
]);
