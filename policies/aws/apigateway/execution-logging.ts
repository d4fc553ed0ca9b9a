import { isOutcome, notApplicable, Outcome, undecided, violation } from "../../lib/outcome";
import { mustBeOneOf, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { concerning, defineStackPolicy, ReferenceTarget, referenced, Stack, StackResource } from "../../lib/stack";
import { defaultRouteLoggingLevel, loggingLevels, methodLoggingLevel, methodSettings, protocolType, restStage, v2Api, v2Stage } from "./facts";

const restTarget: ReferenceTarget = { types: [restStage], keys: ["stageName"] };
const apiTarget: ReferenceTarget = { types: [v2Api], keys: ["id"] };
const restFix = 'add an aws.apigateway.MethodSettings with restApi: the API, stageName: this stage\'s stageName, methodPath: "*/*" and settings.loggingLevel: "ERROR" (or "INFO")';
const methodLevel = mustBeOneOf(methodLoggingLevel, loggingLevels, { fix: 'set settings.loggingLevel: "ERROR" (or "INFO") on the stage\'s aws.apigateway.MethodSettings' });
const routeLevel = mustBeOneOf(defaultRouteLoggingLevel, loggingLevels, { fix: 'set defaultRouteSettings.loggingLevel: "ERROR" (or "INFO")' });

/** A REST stage: some MethodSettings for every method ("*\/*") of it logs at ERROR or INFO. */
function checkRest(stage: StackResource, stack: Stack): Outcome {
    const settings = stack.referrers([methodSettings], "stageName", stage, restTarget);
    const outcomes: Outcome[] = [];
    const api = stage.props.string("restApi");
    for (const s of settings.found) {
        // Matched by a literal stage name ("prod"), the settings may be another API's: compare the APIs when both are known.
        const theirs = s.props.string("restApi");
        if (api.state === "known" && theirs.state === "known" && api.value.trim() !== theirs.value.trim() && !s.dependsOn("stageName").includes(stage)) continue;
        const path = valueOf(unsetWhenEmpty(s.props.string("methodPath")), { path: "MethodSettings.methodPath", expected: "a string", fix: restFix, absent: "" });
        if (isOutcome(path)) outcomes.push(path);
        // One method's settings do not log the others.
        else if (path.trim() === "*/*") outcomes.push(concerning(methodLevel.check(s.props, undefined), { prefix: "the stage's method settings do not turn execution logging on: ", owner: "MethodSettings" }));
    }
    const found = outcomes.find(o => o.kind === "pass") ?? outcomes.find(o => o.kind === "undecided");
    if (found) return found;
    if (settings.unresolved) return undecided("MethodSettings.stageName");
    return outcomes[0] ?? violation({ code: "missingResource", field: "MethodSettings", problem: 'no aws.apigateway.MethodSettings with methodPath "*/*" turns on execution logging for this stage', fix: restFix });
}

/** A v2 stage: WebSocket stages log through defaultRouteSettings; HTTP APIs have no execution logging. */
function checkV2(stage: StackResource, stack: Stack): Outcome {
    const level = routeLevel.check(stage.props, undefined);
    if (level.kind !== "violation") return level;
    const api = referenced(stack, stage, { field: "apiId", target: apiTarget, what: "API" });
    if (isOutcome(api)) return api.kind === "notApplicable" ? notApplicable(`${api.reason}; HTTP APIs have no execution logging, WebSocket APIs need defaultRouteSettings.loggingLevel`) : api;
    const protocol = valueOf(unsetWhenEmpty(api.props.string(protocolType.field)), { path: "Api.protocolType", expected: "a string", fix: 'set protocolType: "HTTP" or "WEBSOCKET"', absent: undefined });
    if (isOutcome(protocol)) return protocol;
    if (protocol?.trim().toUpperCase() === "WEBSOCKET") return level;
    return notApplicable("the stage belongs to an HTTP API, which has no execution logging (use accessLogSettings)");
}

export default defineStackPolicy({
    name: "aws-apigateway-execution-logging",
    description: "REST and WebSocket API stages log execution (errors, or errors and information) to CloudWatch Logs.",
    severity: "medium",
    types: [restStage, v2Stage],
    hipaa: ["164.312(b)"],
    hitrust: ["1202.09aa1", "1203.09aa1", "12100.09ab2"],
    tags: ["aws", "apigateway", "logging", "monitoring", "stack"],
    anchors: { awsConfig: ["api-gw-execution-logging-enabled"], checkov: ["CKV2_AWS_4"] },
    remediation:
        'REST APIs: add an `aws.apigateway.MethodSettings` with `restApi: api.id`, `stageName: stage.stageName`, `methodPath: "*/*"` and `settings: { loggingLevel: "ERROR" }` ' +
        '(or `"INFO"`; the account needs an `aws.apigateway.Account` with a CloudWatch role). WebSocket APIs: set `defaultRouteSettings: { loggingLevel: "ERROR" }` on the ' +
        "`aws.apigatewayv2.Stage`. HTTP APIs have no execution logs: give them `accessLogSettings`. Avoid `dataTraceEnabled` on PHI APIs: it logs request bodies.",
    check: (stage, stack): Outcome => (stage.type === restStage ? checkRest(stage, stack) : checkV2(stage, stack)),
});
