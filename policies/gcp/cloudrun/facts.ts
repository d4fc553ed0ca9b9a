// What the pack knows about Cloud Run services and jobs and the resources that grant access to them.
//
// Cloud Run v1 (`gcp.cloudrun.Service`, the Knative API) carries ingress and the CMEK key as string
// annotations; v2 (`gcp.cloudrunv2.Service`/`Job`) has fields for them.

import { booleanAttribute, gcpTypes, serviceFact, stringAttribute } from "../../lib/facts";
import { isOutcome, Outcome } from "../../lib/outcome";
import { Props } from "../../lib/props";
import { blockOf } from "../../lib/rules";

export const serviceV1 = "gcp:cloudrun/service:Service";
export const serviceV2 = "gcp:cloudrunv2/service:Service";
export const jobV2 = "gcp:cloudrunv2/job:Job";

/** Every resource that can grant a role on a Cloud Run service, job or worker pool. */
export const iamTypes = [
    "gcp:cloudrun/iamMember:IamMember",
    "gcp:cloudrun/iamBinding:IamBinding",
    "gcp:cloudrun/iamPolicy:IamPolicy",
    "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
    "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
    "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy",
    "gcp:cloudrunv2/jobIamMember:JobIamMember",
    "gcp:cloudrunv2/jobIamBinding:JobIamBinding",
    "gcp:cloudrunv2/jobIamPolicy:JobIamPolicy",
    "gcp:cloudrunv2/workerPoolIamMember:WorkerPoolIamMember",
    "gcp:cloudrunv2/workerPoolIamBinding:WorkerPoolIamBinding",
    "gcp:cloudrunv2/workerPoolIamPolicy:WorkerPoolIamPolicy",
];

export const invokerIamDisabled = booleanAttribute({ types: [serviceV2], field: "invokerIamDisabled", default: false, source: `${gcpTypes("cloudrunv2/service")}; https://cloud.google.com/run/docs/securing/managing-access#invoker_check` });
export const ingressV2 = stringAttribute({
    types: [serviceV2],
    field: "ingress",
    default: "INGRESS_TRAFFIC_ALL",
    values: ["INGRESS_TRAFFIC_ALL", "INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", "INGRESS_TRAFFIC_UNSPECIFIED"],
    source: gcpTypes("cloudrunv2/service"),
});
export const ingressAnnotation = "run.googleapis.com/ingress";
export const ingressV1Values = ["all", "internal", "internal-and-cloud-load-balancing"];
serviceFact({
    about: `gcp.cloudrun.Service metadata.annotations["${ingressAnnotation}"]`,
    says: "omitted: all (reachable from the internet); one of all, internal, internal-and-cloud-load-balancing",
    source: `${gcpTypes("cloudrun/service")}; https://cloud.google.com/run/docs/securing/ingress`,
});
export const keyAnnotation = "run.googleapis.com/encryption-key";
serviceFact({
    about: `gcp.cloudrun.Service template.metadata.annotations["${keyAnnotation}"]; gcp.cloudrunv2.Service template.encryptionKey`,
    says: "omitted: the container image and revision data are encrypted with a Google-managed key",
    source: `${gcpTypes("cloudrun/service")}; ${gcpTypes("cloudrunv2/service")}; https://cloud.google.com/run/docs/securing/using-cmek`,
});

/** The block at `path` (objects, or one-element lists in exports), or the outcome that stops the check. */
export function blockAtPath(props: Props, path: readonly string[], fix: string): Props | Outcome {
    let block = props;
    const seen: string[] = [];
    for (const key of path) {
        seen.push(key);
        const next = blockOf(block.single(key), { path: seen.join("."), fix });
        if (isOutcome(next)) return next;
        block = next;
    }
    return block;
}
