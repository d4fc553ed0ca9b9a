import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { albListener, lbHttpListener, lbHttpListenerOutputs, lbListener, lbListenerOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const forward = [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1" }];
const redirectTo = (redirect: Record<string, unknown>) => [{ type: "redirect", redirect }];

policyCases("aws-elb-https-redirect", [
    passes(lbHttpListener()),
    passes(lbHttpListenerOutputs()),
    // protocol defaults to HTTP on an Application Load Balancer.
    passes(lbHttpListener({ protocol: undefined })),
    passes(lbHttpListener({ defaultActions: redirectTo({ protocol: "https" }) })),
    passes(lbHttpListener({ defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "403" } }] })),
    violates(lbHttpListener({ defaultActions: forward }), { code: "notRedirected", field: "defaultActions[0].type" }),
    violates(lbHttpListener({ protocol: undefined, defaultActions: forward }), { code: "notRedirected", field: "defaultActions[0].type" }),
    violates(lbHttpListener({ defaultActions: redirectTo({ port: "8080" }) }), { code: "notRedirected", field: "defaultActions[0].redirect.protocol" }),
    violates(lbHttpListener({ defaultActions: redirectTo({ protocol: "#{protocol}" }) }), { code: "notRedirected", field: "defaultActions[0].redirect.protocol" }),
    violates(lbHttpListener({ defaultActions: redirectTo({ protocol: "SECRET-x" }) }), { code: "notRedirected", field: "defaultActions[0].redirect.protocol" }),
    violates(lbHttpListener({ defaultActions: [{ type: "SECRET-kind" }] }), { code: "unrecognised", field: "defaultActions[0].type" }),
    violates(lbHttpListener({ defaultActions: [] }), { code: "notSet", field: "defaultActions" }),
    // Outputs: the forwarding listener as state records it (empty nested lists, "" for unset strings).
    violates(lbHttpListenerOutputs({ defaultActions: lbListenerOutputs().props.defaultActions }), { code: "notRedirected", field: "defaultActions[0].type" }),
    violates(lbHttpListenerOutputs({ defaultActions: [{ fixedResponse: [], forward: [], order: 1, redirect: [{ host: "#{host}", path: "/#{path}", port: "#{port}", protocol: "#{protocol}", query: "#{query}", statusCode: "HTTP_302" }], targetGroupArn: "", type: "redirect" }] }), { code: "notRedirected", field: "defaultActions[0].redirect.protocol" }),
    violates(lbHttpListener({ defaultActions: redirectTo({ protocol: 443 }) }), { code: "wrongType", field: "defaultActions[0].redirect.protocol" }),
    notApplicable(lbListener(), /does not speak plain HTTP/),
    notApplicable(albListener(), /does not speak plain HTTP/),
    notApplicable(lbListenerOutputs(), /does not speak plain HTTP/),
    notApplicable(lbListener({ protocol: "TCP", defaultActions: forward }), /does not speak plain HTTP/),
    // A Gateway Load Balancer listener has neither port nor protocol.
    notApplicable(lbHttpListener({ protocol: undefined, port: undefined, defaultActions: forward }), /does not speak plain HTTP/),
    undecided(lbHttpListener({ protocol: unknown, defaultActions: forward }), "protocol"),
    undecided(lbHttpListener({ defaultActions: unknown }), "defaultActions"),
    undecided(lbHttpListener({ defaultActions: [{ type: unknown }] }), "defaultActions[0].type"),
    undecided(lbHttpListener({ defaultActions: redirectTo({ protocol: unknown }) }), "defaultActions[0].redirect.protocol"),
    garbage(lbHttpListener({ defaultActions: [null, 4, { type: secret("SECRET") }, { type: "redirect", redirect: "SECRET" }] })),
    garbage(lbHttpListener({ protocol: { SECRET: true } })),
    noAutoRemediation(lbHttpListener({ defaultActions: forward })),
]);
