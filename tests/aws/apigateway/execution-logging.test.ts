// API Gateway execution logging (AnalyzeStack): REST stages through MethodSettings for "*/*",
// WebSocket stages through defaultRouteSettings; HTTP APIs have none.

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { apigatewayStage, apigatewayStageOutputs, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-apigateway-execution-logging";
const stage = res(apigatewayStage().type, "prod", { ...apigatewayStage().props, restApi: unknown, stageName: "prod" });
const settings = (props: Record<string, unknown> = {}, on = stage) =>
    res("aws:apigateway/methodSettings:MethodSettings", `settings-${on.name}`, { restApi: unknown, stageName: unknown, methodPath: "*/*", settings: { loggingLevel: "ERROR", metricsEnabled: true }, ...props }, { stageName: [on] });
const api = (protocolType: unknown) => res("aws:apigatewayv2/api:Api", "api", { protocolType, id: unknown });
const v2Stage = (a: ReturnType<typeof api> | undefined, props: Record<string, unknown> = {}) =>
    res("aws:apigatewayv2/stage:Stage", "ws", { apiId: a ? unknown : "abc123", name: "prod", ...props }, a ? { apiId: [a] } : {});

stackCases(policy, [
    stackPasses([stage, settings()]),
    stackPasses([stage, settings({ settings: { loggingLevel: "INFO" } })]),
    stackPasses([stage, settings({ methodPath: "users/GET" }), res("aws:apigateway/methodSettings:MethodSettings", "all", { restApi: "a1b2c3d4e5", stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "ERROR" } })]),
    // Outputs: the settings block is a one-element list and names the stage by its literal name.
    stackPasses([apigatewayStageOutputs(), res("aws:apigateway/methodSettings:MethodSettings", "s", { id: "a1b2c3d4e5-prod-*/*", methodPath: "*/*", restApi: "a1b2c3d4e5", stageName: "prod", settings: [{ loggingLevel: "ERROR", metricsEnabled: false, dataTraceEnabled: false }] })]),
    stackViolates([stage], [{ on: "prod", code: "missingResource" }]),
    // Another API's "prod" stage settings do not log this one.
    stackViolates([apigatewayStageOutputs(), res("aws:apigateway/methodSettings:MethodSettings", "s", { methodPath: "*/*", restApi: "zz9", stageName: "prod", settings: [{ loggingLevel: "ERROR" }] })], [{ on: "prod", code: "missingResource" }]),
    stackViolates([stage, settings({ settings: { loggingLevel: "OFF" } })], [{ on: "prod", code: "notAllowed", field: "MethodSettings.settings.loggingLevel" }]),
    stackViolates([stage, settings({ settings: { metricsEnabled: true } })], [{ on: "prod", code: "absentDefault", field: "MethodSettings.settings.loggingLevel" }]),
    stackViolates([stage, settings({ methodPath: "users/GET" })], [{ on: "prod", code: "missingResource" }]),
    stackViolates([stage, settings({ settings: { loggingLevel: "SECRET" } })], [{ on: "prod", code: "unrecognised" }]),
    stackViolates([api("WEBSOCKET"), v2Stage(api("WEBSOCKET"))], [{ on: "ws", code: "absentDefault", field: "defaultRouteSettings.loggingLevel" }]),
    stackViolates([api("WEBSOCKET"), v2Stage(api("WEBSOCKET"), { defaultRouteSettings: { loggingLevel: "OFF" } })], [{ on: "ws", code: "notAllowed", field: "defaultRouteSettings.loggingLevel" }]),
    stackPasses([api("WEBSOCKET"), v2Stage(api("WEBSOCKET"), { defaultRouteSettings: { loggingLevel: "ERROR" } })]),
    stackPasses([v2Stage(undefined, { defaultRouteSettings: [{ loggingLevel: "INFO", dataTraceEnabled: false }] })]),
    stackNotApplicable([api("HTTP"), v2Stage(api("HTTP"))], /HTTP API/),
    stackNotApplicable([v2Stage(undefined)], /not created by this stack/),
    stackUndecided([stage, settings({ settings: { loggingLevel: unknown } })], [{ on: "prod", fields: "MethodSettings.settings.loggingLevel" }]),
    stackUndecided([stage, res("aws:apigateway/methodSettings:MethodSettings", "s", { restApi: unknown, stageName: unknown, methodPath: "*/*", settings: { loggingLevel: "INFO" } })], [{ on: "prod", fields: "MethodSettings.stageName" }]),
    stackUndecided([api(unknown), v2Stage(api(unknown))], [{ on: "ws", fields: "Api.protocolType" }]),
    stackUndecided([v2Stage(undefined, { apiId: unknown })], [{ on: "ws", fields: "apiId" }]),
    stackGarbage([stage, settings({ settings: "SECRET", methodPath: secret("SECRET") }), v2Stage(undefined, { defaultRouteSettings: { loggingLevel: { SECRET: 1 } }, apiId: 4 })]),
]);
