// No Service Account User or Service Account Token Creator on a whole project, folder or
// organization (CIS GCP 1.6): granted there, the member may act as every service account below it,
// and so hold every role those accounts hold. Grant them on the one service account instead.

import { defineResourcePolicy } from "../../lib/policy";
import { violation } from "../../lib/outcome";
import { hierarchyIamTypes, levelOf, roleFindings, serviceAccountUserRoles } from "./facts";

export default defineResourcePolicy({
    name: "gcp-iam-service-account-user",
    description: "No one holds Service Account User or Service Account Token Creator on a whole project, folder or organization.",
    severity: "high",
    types: hierarchyIamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "iam", "access-control", "least-privilege", "service-accounts"],
    anchors: { gcp: ["gcp-iam-03"], checkov: ["CKV_GCP_41", "CKV_GCP_49"] },
    remediation:
        "Remove `roles/iam.serviceAccountUser` and `roles/iam.serviceAccountTokenCreator` from the `gcp.projects.IAMMember`/`IAMBinding`/`IAMPolicy` " +
        "(and the folder and organization equivalents), and grant them on the service account the member needs to use, with " +
        "`gcp.serviceaccount.IAMMember` (`serviceAccountId` set to that account).",
    check: r =>
        roleFindings(r.type, r.props, {
            roleMatches: role => serviceAccountUserRoles.includes(role),
            finding: g => {
                const level = levelOf(r.type);
                return violation({
                    code: "impersonationAtLevel",
                    field: g.rolePath,
                    problem: `${g.rolePath} grants ${g.role} on the whole ${level}, so the member can act as every service account in it`,
                    fix: `grant ${g.role} on the one service account with gcp.serviceaccount.IAMMember instead of the ${level}`,
                });
            },
        }),
    noAutoRemediation: "moving the grant to the service accounts the member really uses needs to know which those are",
});
