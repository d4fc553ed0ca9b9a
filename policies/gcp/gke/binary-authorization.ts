import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { unsetWhenEmpty, valueOf } from "../../lib/rules";
import { binaryAuthorizationModes, cluster, readAt } from "./facts";

const path = "binaryAuthorization.evaluationMode";
const fix = `set ${path}: "PROJECT_SINGLETON_POLICY_ENFORCE"`;

export default defineResourcePolicy({
    name: "gcp-gke-binary-authorization",
    description: "GKE clusters enforce Binary Authorization, so only images that satisfy the project's policy (signed, from trusted registries) are deployed.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.312(c)(1)", "164.308(a)(5)(ii)(B)"],
    hitrust: ["09.j"],
    tags: ["gcp", "gke", "integrity", "supply-chain"],
    anchors: { gcp: ["gcp-gke-12"], checkov: ["CKV_GCP_66"] },
    remediation: `Set \`binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" }\` on the \`gcp.container.Cluster\` and define the project's \`gcp.binaryauthorization.Policy\`.`,
    check: r => {
        const mode = valueOf(unsetWhenEmpty(readAt(r.props, ["binaryAuthorization"], "evaluationMode", "string")), { path, expected: "a string", fix, absent: undefined });
        if (isOutcome(mode)) return mode;
        if (mode === undefined) {
            // The deprecated switch: `enabled: true` enforces the project's policy.
            const enabled = valueOf(readAt(r.props, ["binaryAuthorization"], "enabled", "boolean"), { path: "binaryAuthorization.enabled", expected: "a boolean", fix, absent: false });
            if (isOutcome(enabled)) return enabled;
            return enabled ? pass : violation({ code: "absentDefault", field: path, problem: `${path} is not set and defaults to "DISABLED"`, fix });
        }
        const upper = mode.trim().toUpperCase();
        if (upper === "PROJECT_SINGLETON_POLICY_ENFORCE") return pass;
        return binaryAuthorizationModes.includes(upper)
            ? violation({ code: "notAllowed", field: path, problem: `${path} is "${upper}"`, fix })
            : violation({ code: "unrecognised", field: path, problem: `${path} is not a recognised value`, fix });
    },
    noAutoRemediation: "enforcing blocks every image the project's policy does not admit; a person writes that policy first",
});
