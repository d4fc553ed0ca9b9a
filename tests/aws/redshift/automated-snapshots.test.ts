import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redshiftCluster } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "automatedSnapshotRetentionPeriod";

policyCases("aws-redshift-automated-snapshots", [
    passes(redshiftCluster()),
    passes(redshiftCluster({ [field]: 7 })),
    violates(redshiftCluster({ [field]: 0 }), { code: "belowMinimum", field }),
    // Omitted: 1 day, below the default minimum of 7, enough when the knob asks for 1.
    violates(redshiftCluster({ [field]: undefined }), { code: "absentDefault", field }),
    passes(redshiftCluster({ [field]: undefined }), { minimumRetentionDays: 1 }),
    violates(redshiftCluster({ [field]: 14 }), { code: "belowMinimum", field }, { minimumRetentionDays: 30 }),
    violates(redshiftCluster({ [field]: "week" }), { code: "wrongType", field }),
    undecided(redshiftCluster({ [field]: unknown }), field),
    garbage(redshiftCluster({ [field]: secret("SECRET") })),
    remediates(redshiftCluster({ [field]: 0 }), "nothing"),
]);
