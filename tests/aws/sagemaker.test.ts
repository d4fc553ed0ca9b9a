import { garbage, passes, policyCases, remediates, violates } from "../cases";
import { sagemakerEndpointConfiguration, sagemakerNotebookInstance } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

policyCases("aws-sagemaker-endpoint-encryption", [
    passes(sagemakerEndpointConfiguration()),
    passes(sagemakerEndpointConfiguration({ kmsKeyArn: unknown })),
    violates(sagemakerEndpointConfiguration({ kmsKeyArn: undefined }), { code: "notSet", field: "kmsKeyArn" }),
    violates(sagemakerEndpointConfiguration({ kmsKeyArn: "" }), { code: "notSet", field: "kmsKeyArn" }),
    violates(sagemakerEndpointConfiguration({ kmsKeyArn: 7 }), { code: "wrongType", field: "kmsKeyArn" }),
    garbage(sagemakerEndpointConfiguration({ kmsKeyArn: { SECRET: 1 }, productionVariants: secret("SECRET") })),
    remediates(sagemakerEndpointConfiguration({ kmsKeyArn: undefined }), "nothing"),
]);

policyCases("aws-sagemaker-notebook-encryption", [
    passes(sagemakerNotebookInstance()),
    passes(sagemakerNotebookInstance({ kmsKeyId: unknown })),
    violates(sagemakerNotebookInstance({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }),
    violates(sagemakerNotebookInstance({ kmsKeyId: "  " }), { code: "notSet", field: "kmsKeyId" }),
    violates(sagemakerNotebookInstance({ kmsKeyId: ["key"] }), { code: "wrongType", field: "kmsKeyId" }),
    garbage(sagemakerNotebookInstance({ kmsKeyId: { SECRET: 1 }, lifecycleConfigName: secret("SECRET") })),
    remediates(sagemakerNotebookInstance({ kmsKeyId: undefined }), "nothing"),
]);
