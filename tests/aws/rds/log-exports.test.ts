import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsCluster, rdsClusterInstance, rdsInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "enabledCloudwatchLogsExports";
const mysqlLogs = ["audit", "error", "general", "slowquery"];

policyCases("aws-rds-log-exports", [
    passes(rdsInstance()),
    passes(rdsCluster()),
    // One table keyed by engine.
    passes(rdsInstance({ engine: "mysql", [field]: mysqlLogs })),
    passes(rdsInstance({ engine: "mariadb", [field]: [...mysqlLogs, "iam-db-auth-error"] })),
    passes(rdsInstance({ engine: "oracle-ee", [field]: ["alert", "audit", "listener", "trace"] })),
    passes(rdsInstance({ engine: "sqlserver-se", [field]: ["agent", "error"] })),
    passes(rdsCluster({ engine: "aurora-mysql", [field]: mysqlLogs })),
    passes(rdsCluster({ engine: "postgres", [field]: ["postgresql"] })),
    passes(rdsInstance({ engine: "Postgres", [field]: ["PostgreSQL"] })),
    violates(rdsInstance({ engine: "mysql", [field]: ["error", "slowquery"] }), { code: "missingLogs", field }),
    violates(rdsInstance({ engine: "sqlserver-ex", [field]: ["error"] }), { code: "missingLogs", field }),
    violates(rdsCluster({ engine: "aurora-mysql", [field]: ["postgresql"] }), { code: "missingLogs", field }),
    violates(rdsInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(rdsCluster({ [field]: undefined }), { code: "absentDefault", field }),
    violates(rdsInstance({ [field]: "postgresql" }), { code: "wrongType", field }),
    violates(rdsInstance({ [field]: [7] }), { code: "wrongType", field: `${field}[0]` }),
    violates(rdsInstance({ engine: undefined }), { code: "notSet", field: "engine" }),
    undecided(rdsInstance({ [field]: unknown }), field),
    undecided(rdsInstance({ [field]: ["upgrade", unknown] }), field),
    passes(rdsInstance({ [field]: ["postgresql", unknown] })),
    undecided(rdsInstance({ engine: unknown }), "engine"),
    undecided(rdsInstance({ engine: undefined, replicateSourceDb: "phi-db" }), "engine"),
    notApplicable(rdsInstance({ engine: "db2-se", [field]: undefined }), /no required log types/),
    notApplicable(rdsInstance({ engine: "aurora-postgresql", [field]: undefined }), /aws\.rds\.Cluster/),
    // Outputs-shaped: an empty list when nothing is exported.
    violates(rdsInstance({ [field]: [], replicateSourceDb: "" }), { code: "absentDefault", field }),
    garbage(rdsInstance({ [field]: [secret("SECRET"), { SECRET: 1 }], engine: secret("SECRET") })),
    remediates(rdsInstance({ [field]: undefined }), "nothing"),
    remediates(rdsClusterInstance(), "nothing"),
]);
