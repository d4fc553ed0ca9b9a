import { garbage, misconfigured, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { folderIamMember, organizationIamBinding, projectIamBinding, projectIamMember, projectIamMemberOutputs, projectIamPolicy } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("gcp-iam-basic-roles", [
    passes(projectIamMember()),
    passes(projectIamBinding()),
    passes(projectIamPolicy()),
    passes(folderIamMember()),
    passes(organizationIamBinding()),
    passes(projectIamMemberOutputs()),
    violates(projectIamMember({ role: "roles/owner" }), { code: "basicRole", field: "role" }),
    violates(projectIamBinding({ role: "roles/editor" }), { code: "basicRole", field: "role" }),
    violates(folderIamMember({ role: "roles/viewer" }), { code: "basicRole", field: "role" }),
    violates(organizationIamBinding({ role: "roles/owner" }), { code: "basicRole", field: "role" }),
    violates(projectIamMemberOutputs({ role: "roles/editor" }), { code: "basicRole", field: "role" }),
    violates(projectIamPolicy({ policyData: JSON.stringify({ bindings: [{ role: "roles/logging.viewer", members: ["group:a@example.com"] }, { role: "roles/viewer", members: ["group:a@example.com"] }] }) }), { code: "basicRole", field: "policyData.bindings[1].role" }),
    // Predefined roles whose names merely contain the words are not basic roles.
    passes(projectIamMember({ role: "roles/browser" })),
    passes(projectIamMember({ role: "roles/iam.roleViewer" })),
    passes(projectIamMember({ role: "roles/viewer" }), { allowedBasicRoles: ["roles/viewer"] }),
    violates(projectIamMember({ role: "roles/owner" }), { code: "basicRole", field: "role" }, { allowedBasicRoles: ["roles/viewer"] }),
    misconfigured(projectIamMember(), { allowedBasicRoles: ["roles/storage.admin"] }, "allowedBasicRoles"),
    undecided(projectIamMember({ role: unknown }), "role"),
    undecided(projectIamPolicy({ policyData: unknown }), "policyData"),
    // A basic role granted to an unknown member is still a basic role.
    violates(projectIamMember({ role: "roles/owner", member: unknown }), { code: "basicRole", field: "role" }),
    violates(projectIamMember({ role: 5 }), { code: "wrongType", field: "role" }),
    garbage(projectIamMember({ role: secret("roles/owner"), member: secret("SECRET") })),
    noAutoRemediation(projectIamMember({ role: "roles/owner" })),
]);
