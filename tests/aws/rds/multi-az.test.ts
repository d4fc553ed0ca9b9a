import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsClusterInstance, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "multiAz";

policyCases("aws-rds-multi-az", [
    passes(rdsInstance()),
    passes(rdsInstance({ engine: "sqlserver-se", licenseModel: "license-included" })),
    violates(rdsInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(rdsInstance({ [field]: false }), { code: "notAllowed", field }),
    violates(rdsInstance({ [field]: 1 }), { code: "wrongType", field }),
    undecided(rdsInstance({ [field]: unknown }), field),
    notApplicable(rdsInstance({ engine: "aurora-mysql", [field]: undefined }), /aws\.rds\.Cluster/),
    notApplicable(rdsInstance({ replicateSourceDb: "arn:aws:rds:us-west-2:111122223333:db:phi", [field]: false }), /read replica/),
    notApplicable(rdsClusterInstance(), /aws\.rds\.Cluster/),
    undecided(rdsInstance({ engine: unknown, [field]: false }), "engine"),
    // Outputs-shaped.
    violates(rdsInstance({ replicateSourceDb: "", [field]: false }), { code: "notAllowed", field }),
    garbage(rdsInstance({ [field]: secret("SECRET"), engine: ["SECRET"] })),
    remediates(rdsInstance({ [field]: false }), "nothing"),
]);
