import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../cases";
import { BUILD_SECRET, lambdaFunctionUrl, lambdaFunctionUrlOutputs, lambdaPermission, lambdaPermissionOutputs } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const unrestricted = { sourceArn: undefined, sourceAccount: undefined };

policyCases("aws-lambda-permission-not-public", [
    passes(lambdaPermission()),
    passes(lambdaPermission({ sourceArn: undefined })),
    passes(lambdaPermission({ sourceAccount: undefined })),
    passes(lambdaPermission({ principal: "444455556666", ...unrestricted })),
    passes(lambdaPermission({ principal: "arn:aws:iam::444455556666:role/caller", ...unrestricted })),
    // "*" restricted to an organization or a source is not public.
    passes(lambdaPermission({ principal: "*", ...unrestricted, principalOrgId: "o-abc123" })),
    passes(lambdaPermission({ principal: "*", sourceAccount: undefined })),
    // Alexa skills are restricted by their event source token.
    passes(lambdaPermission({ principal: "alexa-appkit.amazon.com", ...unrestricted, eventSourceToken: "amzn1.ask.skill.abc" })),
    violates(lambdaPermission({ principal: "*", ...unrestricted }), { code: "public", field: "principal" }),
    violates(lambdaPermission({ principal: "*", ...unrestricted, action: "lambda:InvokeFunctionUrl", functionUrlAuthType: "NONE" }), { code: "public", field: "principal" }),
    violates(lambdaPermission({ principal: "arn:aws:iam::*:root", ...unrestricted }), { code: "public", field: "principal" }),
    violates(lambdaPermission(unrestricted), { code: "unrestrictedService", field: "sourceArn" }),
    violates(lambdaPermission({ principal: "sns.amazonaws.com", ...unrestricted }), { code: "unrestrictedService", field: "sourceArn" }),
    violates(lambdaPermission({ principal: "events.amazonaws.com", sourceArn: "", sourceAccount: "  " }), { code: "unrestrictedService", field: "sourceArn" }),
    // A source ARN of wildcards only restricts nothing; one naming an account or a resource does.
    violates(lambdaPermission({ sourceArn: "arn:aws:s3:::*", sourceAccount: undefined }), { code: "unrestrictedService", field: "sourceArn" }),
    violates(lambdaPermission({ principal: "*", sourceArn: "*", sourceAccount: undefined }), { code: "public", field: "principal" }),
    passes(lambdaPermission({ principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/records", sourceAccount: undefined })),
    passes(lambdaPermission({ sourceArn: "arn:aws:s3:::phi-intake-*", sourceAccount: undefined })),
    violates(lambdaPermission({ principal: "" }), { code: "notSet", field: "principal" }),
    violates(lambdaPermission({ principal: undefined }), { code: "notSet", field: "principal" }),
    violates(lambdaPermission({ principal: ["*"] }), { code: "wrongType", field: "principal" }),
    violates(lambdaPermission({ principal: "*", ...unrestricted, principalOrgId: 7 }), { code: "wrongType", field: "principalOrgId" }),
    // A restriction unknown at preview is set; an unknown principal leaves the check undecided.
    passes(lambdaPermission({ sourceArn: unknown, sourceAccount: undefined })),
    undecided(lambdaPermission({ principal: unknown }), "principal"),
    passes(lambdaPermissionOutputs()),
    passes(lambdaPermissionOutputs({ principal: "444455556666", sourceArn: "", sourceAccount: "" })),
    violates(lambdaPermissionOutputs({ sourceArn: "", sourceAccount: "" }), { code: "unrestrictedService", field: "sourceArn" }),
    violates(lambdaPermissionOutputs({ principal: "*", sourceArn: "", sourceAccount: "" }), { code: "public", field: "principal" }),
    garbage(lambdaPermission({ principal: secret(BUILD_SECRET), sourceArn: { SECRET: 1 }, eventSourceToken: secret("SECRET") }), undefined, [BUILD_SECRET]),
    garbage(lambdaPermission({ principal: "*", sourceArn: [unknown], sourceAccount: secret("SECRET") })),
    noAutoRemediation(lambdaPermission({ principal: "*", ...unrestricted })),
]);

const field = "authorizationType";

policyCases("aws-lambda-function-url-auth", [
    passes(lambdaFunctionUrl()),
    passes(lambdaFunctionUrlOutputs()),
    violates(lambdaFunctionUrl({ [field]: "NONE" }), { code: "notAllowed", field }),
    violates(lambdaFunctionUrlOutputs({ [field]: "NONE" }), { code: "notAllowed", field }),
    violates(lambdaFunctionUrl({ [field]: undefined }), { code: "notSet", field }),
    violates(lambdaFunctionUrl({ [field]: "" }), { code: "notSet", field }),
    violates(lambdaFunctionUrl({ [field]: "OPEN" }), { code: "unrecognised", field }),
    violates(lambdaFunctionUrl({ [field]: true }), { code: "wrongType", field }),
    undecided(lambdaFunctionUrl({ [field]: unknown }), field),
    garbage(lambdaFunctionUrl({ [field]: secret("SECRET"), cors: { SECRET: [unknown] } })),
    noAutoRemediation(lambdaFunctionUrl({ [field]: "NONE" })),
]);
