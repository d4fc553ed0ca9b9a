// What the pack knows about API Gateway: the type tokens, where execution logging is configured
// (REST stages through separate aws.apigateway.MethodSettings, WebSocket stages in their default
// route settings; HTTP APIs have none), and the logging levels.

import { awsTypes, serviceFact, stringAttribute } from "../../lib/facts";

export const restStage = "aws:apigateway/stage:Stage";
export const methodSettings = "aws:apigateway/methodSettings:MethodSettings";
export const v2Stage = "aws:apigatewayv2/stage:Stage";
export const v2Api = "aws:apigatewayv2/api:Api";

export const clientCertificateId = stringAttribute({ types: [restStage], field: "clientCertificateId", source: awsTypes("apigateway/stage") });
export const methodLoggingLevel = stringAttribute({
    types: [methodSettings], block: "settings", field: "loggingLevel", default: "OFF", values: ["OFF", "ERROR", "INFO"],
    // The d.ts names no default; the API leaves execution logging off (loggingLevel OFF) until it is set.
    source: awsTypes("apigateway/methodSettings") + "; API Gateway REST API Reference: MethodSetting loggingLevel (OFF unless set)",
});
export const defaultRouteLoggingLevel = stringAttribute({
    types: [v2Stage], block: "defaultRouteSettings", field: "loggingLevel", default: "OFF", values: ["OFF", "ERROR", "INFO"],
    source: awsTypes("apigatewayv2/stage") + ' ("Defaults to OFF. Supported only for WebSocket APIs")',
});
export const protocolType = stringAttribute({ types: [v2Api], field: "protocolType", values: ["HTTP", "WEBSOCKET"], source: awsTypes("apigatewayv2/api") });

serviceFact({
    about: "API Gateway execution logging",
    says:
        'REST API stages log execution through an aws.apigateway.MethodSettings for the stage (methodPath "*/*" covers every method); HTTP APIs have no execution logs ' +
        "(access logs only), WebSocket APIs set defaultRouteSettings.loggingLevel",
    source: "API Gateway Developer Guide: set up CloudWatch logging for REST APIs; logging for HTTP APIs; logging for WebSocket APIs; " + awsTypes("apigateway/methodSettings"),
});

export const loggingLevels = ["ERROR", "INFO"];
