import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { filestoreInstance } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

policyCases("gcp-filestore-encryption-at-rest", [
    passes(filestoreInstance()),
    passes(filestoreInstance({ kmsKeyName: unknown })),
    violates(filestoreInstance({ kmsKeyName: undefined }), { code: "notSet", field: "kmsKeyName" }),
    violates(filestoreInstance({ kmsKeyName: "" }), { code: "notSet", field: "kmsKeyName" }),
    violates(filestoreInstance({ kmsKeyName: true }), { code: "wrongType", field: "kmsKeyName" }),
    passes(filestoreInstance({ kmsKeyName: undefined }), { allowGoogleManagedKeys: true }),
    garbage(filestoreInstance({ kmsKeyName: { SECRET: secret("SECRET") } })),
    remediates(filestoreInstance({ kmsKeyName: undefined }), "nothing"),
]);

const field = "deletionProtectionEnabled";
policyCases("gcp-filestore-deletion-protection", [
    passes(filestoreInstance()),
    violates(filestoreInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(filestoreInstance({ [field]: false }), { code: "notAllowed", field }),
    violates(filestoreInstance({ [field]: 1 }), { code: "wrongType", field }),
    undecided(filestoreInstance({ [field]: unknown }), field),
    garbage(filestoreInstance({ [field]: secret("SECRET") })),
    remediates(filestoreInstance({ [field]: undefined }), { [field]: true }),
    remediates(filestoreInstance({ [field]: unknown }), "nothing"),
]);
