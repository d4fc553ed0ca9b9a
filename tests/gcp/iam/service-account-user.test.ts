import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { folderIamMember, organizationIamBinding, projectIamBinding, projectIamMember, projectIamMemberOutputs, projectIamPolicy } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("gcp-iam-service-account-user", [
    passes(projectIamMember()),
    passes(projectIamBinding()),
    passes(projectIamPolicy()),
    passes(projectIamMemberOutputs()),
    violates(projectIamMember({ role: "roles/iam.serviceAccountUser" }), { code: "impersonationAtLevel", field: "role" }),
    violates(projectIamBinding({ role: "roles/iam.serviceAccountTokenCreator" }), { code: "impersonationAtLevel", field: "role" }),
    violates(folderIamMember({ role: "roles/iam.serviceAccountUser" }), { code: "impersonationAtLevel", field: "role" }),
    violates(organizationIamBinding({ role: "roles/iam.serviceAccountTokenCreator" }), { code: "impersonationAtLevel", field: "role" }),
    violates(projectIamMemberOutputs({ role: "roles/iam.serviceAccountUser" }), { code: "impersonationAtLevel", field: "role" }),
    violates(projectIamPolicy({ policyData: JSON.stringify({ bindings: [{ role: "roles/iam.serviceAccountUser", members: ["group:ops@example.com"] }] }) }), { code: "impersonationAtLevel", field: "policyData.bindings[0].role" }),
    // Other service account roles are not impersonation.
    passes(projectIamMember({ role: "roles/iam.serviceAccountViewer" })),
    undecided(projectIamMember({ role: unknown }), "role"),
    undecided(projectIamPolicy({ policyData: unknown }), "policyData"),
    violates(projectIamBinding({ members: 3 }), { code: "wrongType", field: "members" }),
    garbage(projectIamMember({ role: secret("roles/iam.serviceAccountUser") })),
    noAutoRemediation(projectIamMember({ role: "roles/iam.serviceAccountUser" })),
]);
