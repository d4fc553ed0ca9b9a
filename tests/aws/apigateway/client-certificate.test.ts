import { garbage, noAutoRemediation, passes, policyCases, violates } from "../../cases";
import { apigatewayStage, apigatewayStageOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "clientCertificateId";

policyCases("aws-apigateway-client-certificate", [
    passes(apigatewayStage()),
    passes(apigatewayStageOutputs()),
    // An id computed by an aws.apigateway.ClientCertificate is set, just not known yet.
    passes(apigatewayStage({ [field]: unknown })),
    violates(apigatewayStage({ [field]: undefined }), { code: "notSet", field }),
    violates(apigatewayStageOutputs({ [field]: "" }), { code: "notSet", field }),
    violates(apigatewayStage({ [field]: 7 }), { code: "wrongType", field }),
    garbage(apigatewayStage({ [field]: secret("SECRET"), stageName: { SECRET: 1 } })),
    noAutoRemediation(apigatewayStage({ [field]: undefined })),
]);
