import { Case, garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../cases";
import { spannerDatabase, spannerInstance } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const key = "encryptionConfig.kmsKeyName";
const us = { allowedLocations: ["us-central1", "nam3"] };

policyCases("gcp-spanner-encryption-at-rest", [
    passes(spannerDatabase()),
    passes(spannerDatabase({ encryptionConfig: { kmsKeyNames: ["k1", "k2"] } })),
    passes(spannerDatabase({ encryptionConfig: unknown })),
    passes(spannerDatabase({ encryptionConfig: { kmsKeyName: unknown } })),
    violates(spannerDatabase({ encryptionConfig: undefined }), { code: "notSet", field: key }),
    violates(spannerDatabase({ encryptionConfig: [{ kmsKeyName: "", kmsKeyNames: [] }] }), { code: "notSet", field: key }),
    violates(spannerDatabase({ encryptionConfig: { kmsKeyName: 4 } }), { code: "wrongType", field: key }),
    violates(spannerDatabase({ encryptionConfig: "k" }), { code: "wrongType", field: "encryptionConfig" }),
    passes(spannerDatabase({ encryptionConfig: undefined }), { allowGoogleManagedKeys: true }),
    garbage(spannerDatabase({ encryptionConfig: { kmsKeyNames: [secret("SECRET"), { SECRET: 1 }] } })),
    remediates(spannerDatabase({ encryptionConfig: undefined }), "nothing"),
]);

policyCases("gcp-spanner-drop-protection", [
    passes(spannerDatabase()),
    violates(spannerDatabase({ enableDropProtection: undefined }), { code: "absentDefault", field: "enableDropProtection" }),
    violates(spannerDatabase({ enableDropProtection: false, deletionProtection: true }), { code: "notAllowed", field: "enableDropProtection" }),
    violates(spannerDatabase({ enableDropProtection: "true" }), { code: "wrongType", field: "enableDropProtection" }),
    undecided(spannerDatabase({ enableDropProtection: unknown }), "enableDropProtection"),
    garbage(spannerDatabase({ enableDropProtection: secret("SECRET") })),
    remediates(spannerDatabase({ enableDropProtection: undefined }), { enableDropProtection: true }),
    remediates(spannerDatabase({ enableDropProtection: false }), { enableDropProtection: true }),
    remediates(spannerDatabase({ enableDropProtection: unknown }), "nothing"),
]);

policyCases("gcp-spanner-location", [
    notApplicable(spannerInstance(), /no allowedLocations/),
    passes(spannerInstance(), us),
    passes(spannerInstance({ config: "projects/phi/instanceConfigs/nam3" }), us),
    violates(spannerInstance({ config: "regional-europe-west1" }), { code: "locationNotAllowed", field: "config" }, us),
    violates(spannerInstance({ config: undefined }), { code: "notSet", field: "config" }, us),
    violates(spannerInstance({ config: 3 }), { code: "wrongType", field: "config" }, us),
    undecided(spannerInstance({ config: unknown }), "config", us),
    { kind: "garbage", resource: spannerInstance({ config: secret("SECRET") }), knobs: us } as Case,
]);
