import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { cloudFunction, cloudFunctionOutputs } from "../../factories";

const policy = "gcp-cloudfunctions-https-only";

policyCases(policy, [
    passes(cloudFunction()),
    passes(cloudFunction({ httpsTriggerSecurityLevel: "secure_always" })),
    violates(cloudFunction({ httpsTriggerSecurityLevel: undefined }), { code: "absentDefault", field: "httpsTriggerSecurityLevel" }),
    violates(cloudFunction({ httpsTriggerSecurityLevel: "SECURE_OPTIONAL" }), { code: "notAllowed", field: "httpsTriggerSecurityLevel" }),
    violates(cloudFunction({ httpsTriggerSecurityLevel: "TLS" }), { code: "unrecognised", field: "httpsTriggerSecurityLevel" }),
    notApplicable(cloudFunction({ triggerHttp: undefined, httpsTriggerSecurityLevel: undefined, eventTrigger: { eventType: "google.storage.object.finalize", resource: "phi-inbox" } }), /no HTTP endpoint/),
    undecided(cloudFunction({ httpsTriggerSecurityLevel: unknown }), "httpsTriggerSecurityLevel"),
    violates(cloudFunction({ httpsTriggerSecurityLevel: true }), { code: "wrongType", field: "httpsTriggerSecurityLevel" }),
    passes(cloudFunctionOutputs()),
    violates(cloudFunctionOutputs({ httpsTriggerSecurityLevel: "" }), { code: "absentDefault", field: "httpsTriggerSecurityLevel" }),
    garbage(cloudFunction({ httpsTriggerSecurityLevel: ["SECURE_ALWAYS"], eventTrigger: [unknown] })),
    noAutoRemediation(cloudFunction({ httpsTriggerSecurityLevel: undefined })),
]);
