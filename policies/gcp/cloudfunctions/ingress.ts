import { defineResourcePolicy } from "../../lib/policy";
import { Read } from "../../lib/props";
import { oneOf, unsetWhenEmpty } from "../../lib/rules";
import { eventTriggered, functionTypes, functionV1, ingressV1, ingressV2, ingressValues } from "./facts";

const allowed = ["ALLOW_INTERNAL_ONLY", "ALLOW_INTERNAL_AND_GCLB"];


function upper(read: Read<string>): Read<string> {
    const r = unsetWhenEmpty(read);
    return r.state === "known" ? { state: "known", value: r.value.trim().toUpperCase() } : r;
}

export default defineResourcePolicy({
    name: "gcp-cloudfunctions-ingress",
    description: "Cloud Functions accept traffic only from inside the VPC or through a Cloud Load Balancer, not directly from the internet.",
    severity: "high",
    types: functionTypes,
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "cloudfunctions", "network", "public-access"],
    anchors: { gcp: ["gcp-cloud-functions-02"], checkov: ["CKV_GCP_124"] },
    remediation:
        "Set `ingressSettings: \"ALLOW_INTERNAL_ONLY\"` or `\"ALLOW_INTERNAL_AND_GCLB\"` on a `gcp.cloudfunctions.Function`, or `serviceConfig.ingressSettings` on a " +
        "`gcp.cloudfunctionsv2.Function` (the default is ALLOW_ALL); put a Cloud Load Balancer with Cloud Armor in front of a function the internet must reach.",
    check: r => {
        if (r.type === functionV1) {
            const events = eventTriggered(r.props);
            if (events) return events;
            return oneOf(upper(r.props.string(ingressV1.field)), { path: ingressV1.path, allowed, known: ingressValues, absentMeans: "ALLOW_ALL", fix: `set ${ingressV1.path}: "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB"` });
        }
        return oneOf(upper(r.props.within("serviceConfig", "ingressSettings", "string")), { path: ingressV2.path, allowed, known: ingressValues, absentMeans: "ALLOW_ALL", fix: `set ${ingressV2.path}: "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB"` });
    },
    noAutoRemediation: "restricting ingress cuts off callers on the internet (and recreates a 1st gen function); a person puts a load balancer in front first",
});
