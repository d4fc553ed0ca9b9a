import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { fhirStoreIamMember, healthcareDataset } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const key = "encryptionSpec.kmsKeyName";
const datasetBinding = { type: "gcp:healthcare/datasetIamBinding:DatasetIamBinding", name: "b", props: { datasetId: "phi", role: "roles/healthcare.datasetViewer", members: ["group:a@example.com"] } };
const dicomPolicy = (members: string[]) => ({ type: "gcp:healthcare/dicomStoreIamPolicy:DicomStoreIamPolicy", name: "p", props: { dicomStoreId: "s", policyData: JSON.stringify({ bindings: [{ role: "roles/healthcare.dicomViewer", members }] }) } });

policyCases("gcp-healthcare-encryption-at-rest", [
    passes(healthcareDataset()),
    passes(healthcareDataset({ encryptionSpec: { kmsKeyName: unknown } })),
    violates(healthcareDataset({ encryptionSpec: undefined }), { code: "notSet", field: key }),
    violates(healthcareDataset({ encryptionSpec: [{ kmsKeyName: "" }] }), { code: "notSet", field: key }),
    violates(healthcareDataset({ encryptionSpec: { kmsKeyName: 2 } }), { code: "wrongType", field: key }),
    passes(healthcareDataset({ encryptionSpec: undefined }), { allowGoogleManagedKeys: true }),
    garbage(healthcareDataset({ encryptionSpec: { kmsKeyName: { SECRET: 1 } } })),
    remediates(healthcareDataset({ encryptionSpec: undefined }), "nothing"),
]);

policyCases("gcp-healthcare-no-public-access", [
    passes(fhirStoreIamMember()),
    passes(datasetBinding),
    passes(dicomPolicy(["user:a@example.com"])),
    violates(fhirStoreIamMember({ member: "allUsers" }), { code: "publicPrincipal", field: "member" }),
    violates({ ...datasetBinding, props: { ...datasetBinding.props, members: ["allAuthenticatedUsers"] } }, { code: "publicPrincipal", field: "members[0]" }),
    violates(dicomPolicy(["allUsers"]), { code: "publicPrincipal", field: "policyData.bindings[0].members[0]" }),
    undecided(fhirStoreIamMember({ member: unknown }), "member"),
    garbage(fhirStoreIamMember({ member: secret("SECRET") })),
]);
