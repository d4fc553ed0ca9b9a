import { defineResourcePolicy } from "../../lib/policy";
import { oneOf, unsetWhenEmpty } from "../../lib/rules";
import { eventTriggered, functionV1, httpsTriggerSecurityLevel, securityLevels } from "./facts";

export default defineResourcePolicy({
    name: "gcp-cloudfunctions-https-only",
    description: "HTTP-triggered 1st gen Cloud Functions serve HTTPS only: plain HTTP requests are redirected (SECURE_ALWAYS).",
    severity: "high",
    types: [functionV1],
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["gcp", "cloudfunctions", "encryption-in-transit"],
    anchors: { gcp: ["gcp-cloud-functions-03"], checkov: ["CKV2_GCP_10"] },
    remediation: "Set `httpsTriggerSecurityLevel: \"SECURE_ALWAYS\"` on the `gcp.cloudfunctions.Function` (2nd gen functions are HTTPS only).",
    check: r => {
        const events = eventTriggered(r.props);
        if (events) return events;
        const read = unsetWhenEmpty(r.props.string(httpsTriggerSecurityLevel.field));
        const upper = read.state === "known" ? ({ state: "known", value: read.value.trim().toUpperCase() } as const) : read;
        return oneOf(upper, { path: httpsTriggerSecurityLevel.path, allowed: ["SECURE_ALWAYS"], known: securityLevels, absentMeans: "SECURE_OPTIONAL", fix: 'set httpsTriggerSecurityLevel: "SECURE_ALWAYS"' });
    },
    noAutoRemediation: "clients still calling over plain HTTP would be redirected, which breaks requests that cannot follow a redirect; a person moves them first",
});
