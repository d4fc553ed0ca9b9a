import { garbage, passes, policyCases, remediates, violates } from "../../cases";
import { sagemakerNotebookInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-sagemaker-notebook-encryption", [
    passes(sagemakerNotebookInstance()),
    passes(sagemakerNotebookInstance({ kmsKeyId: unknown })),
    violates(sagemakerNotebookInstance({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }),
    violates(sagemakerNotebookInstance({ kmsKeyId: "  " }), { code: "notSet", field: "kmsKeyId" }),
    violates(sagemakerNotebookInstance({ kmsKeyId: ["key"] }), { code: "wrongType", field: "kmsKeyId" }),
    garbage(sagemakerNotebookInstance({ kmsKeyId: { SECRET: 1 }, lifecycleConfigName: secret("SECRET") })),
    remediates(sagemakerNotebookInstance({ kmsKeyId: undefined }), "nothing"),
]);
