import { garbage, passes, policyCases, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "encryptionKeyName";

policyCases("gcp-sql-encryption-at-rest", [
    passes(sqlInstance()),
    passes(sqlInstance({ [field]: unknown })),
    violates(sqlInstance({ [field]: undefined }), { code: "notSet", field }),
    violates(sqlInstance({ [field]: " " }), { code: "notSet", field }),
    violates(sqlInstance({ [field]: ["key"] }), { code: "wrongType", field }),
    passes(sqlInstance({ [field]: undefined }), { allowGoogleManagedKeys: true }),
    passes(sqlInstanceOutputs()),
    violates(sqlInstanceOutputs({}, { [field]: "" }), { code: "notSet", field }),
    garbage(sqlInstance({ [field]: { SECRET: secret("SECRET") } })),
]);
