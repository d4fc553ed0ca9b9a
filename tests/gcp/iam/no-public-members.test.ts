import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { folderIamMember, organizationIamBinding, projectIamBinding, projectIamBindingOutputs, projectIamMember, projectIamMemberOutputs, projectIamPolicy, secretIamMember } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policyData = (bindings: unknown) => JSON.stringify({ bindings });

policyCases("gcp-iam-no-public-members", [
    passes(projectIamMember()),
    passes(projectIamBinding()),
    passes(projectIamPolicy()),
    passes(folderIamMember()),
    passes(organizationIamBinding()),
    passes(secretIamMember()),
    passes(projectIamMemberOutputs()),
    passes(projectIamBindingOutputs()),
    violates(secretIamMember({ member: "allUsers" }), { code: "publicPrincipal", field: "member" }),
    violates(projectIamMember({ member: "allAuthenticatedUsers" }), { code: "publicPrincipal", field: "member" }),
    // Compared without case, as IAM does.
    violates(folderIamMember({ member: "ALLUSERS" }), { code: "publicPrincipal", field: "member" }),
    violates(projectIamBinding({ members: ["group:phi-ops@example.com", "allUsers"] }), { code: "publicPrincipal", field: "members[1]" }),
    violates(projectIamBindingOutputs({ members: ["allAuthenticatedUsers"] }), { code: "publicPrincipal", field: "members[0]" }),
    violates(projectIamPolicy({ policyData: policyData([{ role: "roles/viewer", members: ["allUsers"] }]) }), { code: "publicPrincipal", field: "policyData.bindings[0].members[0]" }),
    violates(projectIamPolicy({ policyData: "not json" }), { code: "unreadablePolicy", field: "policyData" }),
    // getIAMPolicy's output is unknown at preview.
    undecided(projectIamPolicy({ policyData: unknown }), "policyData"),
    undecided(secretIamMember({ member: unknown }), "member"),
    undecided(projectIamBinding({ members: unknown }), "members"),
    undecided(projectIamBinding({ members: ["group:a@example.com", unknown] }), "members[1]"),
    violates(projectIamMember({ member: 7 }), { code: "wrongType", field: "member" }),
    garbage(projectIamMember({ member: secret("SECRET") })),
    garbage(projectIamBinding({ members: [secret("SECRET"), { SECRET: 1 }] })),
    garbage(projectIamPolicy({ policyData: JSON.stringify({ bindings: [{ role: 1, members: "SECRET" }] }) })),
    noAutoRemediation(secretIamMember({ member: "allUsers" })),
]);
