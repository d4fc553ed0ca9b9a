import { garbage, passes, policyCases, undecided, violates } from "../../cases";
import { bigqueryDataset, bigqueryDatasetAccess, bigqueryDatasetIamMember, bigqueryTableIamBinding } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const tablePolicy = { ...bigqueryTableIamBinding(), type: "gcp:bigquery/iamPolicy:IamPolicy", props: { datasetId: "phi_claims", tableId: "claims", policyData: JSON.stringify({ bindings: [{ role: "roles/bigquery.dataViewer", members: ["allUsers"] }] }) } };

policyCases("gcp-bigquery-no-public-access", [
    passes(bigqueryDataset()),
    passes(bigqueryDataset({ accesses: undefined })),
    passes(bigqueryDatasetAccess()),
    passes(bigqueryDatasetIamMember()),
    passes(bigqueryTableIamBinding()),
    violates(bigqueryDataset({ accesses: [{ role: "READER", specialGroup: "allAuthenticatedUsers" }] }), { code: "publicPrincipal", field: "accesses[0].specialGroup" }),
    violates(bigqueryDataset({ accesses: [{ role: "OWNER", specialGroup: "projectOwners" }, { role: "READER", iamMember: "allUsers" }] }), { code: "publicPrincipal", field: "accesses[1].iamMember" }),
    violates(bigqueryDatasetAccess({ userByEmail: undefined, specialGroup: "allAuthenticatedUsers" }), { code: "publicPrincipal", field: "specialGroup" }),
    violates(bigqueryDatasetAccess({ userByEmail: undefined, iamMember: "allUsers" }), { code: "publicPrincipal", field: "iamMember" }),
    violates(bigqueryDatasetIamMember({ member: "allAuthenticatedUsers" }), { code: "publicPrincipal", field: "member" }),
    violates(bigqueryTableIamBinding({ members: ["group:x@example.com", "allUsers"] }), { code: "publicPrincipal", field: "members[1]" }),
    violates(tablePolicy, { code: "publicPrincipal", field: "policyData.bindings[0].members[0]" }),
    violates(bigqueryDataset({ accesses: { role: "READER" } }), { code: "wrongType", field: "accesses" }),
    violates(bigqueryDataset({ accesses: [{ iamMember: 5 }] }), { code: "wrongType", field: "accesses[0].iamMember" }),
    undecided(bigqueryDataset({ accesses: unknown }), "accesses"),
    undecided(bigqueryDataset({ accesses: [{ role: "READER", iamMember: unknown }] }), "accesses[0].iamMember"),
    undecided(bigqueryDatasetIamMember({ member: unknown }), "member"),
    // As a stack export holds it: "" for every principal field the entry does not use.
    passes(bigqueryDataset({ accesses: [{ role: "OWNER", specialGroup: "projectOwners", iamMember: "", userByEmail: "", groupByEmail: "", domain: "", view: [], dataset: [], routine: [] }] })),
    garbage(bigqueryDataset({ accesses: [{ iamMember: secret("SECRET"), specialGroup: { SECRET: 1 } }, null, "SECRET"] })),
    garbage(bigqueryDatasetIamMember({ member: secret("user:SECRET@example.com") })),
]);
