import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsClusterInstance, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "autoMinorVersionUpgrade";

policyCases("aws-rds-minor-version-upgrade", [
    passes(rdsInstance()),
    passes(rdsInstance({ [field]: undefined })),
    passes(rdsClusterInstance({ [field]: undefined })),
    violates(rdsInstance({ [field]: false }), { code: "notAllowed", field }),
    violates(rdsClusterInstance({ [field]: false }), { code: "notAllowed", field }),
    violates(rdsInstance({ [field]: "true" }), { code: "wrongType", field }),
    undecided(rdsInstance({ [field]: unknown }), field),
    garbage(rdsInstance({ [field]: secret("SECRET"), engineVersion: { SECRET: 1 } })),
    remediates(rdsInstance({ [field]: false }), { [field]: true }),
    remediates(rdsClusterInstance({ [field]: false }), { [field]: true }),
    remediates(rdsInstance({ [field]: undefined }), "nothing"),
]);
