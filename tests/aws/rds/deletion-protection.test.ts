import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsCluster, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "deletionProtection";

policyCases("aws-rds-deletion-protection", [
    passes(rdsCluster()),
    passes(rdsInstance()),
    violates(rdsCluster({ [field]: undefined }), { code: "absentDefault", field }),
    violates(rdsCluster({ [field]: false }), { code: "notAllowed", field }),
    violates(rdsInstance({ [field]: false }), { code: "notAllowed", field }),
    violates(rdsCluster({ [field]: "yes" }), { code: "wrongType", field }),
    undecided(rdsCluster({ [field]: unknown }), field),
    // Replicas are separate instances and can be deleted on their own: checked. Aurora instances are protected through the cluster.
    violates(rdsInstance({ replicateSourceDb: "phi-db", [field]: undefined }), { code: "absentDefault", field }),
    notApplicable(rdsInstance({ engine: "aurora-postgresql", [field]: undefined }), /aws\.rds\.Cluster/),
    garbage(rdsCluster({ [field]: secret("SECRET"), engine: { SECRET: 1 } })),
    remediates(rdsCluster({ [field]: false }), { [field]: true }),
    remediates(rdsInstance({ [field]: undefined }), { [field]: true }),
    remediates(rdsInstance({ engine: "aurora-postgresql", [field]: undefined }), "nothing"),
    remediates(rdsCluster({ [field]: unknown }), "nothing"),
]);
