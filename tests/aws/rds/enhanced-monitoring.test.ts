import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsClusterInstance, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "monitoringInterval";
const role = "monitoringRoleArn";

policyCases("aws-rds-enhanced-monitoring", [
    passes(rdsInstance()),
    passes(rdsClusterInstance()),
    passes(rdsInstance({ [field]: 1, [role]: unknown })),
    violates(rdsInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(rdsInstance({ [field]: 0 }), { code: "notAllowed", field }),
    violates(rdsInstance({ [field]: 45 }), { code: "unrecognised", field }),
    violates(rdsInstance({ [field]: "sixty" }), { code: "wrongType", field }),
    violates(rdsClusterInstance({ [role]: undefined }), { code: "notSet", field: role }),
    violates(rdsInstance({ [field]: undefined, [role]: undefined }), [{ code: "absentDefault", field }, { code: "notSet", field: role }]),
    // maximumIntervalSeconds
    violates(rdsInstance({ [field]: 60 }), { code: "aboveMaximum", field }, { maximumIntervalSeconds: 30 }),
    passes(rdsInstance({ [field]: 15 }), { maximumIntervalSeconds: 30 }),
    undecided(rdsInstance({ [field]: unknown }), field),
    // Outputs-shaped: 0 and "" when Enhanced Monitoring is off.
    violates(rdsInstance({ [field]: 0, [role]: "" }), [{ code: "notAllowed", field }, { code: "notSet", field: role }]),
    garbage(rdsInstance({ [field]: secret("SECRET"), [role]: { SECRET: 1 } })),
    remediates(rdsInstance({ [field]: 0 }), "nothing"),
]);
