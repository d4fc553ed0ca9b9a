import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { artifactRepository, GCP_APP_SA } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const member = (m: unknown) => ({ type: "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember", name: "reader", props: { location: "us-central1", repository: "phi", role: "roles/artifactregistry.reader", member: m } });

policyCases("gcp-artifactregistry-encryption-at-rest", [
    passes(artifactRepository()),
    passes(artifactRepository({ kmsKeyName: unknown })),
    violates(artifactRepository({ kmsKeyName: undefined }), { code: "notSet", field: "kmsKeyName" }),
    violates(artifactRepository({ kmsKeyName: 1 }), { code: "wrongType", field: "kmsKeyName" }),
    passes(artifactRepository({ kmsKeyName: undefined }), { allowGoogleManagedKeys: true }),
    garbage(artifactRepository({ kmsKeyName: secret({ SECRET: 1 }) })),
    remediates(artifactRepository({ kmsKeyName: undefined }), "nothing"),
]);

policyCases("gcp-artifactregistry-no-public-access", [
    passes(member(`serviceAccount:${GCP_APP_SA}`)),
    violates(member("allUsers"), { code: "publicPrincipal", field: "member" }),
    undecided(member(unknown), "member"),
    garbage(member(secret("SECRET"))),
]);
