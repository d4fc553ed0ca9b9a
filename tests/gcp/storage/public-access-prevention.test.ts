import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { bucket, gcsBucketOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "publicAccessPrevention";
const org = { enforcedByOrganization: true };

policyCases("gcp-storage-public-access-prevention", [
    passes(bucket()),
    violates(bucket({ [field]: undefined }), { code: "absentDefault", field }),
    violates(bucket({ [field]: "inherited" }), { code: "notAllowed", field }),
    violates(bucket({ [field]: "ENFORCED" }), { code: "unrecognised", field }),
    violates(bucket({ [field]: true }), { code: "wrongType", field }),
    undecided(bucket({ [field]: unknown }), field),
    // The organization policy constraint enforces it: "inherited" (and the default) pass.
    passes(bucket({ [field]: undefined }), org),
    passes(bucket({ [field]: "inherited" }), org),
    violates(bucket({ [field]: "unspecified" }), { code: "unrecognised", field }, org),
    passes(gcsBucketOutputs()),
    violates(gcsBucketOutputs({ [field]: "inherited" }), { code: "notAllowed", field }),
    violates(gcsBucketOutputs({ [field]: "" }), { code: "absentDefault", field }),
    garbage(bucket({ [field]: secret("SECRET") })),
    remediates(bucket({ [field]: "inherited" }), "nothing"),
]);
