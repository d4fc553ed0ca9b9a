// What the pack knows about Cloud Functions and the resources that grant access to them.
//
// A 2nd gen function (`gcp.cloudfunctionsv2.Function`) is served by a Cloud Run service of the same
// name, so its invoker grants may also sit on that service (checked by gcp-cloudrun-not-public).

import { gcpTypes, serviceFact, stringAttribute } from "../../lib/facts";
import { notApplicable, Outcome } from "../../lib/outcome";
import { isSetString, Props } from "../../lib/props";

export const functionV1 = "gcp:cloudfunctions/function:Function";
export const functionV2 = "gcp:cloudfunctionsv2/function:Function";
export const functionTypes = [functionV1, functionV2];

export const iamTypes = [
    "gcp:cloudfunctions/functionIamMember:FunctionIamMember",
    "gcp:cloudfunctions/functionIamBinding:FunctionIamBinding",
    "gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy",
    "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember",
    "gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding",
    "gcp:cloudfunctionsv2/functionIamPolicy:FunctionIamPolicy",
];

export const ingressValues = ["ALLOW_ALL", "ALLOW_INTERNAL_ONLY", "ALLOW_INTERNAL_AND_GCLB"];
export const ingressV1 = stringAttribute({ types: [functionV1], field: "ingressSettings", default: "ALLOW_ALL", values: ingressValues, source: gcpTypes("cloudfunctions/function") });
export const ingressV2 = stringAttribute({ types: [functionV2], block: "serviceConfig", field: "ingressSettings", default: "ALLOW_ALL", values: ingressValues, source: gcpTypes("cloudfunctionsv2/function") });
export const securityLevels = ["SECURE_ALWAYS", "SECURE_OPTIONAL"];
export const httpsTriggerSecurityLevel = stringAttribute({
    types: [functionV1],
    field: "httpsTriggerSecurityLevel",
    default: "SECURE_OPTIONAL",
    values: securityLevels,
    source: `${gcpTypes("cloudfunctions/function")}; https://cloud.google.com/functions/1stgendocs/reference/rest/v1/projects.locations.functions#securitylevel (an unset level serves plain HTTP too)`,
});
serviceFact({
    about: "gcp.cloudfunctions.Function (1st gen) event triggers",
    says: "a function with an eventTrigger has no HTTP endpoint: ingress and HTTPS settings apply to HTTP-triggered functions",
    source: "https://cloud.google.com/functions/1stgendocs/writing/write-event-driven-functions",
});
serviceFact({
    about: "gcp.cloudfunctionsv2.Function (2nd gen) URLs",
    says: "served by Cloud Run over HTTPS only; there is no security-level setting",
    source: "https://cloud.google.com/functions/docs/calling/http",
});

/** A 1st gen function with an event trigger has no HTTP endpoint; undefined when it has one (or may have). */
export function eventTriggered(props: Props): Outcome | undefined {
    const trigger = props.single("eventTrigger");
    if (trigger.state !== "known" || !isSetString(trigger.value.string("eventType"))) return undefined;
    return notApplicable("the function has an eventTrigger and no HTTP endpoint");
}
