// Listener rules on HTTP listeners (AnalyzeStack): a rule that forwards would serve its paths in
// plaintext behind a listener whose default action redirects.

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { lbHttpListener, lbHttpListenerOutputs, lbListener, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-elb-https-redirect-rules";
const http = res(lbHttpListener().type, "http", { ...lbHttpListener().props, arn: unknown });
const https = res(lbListener().type, "https", { ...lbListener().props, arn: unknown });
const conditions = [{ pathPattern: { values: ["/api/*"] } }];
const rule = (on: typeof http | undefined, actions: unknown, props: Record<string, unknown> = {}, type = "aws:lb/listenerRule:ListenerRule") =>
    res(type, "api", { listenerArn: unknown, priority: 10, conditions, actions, ...props }, on ? { listenerArn: [on] } : {});
const forward = [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1" }];
const redirect = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];
const out = lbHttpListenerOutputs();

stackCases(policy, [
    stackPasses([http, rule(http, redirect)]),
    stackPasses([http, rule(http, [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }], {}, "aws:alb/listenerRule:ListenerRule")]),
    stackNotApplicable([https, rule(https, forward)], /does not speak plain HTTP/),
    stackPasses([out, rule(undefined, redirect, { listenerArn: out.props.arn })]),
    stackViolates([http, rule(http, forward)], [{ on: "api", code: "notRedirected", field: "actions[0].type" }]),
    stackViolates([http, rule(http, [{ type: "redirect", redirect: { path: "/v2/#{path}" } }])], [{ on: "api", code: "notRedirected", field: "actions[0].redirect.protocol" }]),
    stackViolates([out, rule(undefined, forward, { listenerArn: out.props.arn })], [{ on: "api", code: "notRedirected" }]),
    stackViolates([http, rule(http, [])], [{ on: "api", code: "notSet", field: "actions" }]),
    stackUndecided([http, rule(undefined, forward)], [{ on: "api", fields: "listenerArn" }]),
    stackUndecided([http, rule(http, [{ type: unknown }])], [{ on: "api", fields: "actions[0].type" }]),
    stackUndecided([res(http.type, "http", { ...http.props, protocol: unknown }), rule(res(http.type, "http", {}), forward)], [{ on: "api", fields: "protocol" }]),
    stackNotApplicable([rule(undefined, forward, { listenerArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/other/1/2" })], /not created by this stack/),
    stackNotApplicable([http], /only applies to resources of type|has no resource of type/),
    stackGarbage([http, rule(http, [null, 3, { type: secret("SECRET") }, { type: "redirect", redirect: [{ protocol: { SECRET: 1 } }] }]), res("aws:lb/listenerRule:ListenerRule", "other", { listenerArn: 9, actions: "SECRET" })]),
]);
