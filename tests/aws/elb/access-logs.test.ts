import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { albLoadBalancer, classicLoadBalancer, classicLoadBalancerOutputs, lbLoadBalancer, lbLoadBalancerOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-elb-access-logs", [
    passes(lbLoadBalancer()),
    passes(albLoadBalancer()),
    passes(lbLoadBalancerOutputs()),
    passes(classicLoadBalancer()),
    passes(classicLoadBalancerOutputs()),
    // v2: off even with a bucket set; classic: on once the block is there.
    violates(lbLoadBalancer({ accessLogs: { bucket: "phi-alb-logs" } }), { code: "absentDefault", field: "accessLogs.enabled" }),
    violates(lbLoadBalancer({ accessLogs: undefined }), { code: "absentDefault", field: "accessLogs" }),
    violates(lbLoadBalancer({ accessLogs: { bucket: "phi-alb-logs", enabled: false } }), { code: "notAllowed", field: "accessLogs.enabled" }),
    violates(lbLoadBalancer({ accessLogs: { enabled: true } }), { code: "notSet", field: "accessLogs.bucket" }),
    violates(lbLoadBalancerOutputs({ accessLogs: [{ bucket: "", enabled: false, prefix: "" }] }), [
        { code: "notAllowed", field: "accessLogs.enabled" },
        { code: "notSet", field: "accessLogs.bucket" },
    ]),
    violates(classicLoadBalancer({ accessLogs: undefined }), { code: "absentDefault", field: "accessLogs" }),
    violates(classicLoadBalancerOutputs({ accessLogs: [] }), { code: "absentDefault", field: "accessLogs" }),
    violates(classicLoadBalancer({ accessLogs: { bucket: "phi-clb-logs", enabled: false } }), { code: "notAllowed", field: "accessLogs.enabled" }),
    violates(lbLoadBalancer({ accessLogs: "phi-alb-logs" }), { code: "wrongType", field: "accessLogs" }),
    notApplicable(lbLoadBalancer({ loadBalancerType: "network", accessLogs: undefined }), /Application Load Balancers only/),
    notApplicable(lbLoadBalancer({ loadBalancerType: "gateway", accessLogs: undefined }), /Application Load Balancers only/),
    undecided(lbLoadBalancer({ accessLogs: { bucket: unknown, enabled: unknown } }), "accessLogs.enabled"),
    undecided(lbLoadBalancer({ accessLogs: unknown }), "accessLogs"),
    undecided(lbLoadBalancer({ loadBalancerType: unknown, accessLogs: undefined }), "loadBalancerType"),
    garbage(lbLoadBalancer({ accessLogs: { bucket: secret("SECRET"), enabled: "SECRET" }, loadBalancerType: 3 })),
    garbage(classicLoadBalancer({ accessLogs: [7] })),
    noAutoRemediation(lbLoadBalancer({ accessLogs: { bucket: "phi-alb-logs" } })),
]);
