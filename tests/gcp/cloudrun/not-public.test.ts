import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { runIamBinding, runIamMember, runIamPolicy, runJobIamBinding, runService, runServiceOutputs, runV1IamMember } from "../../factories";

const policy = "gcp-cloudrun-not-public";
const doc = (members: unknown[]) => JSON.stringify({ bindings: [{ role: "roles/run.invoker", members }] });

policyCases(policy, [
    passes(runIamMember()),
    passes(runIamBinding()),
    passes(runIamPolicy()),
    passes(runV1IamMember()),
    passes(runJobIamBinding()),
    passes(runService()),
    passes(runService({ invokerIamDisabled: false })),
    violates(runIamMember({ member: "allUsers" }), { code: "publicPrincipal", field: "member" }),
    violates(runV1IamMember({ member: "allAuthenticatedUsers" }), { code: "publicPrincipal", field: "member" }),
    // Any role given to the public is reported, not only the invoker role.
    violates(runIamMember({ role: "roles/run.viewer", member: " AllUsers " }), { code: "publicPrincipal", field: "member" }),
    violates(runIamBinding({ members: ["group:ops@example.com", "allUsers"] }), { code: "publicPrincipal", field: "members[1]" }),
    violates(runJobIamBinding({ members: ["allAuthenticatedUsers"] }), { code: "publicPrincipal", field: "members[0]" }),
    violates(runIamPolicy({ policyData: doc(["allUsers"]) }), { code: "publicPrincipal", field: "policyData.bindings[0].members[0]" }),
    violates(runIamPolicy({ policyData: "{not json" }), { code: "unreadablePolicy", field: "policyData" }),
    // A v2 service with the invoker check off answers anyone.
    violates(runService({ invokerIamDisabled: true }), { code: "notAllowed", field: "invokerIamDisabled" }),
    undecided(runService({ invokerIamDisabled: unknown }), "invokerIamDisabled"),
    undecided(runIamMember({ member: unknown }), "member"),
    undecided(runIamBinding({ members: [unknown] }), "members[0]"),
    undecided(runIamPolicy({ policyData: unknown }), "policyData"),
    violates(runService({ invokerIamDisabled: "true" }), { code: "wrongType", field: "invokerIamDisabled" }),
    violates(runIamMember({ member: 7 }), { code: "wrongType", field: "member" }),
    passes(runServiceOutputs()),
    violates(runServiceOutputs({ invokerIamDisabled: true }), { code: "notAllowed", field: "invokerIamDisabled" }),
    garbage(runIamMember({ member: secret("allUsers") })),
    garbage(runIamBinding({ members: "allUsers" })),
    garbage(runIamPolicy({ policyData: JSON.stringify({ bindings: "x" }) })),
    garbage(runService({ invokerIamDisabled: [true], template: "SECRET" })),
    noAutoRemediation(runIamMember({ member: "allUsers" })),
]);
