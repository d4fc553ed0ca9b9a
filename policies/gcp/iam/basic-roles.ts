// No basic roles (owner, editor, viewer) on a project, folder or organization: each spans every
// service, so it grants far more access to PHI than any one job needs (Checkov CKV_GCP_115–117).

import { stringListKnob } from "../../lib/knobs";
import { violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { basicRoles, hierarchyIamTypes, levelOf, roleFindings } from "./facts";

export default defineResourcePolicy({
    name: "gcp-iam-basic-roles",
    description: "No one is granted a basic role (roles/owner, roles/editor, roles/viewer) on a project, folder or organization.",
    severity: "medium",
    types: hierarchyIamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "iam", "access-control", "least-privilege"],
    anchors: { gcp: ["gcp-iam-05"], checkov: ["CKV_GCP_115", "CKV_GCP_116", "CKV_GCP_117"] },
    remediation:
        "Replace `roles/owner`, `roles/editor` and `roles/viewer` in the `gcp.projects.IAMMember`/`IAMBinding`/`IAMPolicy` (and the folder and " +
        "organization equivalents) with predefined roles for the job (e.g. `roles/cloudsql.viewer`, `roles/logging.viewer`) or a custom role. " +
        "If your organization accepts one of them (say `roles/viewer` for a break-glass group), list it in `allowedBasicRoles`.",
    knobs: {
        allowedBasicRoles: stringListKnob({
            default: [],
            pattern: "^roles/(owner|editor|viewer)$",
            maxItems: 3,
            description: "Basic roles that may still be granted (roles/owner, roles/editor, roles/viewer). Empty: none.",
            itemWords: "basic roles (roles/owner, roles/editor, roles/viewer)",
        }),
    },
    check: (r, config) =>
        roleFindings(r.type, r.props, {
            roleMatches: role => basicRoles.includes(role) && !config.allowedBasicRoles.includes(role),
            finding: g =>
                violation({
                    code: "basicRole",
                    field: g.rolePath,
                    problem: `${g.rolePath} grants the basic role ${g.role} on the ${levelOf(r.type)}, which spans every service`,
                    fix: `grant predefined or custom roles for the member's job instead of ${g.role}`,
                }),
        }),
    noAutoRemediation: "which predefined roles replace a basic role depends on the member's job",
});
