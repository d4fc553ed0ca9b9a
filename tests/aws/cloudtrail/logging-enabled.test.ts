import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { trail, trailOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "enableLogging";

policyCases("aws-cloudtrail-logging-enabled", [
    // Omitted means true: the trail logs.
    passes(trail()),
    passes(trail({ [field]: true })),
    violates(trail({ [field]: false }), { code: "notAllowed", field }),
    violates(trail({ [field]: 0 }), { code: "wrongType", field }),
    undecided(trail({ [field]: unknown }), field),
    garbage(trail({ [field]: [unknown], s3BucketName: "SECRET" })),
    remediates(trail({ [field]: false }), { [field]: true }),
    remediates(trail(), "nothing"),
    garbage(trail({ isMultiRegionTrail: { nested: unknown }, enableLogging: NaN, s3BucketName: secret("SECRET") })),
    remediates(trail({ [field]: unknown }), "nothing"),
    remediates(trail({ [field]: 0 }), "nothing"),
    remediates(trail({ [field]: secret(false) }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(trailOutputs()),
    violates(trailOutputs({ enableLogging: false }), { code: "notAllowed", field }),
]);
