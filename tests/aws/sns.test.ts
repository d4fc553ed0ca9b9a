import { garbage, passes, policyCases, remediates, violates } from "../cases";
import { snsTopic } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const field = "kmsMasterKeyId";
const cmk = { requireCustomerManagedKey: true };

policyCases("aws-sns-topic-encryption", [
    passes(snsTopic()),
    // AWS Config's sns-encrypted-kms accepts the AWS-managed key; so does the pack unless told otherwise.
    passes(snsTopic({ [field]: "alias/aws/sns" })),
    passes(snsTopic({ [field]: unknown })),
    violates(snsTopic({ [field]: undefined }), { code: "notSet", field }),
    violates(snsTopic({ [field]: "" }), { code: "notSet", field }),
    violates(snsTopic({ [field]: 42 }), { code: "wrongType", field }),
    passes(snsTopic(), cmk),
    passes(snsTopic({ [field]: unknown }), cmk),
    violates(snsTopic({ [field]: "alias/aws/sns" }), { code: "awsManagedKey", field }, cmk),
    violates(snsTopic({ [field]: "ALIAS/AWS/SNS" }), { code: "awsManagedKey", field }, cmk),
    violates(snsTopic({ [field]: undefined }), { code: "notSet", field }, cmk),
    garbage(snsTopic({ [field]: { SECRET: 1 }, policy: secret("SECRET") })),
    remediates(snsTopic({ [field]: undefined }), "nothing"),
]);
