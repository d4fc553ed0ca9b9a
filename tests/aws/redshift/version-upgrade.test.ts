import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redshiftCluster } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "allowVersionUpgrade";

policyCases("aws-redshift-version-upgrade", [
    passes(redshiftCluster()),
    passes(redshiftCluster({ [field]: undefined })),
    violates(redshiftCluster({ [field]: false }), { code: "notAllowed", field }),
    violates(redshiftCluster({ [field]: "false" }), { code: "wrongType", field }),
    undecided(redshiftCluster({ [field]: unknown }), field),
    garbage(redshiftCluster({ [field]: secret("SECRET") })),
    remediates(redshiftCluster({ [field]: false }), { [field]: true }),
    remediates(redshiftCluster({ [field]: unknown }), "nothing"),
]);
