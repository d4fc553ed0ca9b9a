import { garbage, passes, policyCases, remediates, violates } from "../cases";
import { secretsManagerSecret } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const field = "kmsKeyId";

policyCases("aws-secretsmanager-customer-managed-key", [
    passes(secretsManagerSecret()),
    passes(secretsManagerSecret({ [field]: unknown })),
    passes(secretsManagerSecret({ [field]: "alias/phi-secrets" })),
    // Omitted means the AWS-managed aws/secretsmanager key.
    violates(secretsManagerSecret({ [field]: undefined }), { code: "notSet", field }),
    violates(secretsManagerSecret({ [field]: "alias/aws/secretsmanager" }), { code: "awsManagedKey", field }),
    violates(secretsManagerSecret({ [field]: "aws/secretsmanager" }), { code: "awsManagedKey", field }),
    violates(secretsManagerSecret({ [field]: "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager" }), { code: "awsManagedKey", field }),
    violates(secretsManagerSecret({ [field]: ["arn"] }), { code: "wrongType", field }),
    // Outputs-shaped: "" when no key was named.
    violates(secretsManagerSecret({ [field]: "" }), { code: "notSet", field }),
    garbage(secretsManagerSecret({ [field]: { SECRET: 1 }, description: secret("SECRET") })),
    remediates(secretsManagerSecret({ [field]: undefined }), "nothing"),
]);
