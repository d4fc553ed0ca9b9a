import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { rdsClusterSnapshot, rdsClusterSnapshotCopy, rdsSnapshot, rdsSnapshotCopy } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "sharedAccounts";

policyCases("aws-rds-snapshot-not-public", [
    passes(rdsSnapshot()),
    passes(rdsClusterSnapshot()),
    passes(rdsSnapshotCopy()),
    passes(rdsClusterSnapshotCopy()),
    passes(rdsSnapshot({ [field]: [] })),
    violates(rdsSnapshot({ [field]: ["all"] }), { code: "public", field }),
    violates(rdsClusterSnapshot({ [field]: ["444455556666", "ALL"] }), { code: "public", field }),
    violates(rdsSnapshotCopy({ [field]: ["all"] }), { code: "public", field }),
    violates(rdsClusterSnapshotCopy({ [field]: ["all"] }), { code: "public", field }),
    violates(rdsSnapshot({ [field]: "all" }), { code: "wrongType", field }),
    violates(rdsSnapshot({ [field]: [444455556666] }), { code: "wrongType", field: `${field}[0]` }),
    // A known "all" is public whatever else is unknown.
    violates(rdsSnapshot({ [field]: [unknown, "all"] }), { code: "public", field }),
    undecided(rdsSnapshot({ [field]: unknown }), field),
    undecided(rdsSnapshot({ [field]: ["444455556666", unknown] }), field),
    garbage(rdsSnapshot({ [field]: [secret("SECRET"), { SECRET: 1 }] })),
    remediates(rdsSnapshot({ [field]: ["all", "444455556666"] }), { [field]: ["444455556666"] }),
    remediates(rdsClusterSnapshotCopy({ [field]: ["all"] }), { [field]: [] }),
    remediates(rdsSnapshot(), "nothing"),
    remediates(rdsSnapshot({ [field]: unknown }), "nothing"),
]);
