import { garbage, passes, policyCases, remediates, violates } from "../../cases";
import { sagemakerEndpointConfiguration } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-sagemaker-endpoint-encryption", [
    passes(sagemakerEndpointConfiguration()),
    passes(sagemakerEndpointConfiguration({ kmsKeyArn: unknown })),
    violates(sagemakerEndpointConfiguration({ kmsKeyArn: undefined }), { code: "notSet", field: "kmsKeyArn" }),
    violates(sagemakerEndpointConfiguration({ kmsKeyArn: "" }), { code: "notSet", field: "kmsKeyArn" }),
    violates(sagemakerEndpointConfiguration({ kmsKeyArn: 7 }), { code: "wrongType", field: "kmsKeyArn" }),
    garbage(sagemakerEndpointConfiguration({ kmsKeyArn: { SECRET: 1 }, productionVariants: secret("SECRET") })),
    remediates(sagemakerEndpointConfiguration({ kmsKeyArn: undefined }), "nothing"),
]);
