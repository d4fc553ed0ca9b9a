import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { folderIamMember, GCP_APP_SA, projectIamBinding, projectIamBindingOutputs, projectIamMember, projectIamPolicy } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const sa = `serviceAccount:${GCP_APP_SA}`;

policyCases("gcp-iam-service-account-privileges", [
    passes(projectIamMember()),
    passes(projectIamBinding()),
    passes(projectIamPolicy()),
    violates(projectIamMember({ role: "roles/owner" }), { code: "privilegedServiceAccount", field: "member" }),
    violates(projectIamMember({ role: "roles/editor" }), { code: "privilegedServiceAccount", field: "member" }),
    violates(projectIamMember({ role: "roles/storage.admin" }), { code: "privilegedServiceAccount", field: "member" }),
    violates(projectIamMember({ role: "roles/iam.securityAdmin" }), { code: "privilegedServiceAccount", field: "member" }),
    violates(folderIamMember({ role: "roles/cloudsql.admin", member: sa }), { code: "privilegedServiceAccount", field: "member" }),
    violates(projectIamBinding({ role: "roles/editor" }), { code: "privilegedServiceAccount", field: "members[0]" }),
    violates(projectIamBindingOutputs({ role: "roles/owner" }), { code: "privilegedServiceAccount", field: "members[0]" }),
    violates(projectIamPolicy({ policyData: JSON.stringify({ bindings: [{ role: "roles/owner", members: ["user:a@example.com", sa] }] }) }), { code: "privilegedServiceAccount", field: "policyData.bindings[0].members[1]" }),
    // People and groups with admin roles are other policies' concern; viewer is no admin role.
    passes(projectIamMember({ role: "roles/storage.admin", member: "group:storage-admins@example.com" })),
    passes(projectIamMember({ role: "roles/viewer" })),
    passes(projectIamMember({ role: "roles/cloudsql.client" })),
    // A custom role's name is the user's own: not matched.
    passes(projectIamMember({ role: "projects/phi-prod/roles/appAdmin" })),
    undecided(projectIamMember({ role: "roles/owner", member: unknown }), "member"),
    undecided(projectIamMember({ role: unknown }), "role"),
    passes(projectIamMember({ role: unknown, member: "group:a@example.com" })),
    undecided(projectIamPolicy({ policyData: unknown }), "policyData"),
    garbage(projectIamMember({ role: "roles/owner", member: secret("serviceAccount:SECRET") })),
    noAutoRemediation(projectIamMember({ role: "roles/owner" })),
]);
