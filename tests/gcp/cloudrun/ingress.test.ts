import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { runService, runServiceOutputs, runV1Service, runV1ServiceOutputs } from "../../factories";

const policy = "gcp-cloudrun-ingress";
const ann = "run.googleapis.com/ingress";
const v1Path = `metadata.annotations["${ann}"]`;

policyCases(policy, [
    passes(runService()),
    passes(runService({ ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY" })),
    violates(runService({ ingress: undefined }), { code: "absentDefault", field: "ingress" }),
    violates(runService({ ingress: "INGRESS_TRAFFIC_ALL" }), { code: "notAllowed", field: "ingress" }),
    violates(runService({ ingress: "everyone" }), { code: "unrecognised", field: "ingress" }),
    undecided(runService({ ingress: unknown }), "ingress"),
    violates(runService({ ingress: 1 }), { code: "wrongType", field: "ingress" }),
    passes(runV1Service()),
    passes(runV1Service({ metadata: { annotations: { [ann]: "internal" } } })),
    violates(runV1Service({ metadata: undefined }), { code: "absentDefault", field: v1Path }),
    violates(runV1Service({ metadata: { annotations: {} } }), { code: "absentDefault", field: v1Path }),
    violates(runV1Service({ metadata: { annotations: { [ann]: "all" } } }), { code: "notAllowed", field: v1Path }),
    violates(runV1Service({ metadata: { annotations: { [ann]: "internet" } } }), { code: "unrecognised", field: v1Path }),
    undecided(runV1Service({ metadata: { annotations: { [ann]: unknown } } }), v1Path),
    undecided(runV1Service({ metadata: { annotations: unknown } }), "metadata.annotations"),
    violates(runV1Service({ metadata: { annotations: "internal" } }), { code: "wrongType", field: "metadata.annotations" }),
    passes(runServiceOutputs()),
    passes(runV1ServiceOutputs()),
    notApplicable(runServiceOutputs({ ingress: "INGRESS_TRAFFIC_UNSPECIFIED" }), /no active revision/),
    violates(runServiceOutputs({ ingress: "INGRESS_TRAFFIC_ALL" }), { code: "notAllowed", field: "ingress" }),
    violates(runV1ServiceOutputs({ metadata: [{ annotations: {}, effectiveAnnotations: { [ann]: "all" }, namespace: "phi-prod" }] }), { code: "absentDefault", field: v1Path }),
    garbage(runService({ ingress: secret("INGRESS_TRAFFIC_ALL") })),
    garbage(runV1Service({ metadata: [unknown], template: null })),
    garbage(runV1Service({ metadata: { annotations: { [ann]: ["all"] } } })),
    noAutoRemediation(runService({ ingress: undefined })),
]);
