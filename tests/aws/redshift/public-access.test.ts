import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { redshiftCluster } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "publiclyAccessible";

policyCases("aws-redshift-public-access", [
    passes(redshiftCluster()),
    passes(redshiftCluster({ [field]: undefined })),
    violates(redshiftCluster({ [field]: true }), { code: "notAllowed", field }),
    violates(redshiftCluster({ [field]: "true" }), { code: "wrongType", field }),
    undecided(redshiftCluster({ [field]: unknown }), field),
    garbage(redshiftCluster({ [field]: secret("SECRET"), clusterSubnetGroupName: { SECRET: 1 } })),
    remediates(redshiftCluster({ [field]: true }), { [field]: false }),
    remediates(redshiftCluster({ [field]: unknown }), "nothing"),
    remediates(redshiftCluster(), "nothing"),
]);
