import { garbage, passes, policyCases, remediates, stackCases, stackPasses, stackUndecided, stackViolates, violates } from "../cases";
import { res, secretsManagerSecret } from "../factories";
import { ResourceInput, secret, unknown } from "../../tools/lib/analyzer-client";

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

const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
const s = res(secretsManagerSecret().type, "phi-db-credentials", secretsManagerSecret().props);
const rotation = (props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = { secretId: [s] }) =>
    res(ROTATION, "phi-db-rotation", { secretId: unknown, rotationLambdaArn: "arn:aws:lambda:us-east-1:111122223333:function:rotate", ...props }, deps);
const onSecret = (code: string) => [{ on: "phi-db-credentials", code }];

stackCases("aws-secretsmanager-rotation", [
    // A secret rotated every 90 days or fewer, or on a schedule, by dependency or by name.
    stackPasses([s, rotation({ rotationRules: { automaticallyAfterDays: 30 } })]),
    stackPasses([s, rotation({ rotationRules: { scheduleExpression: "rate(30 days)" } })]),
    stackPasses([s, rotation({ secretId: "phi/db", rotationRules: { automaticallyAfterDays: 90 } }, {})]),
    // Outputs-shaped: a one-element list with "" for the unused schedule.
    stackPasses([s, rotation({ rotationEnabled: true, rotationRules: [{ automaticallyAfterDays: 7, scheduleExpression: "", duration: "" }] })]),
    // A secret without rotation, with rotation turned off, without a schedule or rotated too rarely.
    stackViolates([s], onSecret("missingResource")),
    stackViolates([s, rotation({ secretId: "another/secret", rotationRules: { automaticallyAfterDays: 30 } }, {})], onSecret("missingResource")),
    stackViolates([s, rotation({ rotationEnabled: false })], onSecret("rotationDisabled")),
    stackViolates([s, rotation({})], onSecret("notSet")),
    stackViolates([s, rotation({ rotationRules: { automaticallyAfterDays: 365 } })], onSecret("aboveMaximum")),
    stackViolates([s, rotation({ rotationRules: { automaticallyAfterDays: "monthly" } })], onSecret("wrongType")),
    // maximumRotationDays.
    stackPasses([s, rotation({ rotationRules: { automaticallyAfterDays: 365 } })], { maximumRotationDays: 365 }),
    stackViolates([s, rotation({ rotationRules: { automaticallyAfterDays: 60 } })], onSecret("aboveMaximum"), { maximumRotationDays: 30 }),
    // Undecided when the rotation's secret or rules are unknown at preview.
    stackUndecided([s, rotation({ rotationRules: { automaticallyAfterDays: 30 } }, {})], [{ on: "phi-db-credentials", fields: "SecretRotation.secretId" }]),
    stackUndecided([s, rotation({ rotationRules: unknown })], [{ on: "phi-db-credentials", fields: "SecretRotation.rotationRules" }]),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([s, rotation({ rotationEnabled: secret("SECRET"), rotationRules: { automaticallyAfterDays: { SECRET: 1 } } })], onSecret("wrongType")),
]);
