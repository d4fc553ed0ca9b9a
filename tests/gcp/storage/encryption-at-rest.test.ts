import { garbage, passes, policyCases, remediates, violates } from "../../cases";
import { bucket, gcsBucketOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "encryption.defaultKmsKeyName";

policyCases("gcp-storage-encryption-at-rest", [
    passes(bucket()),
    passes(bucket({ encryption: { defaultKmsKeyName: unknown } })),
    passes(bucket({ encryption: unknown })),
    violates(bucket({ encryption: undefined }), { code: "notSet", field }),
    violates(bucket({ encryption: {} }), { code: "notSet", field }),
    violates(bucket({ encryption: { defaultKmsKeyName: 3 } }), { code: "wrongType", field }),
    passes(bucket({ encryption: undefined }), { allowGoogleManagedKeys: true }),
    passes(gcsBucketOutputs()),
    violates(gcsBucketOutputs({ encryption: [] }), { code: "notSet", field }),
    violates(gcsBucketOutputs({ encryption: [{ defaultKmsKeyName: "" }] }), { code: "notSet", field }),
    garbage(bucket({ encryption: { defaultKmsKeyName: { SECRET: secret("SECRET") } } })),
    remediates(bucket({ encryption: undefined }), "nothing"),
]);
