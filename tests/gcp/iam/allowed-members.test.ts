import { garbage, misconfigured, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { cryptoKeyIamMember, projectIamBinding, projectIamBindingOutputs, projectIamMember, projectIamPolicy, secretIamMember } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const domains = { allowedDomains: ["example.com"] };

policyCases("gcp-iam-allowed-members", [
    passes(projectIamMember()),
    passes(projectIamBinding()),
    passes(secretIamMember({ member: "user:alice@example.com" })),
    // Not enforced until the organization lists its domains (a guess would flag every grant).
    passes(projectIamMember({ member: "user:bob@partner.org" })),
    // Consumer accounts are refused whatever the knob says.
    violates(projectIamMember({ member: "user:alice@gmail.com" }), { code: "consumerAccount", field: "member" }),
    violates(projectIamMember({ member: "user:Alice@GoogleMail.com" }), { code: "consumerAccount", field: "member" }),
    violates(projectIamBinding({ members: ["group:phi-ops@example.com", "user:x@gmail.com"] }), { code: "consumerAccount", field: "members[1]" }),
    violates(projectIamPolicy({ policyData: JSON.stringify({ bindings: [{ role: "roles/viewer", members: ["user:x@gmail.com"] }] }) }), { code: "consumerAccount", field: "policyData.bindings[0].members[0]" }),
    violates(cryptoKeyIamMember({ member: "user:x@gmail.com" }), { code: "consumerAccount", field: "member" }),
    // A group hosted at gmail.com is not a consumer user account.
    passes(projectIamMember({ member: "group:family@googlegroups.com" })),
    // With allowed domains: users, groups and Workspace domains outside them are reported; subdomains count.
    passes(projectIamMember({ member: "user:alice@example.com" }), domains),
    passes(projectIamMember({ member: "group:ops@eu.example.com" }), domains),
    passes(projectIamMember({ member: "domain:example.com" }), domains),
    violates(projectIamMember({ member: "user:bob@partner.org" }), { code: "outsideDomains", field: "member" }, domains),
    violates(projectIamMember({ member: "domain:notexample.com" }), { code: "outsideDomains", field: "member" }, domains),
    violates(projectIamBindingOutputs({ members: ["group:ops@example.com.evil.io"] }), { code: "outsideDomains", field: "members[0]" }, domains),
    // Service accounts, service agents and federated principals are not domain identities.
    passes(projectIamMember({ member: "serviceAccount:service-1@gcp-sa-cloud-sql.iam.gserviceaccount.com" }), domains),
    passes(projectIamMember({ member: "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/*" }), domains),
    passes(projectIamMember({ member: "deleted:user:alice@example.com?uid=123" }), domains),
    undecided(projectIamMember({ member: unknown }), "member"),
    undecided(projectIamPolicy({ policyData: unknown }), "policyData"),
    violates(projectIamMember({ member: ["user:a@gmail.com"] }), { code: "wrongType", field: "member" }),
    garbage(projectIamBinding({ members: [secret("user:SECRET@gmail.com")] })),
    misconfigured(projectIamMember(), { allowedDomains: ["Example.COM"] }, "allowedDomains"),
    misconfigured(projectIamMember(), { allowedDomains: "example.com" }, "allowedDomains"),
    noAutoRemediation(projectIamMember({ member: "user:alice@gmail.com" })),
]);
