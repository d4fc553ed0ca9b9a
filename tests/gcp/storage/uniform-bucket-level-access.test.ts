import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { bucket, gcsBucketOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "uniformBucketLevelAccess";

policyCases("gcp-storage-uniform-bucket-level-access", [
    passes(bucket()),
    violates(bucket({ [field]: undefined }), { code: "absentDefault", field }),
    violates(bucket({ [field]: false }), { code: "notAllowed", field }),
    violates(bucket({ [field]: "true" }), { code: "wrongType", field }),
    undecided(bucket({ [field]: unknown }), field),
    passes(gcsBucketOutputs()),
    violates(gcsBucketOutputs({ [field]: false }), { code: "notAllowed", field }),
    garbage(bucket({ [field]: secret("SECRET") })),
    remediates(bucket({ [field]: false }), "nothing"),
]);
