// Service accounts hold no basic role (owner, editor) and no admin role on a project, folder or
// organization (CIS GCP 1.5): a workload's credentials, if leaked, would manage the whole project.

import { defineResourcePolicy } from "../../lib/policy";
import { violation } from "../../lib/outcome";
import { hierarchyIamTypes, isAdminRole, levelOf, principalKind, roleFindings, shownRole } from "./facts";

const broadBasicRoles = ["roles/owner", "roles/editor"];

export default defineResourcePolicy({
    name: "gcp-iam-service-account-privileges",
    description: "No service account holds roles/owner, roles/editor or an admin role on a project, folder or organization.",
    severity: "high",
    types: hierarchyIamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "iam", "access-control", "least-privilege", "service-accounts"],
    anchors: { gcp: ["gcp-iam-04"], checkov: ["CKV_GCP_42"] },
    remediation:
        "Grant the service account the predefined roles for what its workload does (e.g. `roles/cloudsql.client`, `roles/storage.objectViewer`) " +
        "on the resources it uses, instead of `roles/owner`, `roles/editor` or a `roles/…Admin` role on the project, folder or organization. " +
        "Google-managed service agents receive their own `…serviceAgent` roles, which this policy does not flag.",
    check: r =>
        roleFindings(r.type, r.props, {
            roleMatches: role => broadBasicRoles.includes(role) || isAdminRole(role),
            memberMatches: member => principalKind(member) === "serviceaccount",
            finding: g =>
                violation({
                    code: "privilegedServiceAccount",
                    field: g.memberPath,
                    problem: `${g.memberPath} is a service account granted ${shownRole(g.role)} on the ${levelOf(r.type)}, an admin or basic role`,
                    fix: `grant that service account the narrow predefined roles its workload needs instead of ${shownRole(g.role)}`,
                }),
        }),
    noAutoRemediation: "which narrower roles the workload needs is a person's decision",
});
