import { garbage, passes, policyCases, undecided, violates } from "../../cases";
import { bucketAccessControl, bucketAcl, bucketIamBinding, bucketIamMember, bucketIamPolicy, GCP_APP_SA } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policyData = (members: unknown[]) => JSON.stringify({ bindings: [{ role: "roles/storage.admin", members: [`serviceAccount:${GCP_APP_SA}`] }, { role: "roles/storage.objectViewer", members }] });
const defaultObjectAccessControl = { ...bucketAccessControl({ entity: "allAuthenticatedUsers" }), type: "gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl" };
const managedFolderMember = { ...bucketIamMember({ member: "allUsers", managedFolder: "reports/" }), type: "gcp:storage/managedFolderIamMember:ManagedFolderIamMember" };
const objectAcl = { ...bucketAcl({ roleEntities: undefined, predefinedAcl: "publicRead", object: "a.pdf" }), type: "gcp:storage/objectACL:ObjectACL" };

policyCases("gcp-storage-no-public-access", [
    passes(bucketIamMember()),
    passes(bucketIamBinding()),
    passes(bucketIamPolicy()),
    passes(bucketAccessControl()),
    passes(bucketAcl()),
    passes(bucketAcl({ roleEntities: undefined, predefinedAcl: "projectPrivate" })),
    violates(bucketIamMember({ member: "allUsers" }), { code: "publicPrincipal", field: "member" }),
    violates(bucketIamMember({ member: " allauthenticatedusers " }), { code: "publicPrincipal", field: "member" }),
    violates(bucketIamMember({ member: ["allUsers"] }), { code: "wrongType", field: "member" }),
    violates(bucketIamBinding({ members: ["user:a@example.com", "allAuthenticatedUsers"] }), { code: "publicPrincipal", field: "members[1]" }),
    violates(bucketIamPolicy({ policyData: policyData(["allUsers", "user:a@example.com"]) }), { code: "publicPrincipal", field: "policyData.bindings[1].members[0]" }),
    violates(bucketIamPolicy({ policyData: "{not json" }), { code: "unreadablePolicy", field: "policyData" }),
    passes(bucketIamPolicy({ policyData: "{}" })),
    violates(bucketAccessControl({ entity: "allUsers" }), { code: "publicPrincipal", field: "entity" }),
    violates(defaultObjectAccessControl, { code: "publicPrincipal", field: "entity" }),
    violates(managedFolderMember, { code: "publicPrincipal", field: "member" }),
    violates(bucketAcl({ roleEntities: ["OWNER:project-owners-1", "READER:allUsers"] }), { code: "publicPrincipal", field: "roleEntities[1]" }),
    violates(bucketAcl({ roleEntities: undefined, predefinedAcl: "publicReadWrite" }), { code: "publicAcl", field: "predefinedAcl" }),
    violates(bucketAcl({ defaultAcl: "publicRead" }), { code: "publicAcl", field: "defaultAcl" }),
    violates(objectAcl, { code: "publicAcl", field: "predefinedAcl" }),
    undecided(bucketIamMember({ member: unknown }), "member"),
    undecided(bucketIamBinding({ members: [GCP_APP_SA, unknown] }), "members[1]"),
    undecided(bucketIamBinding({ members: unknown }), "members"),
    undecided(bucketIamPolicy({ policyData: unknown }), "policyData"),
    undecided(bucketAcl({ roleEntities: [unknown] }), "roleEntities[0]"),
    // As a stack export holds it: "" for an unset condition or canned ACL.
    passes(bucketIamMember({ condition: [], etag: "abc" })),
    passes(bucketAcl({ predefinedAcl: "", defaultAcl: "" })),
    garbage(bucketIamMember({ member: secret("SECRET"), condition: { SECRET: 1 } })),
    garbage(bucketIamPolicy({ policyData: "{\"bindings\":[{\"members\":\"SECRET\"}]}" })),
    garbage(bucketAcl({ roleEntities: [secret("READER:SECRET"), 7, null], predefinedAcl: ["SECRET"] })),
]);
