import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { trail, trailOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "enableLogFileValidation";

policyCases("aws-cloudtrail-log-file-validation", [
    passes(trail()),
    violates(trail({ [field]: undefined }), { code: "absentDefault", field }),
    violates(trail({ [field]: false }), { code: "notAllowed", field }),
    violates(trail({ [field]: "true" }), { code: "wrongType", field }),
    undecided(trail({ [field]: unknown }), field),
    passes(trail({ [field]: secret(true) })),
    garbage(trail({ [field]: secret("SECRET"), kmsKeyId: { SECRET: 1 } })),
    remediates(trail({ [field]: false }), { [field]: true }),
    remediates(trail({ [field]: undefined }), { [field]: true }),
    remediates(trail({ [field]: unknown }), "nothing"),
    remediates(trail(), "nothing"),
    garbage(trail({ eventSelectors: [{ dataResources: [{ values: ["SECRET", unknown] }] }] })),
    remediates(trail({ [field]: "true" }), "nothing"),
    remediates(trail({ [field]: secret(false) }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(trailOutputs()),
    violates(trailOutputs({ enableLogFileValidation: false }), { code: "notAllowed", field }),
    remediates(trailOutputs({ enableLogFileValidation: false }), { enableLogFileValidation: true }),
]);
