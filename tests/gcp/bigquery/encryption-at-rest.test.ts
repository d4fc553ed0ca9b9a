import { garbage, passes, policyCases, remediates, violates } from "../../cases";
import { bigqueryDataset } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "defaultEncryptionConfiguration.kmsKeyName";

policyCases("gcp-bigquery-encryption-at-rest", [
    passes(bigqueryDataset()),
    passes(bigqueryDataset({ defaultEncryptionConfiguration: { kmsKeyName: unknown } })),
    violates(bigqueryDataset({ defaultEncryptionConfiguration: undefined }), { code: "notSet", field }),
    violates(bigqueryDataset({ defaultEncryptionConfiguration: { kmsKeyName: "" } }), { code: "notSet", field }),
    violates(bigqueryDataset({ defaultEncryptionConfiguration: { kmsKeyName: 1 } }), { code: "wrongType", field }),
    passes(bigqueryDataset({ defaultEncryptionConfiguration: undefined }), { allowGoogleManagedKeys: true }),
    // A stack export: the block as a one-element list, or an empty list when unset.
    passes(bigqueryDataset({ defaultEncryptionConfiguration: [{ kmsKeyName: "projects/p/locations/us/keyRings/r/cryptoKeys/k" }] })),
    violates(bigqueryDataset({ defaultEncryptionConfiguration: [] }), { code: "notSet", field }),
    garbage(bigqueryDataset({ defaultEncryptionConfiguration: secret({ kmsKeyName: { SECRET: 1 } }) })),
    remediates(bigqueryDataset({ defaultEncryptionConfiguration: undefined }), "nothing"),
]);
