import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsClusterInstance, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "backupRetentionPeriod";

policyCases("aws-rds-backup-retention", [
    passes(rdsInstance()),
    passes(rdsInstance({ [field]: 7 })),
    violates(rdsInstance({ [field]: 0 }), { code: "belowMinimum", field }),
    violates(rdsInstance({ [field]: 3 }), { code: "belowMinimum", field }),
    // Omitted: the RDS API keeps 1 day (the d.ts says 0), below the default minimum of 7...
    violates(rdsInstance({ [field]: undefined }), { code: "absentDefault", field }),
    // ...and enough when the knob asks for 1.
    passes(rdsInstance({ [field]: undefined }), { minimumRetentionDays: 1 }),
    violates(rdsInstance({ [field]: 0 }), { code: "belowMinimum", field }, { minimumRetentionDays: 1 }),
    violates(rdsInstance({ [field]: 30 }), { code: "belowMinimum", field }, { minimumRetentionDays: 35 }),
    violates(rdsInstance({ [field]: "seven" }), { code: "wrongType", field }),
    // Older state stores numbers as strings.
    passes(rdsInstance({ [field]: "14" })),
    undecided(rdsInstance({ [field]: unknown }), field),
    notApplicable(rdsInstance({ replicateSourceDb: "phi-db", [field]: undefined }), /read replica/),
    notApplicable(rdsInstance({ engine: "aurora-postgresql", [field]: undefined }), /aws\.rds\.Cluster/),
    notApplicable(rdsClusterInstance(), /aws\.rds\.Cluster/),
    // Outputs-shaped: "" for no source.
    passes(rdsInstance({ replicateSourceDb: "", [field]: 35 })),
    garbage(rdsInstance({ [field]: secret("SECRET"), replicateSourceDb: { SECRET: 1 } })),
    remediates(rdsInstance({ [field]: 0 }), "nothing"),
]);
