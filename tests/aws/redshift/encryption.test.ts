import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redshiftCluster } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const cmk = { requireCustomerManagedKey: true };

policyCases("aws-redshift-encryption", [
    passes(redshiftCluster()),
    // A string in @pulumi/aws 7, default "true".
    passes(redshiftCluster({ encrypted: undefined })),
    passes(redshiftCluster({ encrypted: "TRUE" })),
    passes(redshiftCluster({ encrypted: true })),
    violates(redshiftCluster({ encrypted: "false" }), { code: "notAllowed", field: "encrypted" }),
    violates(redshiftCluster({ encrypted: false }), { code: "notAllowed", field: "encrypted" }),
    violates(redshiftCluster({ encrypted: "yes" }), { code: "unrecognised", field: "encrypted" }),
    violates(redshiftCluster({ encrypted: 1 }), { code: "wrongType", field: "encrypted" }),
    undecided(redshiftCluster({ encrypted: unknown }), "encrypted"),
    passes(redshiftCluster(), cmk),
    passes(redshiftCluster({ kmsKeyId: unknown }), cmk),
    violates(redshiftCluster({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }, cmk),
    violates(redshiftCluster({ encrypted: "false", kmsKeyId: "" }), [{ code: "notAllowed", field: "encrypted" }, { code: "notSet", field: "kmsKeyId" }], cmk),
    // Outputs-shaped: "" for no key.
    passes(redshiftCluster({ encrypted: "true", kmsKeyId: "" })),
    garbage(redshiftCluster({ encrypted: secret("SECRET"), kmsKeyId: { SECRET: 1 } })),
    remediates(redshiftCluster({ encrypted: "false" }), "nothing"),
]);
