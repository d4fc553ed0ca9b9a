import { isOutcome, notApplicable, Outcome, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { blockOf, oneOf, unsetWhenEmpty, valueOf } from "../../lib/rules";
import { ingressAnnotation, ingressV1Values, ingressV2, serviceV1, serviceV2 } from "./facts";

const v1Path = `metadata.annotations["${ingressAnnotation}"]`;
const v1Fix = `set ${v1Path}: "internal" or "internal-and-cloud-load-balancing"`;
const v2Fix = 'set ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY" or "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"';

/** A v1 service's ingress annotation (metadata is an object, or a one-element list in exports). */
function v1Ingress(props: Props): Outcome {
    const metadata = blockOf(props.single("metadata"), { path: "metadata", fix: v1Fix });
    if (isOutcome(metadata)) return metadata;
    const annotations = valueOf(metadata.object("annotations"), { path: "metadata.annotations", expected: "a map of strings", fix: v1Fix, absent: undefined });
    if (isOutcome(annotations)) return annotations;
    const read = annotations ? annotations.string(ingressAnnotation) : ({ state: "absent" } as const);
    const lowered = read.state === "known" ? ({ state: "known", value: read.value.trim().toLowerCase() } as const) : read;
    return oneOf(lowered, { path: v1Path, allowed: ["internal", "internal-and-cloud-load-balancing"], known: ingressV1Values, absentMeans: "all", fix: v1Fix });
}

export default defineResourcePolicy({
    name: "gcp-cloudrun-ingress",
    description: "Cloud Run services accept traffic only from inside the VPC or through a Cloud Load Balancer, not directly from the internet.",
    severity: "high",
    types: [serviceV1, serviceV2],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "cloudrun", "network", "public-access"],
    anchors: { gcp: ["gcp-cloud-run-02"] },
    remediation:
        "On a `gcp.cloudrunv2.Service`, set `ingress: \"INGRESS_TRAFFIC_INTERNAL_ONLY\"` or `\"INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER\"` (the default is INGRESS_TRAFFIC_ALL); " +
        `on a \`gcp.cloudrun.Service\`, set \`metadata.annotations["${ingressAnnotation}"]\` to \`internal\` or \`internal-and-cloud-load-balancing\` (the default is all). ` +
        "Put a Cloud Load Balancer with Cloud Armor in front of a service the internet must reach.",
    check: r => {
        if (r.type === serviceV1) return v1Ingress(r.props);
        const read = unsetWhenEmpty(r.props.string(ingressV2.field));
        const upper = read.state === "known" ? ({ state: "known", value: read.value.trim().toUpperCase() } as const) : read;
        if (upper.state === "known" && upper.value === "INGRESS_TRAFFIC_UNSPECIFIED") return notApplicable("ingress is INGRESS_TRAFFIC_UNSPECIFIED: the service has no active revision");
        const outcome = oneOf(upper, { path: "ingress", allowed: ["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"], known: ingressV2.values ?? [], absentMeans: "INGRESS_TRAFFIC_ALL", fix: v2Fix });
        return outcome.kind === "violation" && outcome.code !== "wrongType" && outcome.code !== "unrecognised"
            ? violation({ code: outcome.code, field: "ingress", problem: `${outcome.problem}, so the service is reachable from the internet`, fix: v2Fix })
            : outcome;
    },
    noAutoRemediation: "restricting ingress cuts off callers on the internet; a person puts a load balancer in front first",
});
