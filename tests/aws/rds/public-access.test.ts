import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsClusterInstance, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "publiclyAccessible";

policyCases("aws-rds-public-access", [
    passes(rdsInstance()),
    passes(rdsInstance({ [field]: undefined })),
    passes(rdsClusterInstance()),
    passes(rdsClusterInstance({ [field]: undefined })),
    violates(rdsInstance({ [field]: true }), { code: "notAllowed", field }),
    violates(rdsClusterInstance({ [field]: true }), { code: "notAllowed", field }),
    violates(rdsInstance({ [field]: "false" }), { code: "wrongType", field }),
    undecided(rdsClusterInstance({ [field]: unknown }), field),
    garbage(rdsInstance({ [field]: secret("SECRET"), dbSubnetGroupName: { SECRET: 1 } })),
    remediates(rdsInstance({ [field]: true }), { [field]: false }),
    remediates(rdsClusterInstance({ [field]: true }), { [field]: false }),
    remediates(rdsInstance({ [field]: unknown }), "nothing"),
    remediates(rdsInstance(), "nothing"),
]);
