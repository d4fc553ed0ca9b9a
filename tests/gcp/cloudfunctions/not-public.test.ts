import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { functionIamMember, functionV2IamBinding, functionV2IamPolicy } from "../../factories";

const policy = "gcp-cloudfunctions-not-public";

policyCases(policy, [
    passes(functionIamMember()),
    passes(functionV2IamBinding()),
    passes(functionV2IamPolicy()),
    violates(functionIamMember({ member: "allUsers" }), { code: "publicPrincipal", field: "member" }),
    violates(functionIamMember({ role: "roles/cloudfunctions.viewer", member: "allAuthenticatedUsers" }), { code: "publicPrincipal", field: "member" }),
    violates(functionV2IamBinding({ members: ["allUsers"] }), { code: "publicPrincipal", field: "members[0]" }),
    violates(functionV2IamPolicy({ policyData: JSON.stringify({ bindings: [{ role: "roles/cloudfunctions.invoker", members: ["user:a@example.com", "allUsers"] }] }) }), { code: "publicPrincipal", field: "policyData.bindings[0].members[1]" }),
    violates(functionV2IamPolicy({ policyData: "{bindings:" }), { code: "unreadablePolicy", field: "policyData" }),
    undecided(functionIamMember({ member: unknown }), "member"),
    undecided(functionV2IamBinding({ members: unknown }), "members"),
    violates(functionIamMember({ member: ["allUsers"] }), { code: "wrongType", field: "member" }),
    garbage(functionIamMember({ member: secret("allUsers") })),
    garbage(functionV2IamBinding({ members: [null, 3, unknown] })),
    noAutoRemediation(functionIamMember({ member: "allUsers" })),
]);
