import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { cloudFunction, cloudFunctionOutputs, cloudFunctionV2, cloudFunctionV2Outputs } from "../../factories";

const policy = "gcp-cloudfunctions-ingress";
const service = cloudFunctionV2().props.serviceConfig as Record<string, unknown>;

policyCases(policy, [
    passes(cloudFunction()),
    passes(cloudFunctionV2()),
    passes(cloudFunction({ ingressSettings: "allow_internal_only" })),
    violates(cloudFunction({ ingressSettings: undefined }), { code: "absentDefault", field: "ingressSettings" }),
    violates(cloudFunction({ ingressSettings: "ALLOW_ALL" }), { code: "notAllowed", field: "ingressSettings" }),
    violates(cloudFunction({ ingressSettings: "OPEN" }), { code: "unrecognised", field: "ingressSettings" }),
    violates(cloudFunctionV2({ serviceConfig: { ...service, ingressSettings: undefined } }), { code: "absentDefault", field: "serviceConfig.ingressSettings" }),
    violates(cloudFunctionV2({ serviceConfig: undefined }), { code: "absentDefault", field: "serviceConfig.ingressSettings" }),
    violates(cloudFunctionV2({ serviceConfig: { ...service, ingressSettings: "ALLOW_ALL" } }), { code: "notAllowed", field: "serviceConfig.ingressSettings" }),
    // A 1st gen function with an event trigger has no HTTP endpoint.
    notApplicable(cloudFunction({ triggerHttp: undefined, ingressSettings: undefined, eventTrigger: { eventType: "google.pubsub.topic.publish", resource: "phi-events" } }), /no HTTP endpoint/),
    undecided(cloudFunction({ ingressSettings: unknown }), "ingressSettings"),
    undecided(cloudFunctionV2({ serviceConfig: unknown }), "serviceConfig.ingressSettings"),
    violates(cloudFunction({ ingressSettings: 3 }), { code: "wrongType", field: "ingressSettings" }),
    passes(cloudFunctionOutputs()),
    passes(cloudFunctionV2Outputs()),
    violates(cloudFunctionOutputs({ ingressSettings: "ALLOW_ALL" }), { code: "notAllowed", field: "ingressSettings" }),
    violates(cloudFunctionV2Outputs({ serviceConfig: [{ ...service, ingressSettings: "ALLOW_ALL" }] }), { code: "notAllowed", field: "serviceConfig.ingressSettings" }),
    garbage(cloudFunction({ ingressSettings: secret("ALLOW_ALL"), eventTrigger: "x" })),
    garbage(cloudFunctionV2({ serviceConfig: [unknown, 1] })),
    noAutoRemediation(cloudFunction({ ingressSettings: undefined })),
]);
