import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { dmsReplicationInstance } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const field = "publiclyAccessible";

policyCases("aws-dms-public-access", [
    passes(dmsReplicationInstance()),
    // The DMS API makes an instance public when the flag is omitted.
    violates(dmsReplicationInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(dmsReplicationInstance({ [field]: true }), { code: "notAllowed", field }),
    violates(dmsReplicationInstance({ [field]: "false" }), { code: "wrongType", field }),
    undecided(dmsReplicationInstance({ [field]: unknown }), field),
    garbage(dmsReplicationInstance({ [field]: secret("SECRET"), kmsKeyArn: { SECRET: 1 } })),
    remediates(dmsReplicationInstance({ [field]: true }), "nothing"),
]);
