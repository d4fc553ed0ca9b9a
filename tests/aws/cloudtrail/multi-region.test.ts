import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { trail, trailOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-cloudtrail-multi-region", [
    passes(trail()),
    // includeGlobalServiceEvents defaults to true.
    passes(trail({ includeGlobalServiceEvents: undefined })),
    passes(trail({ includeGlobalServiceEvents: true })),
    violates(trail({ isMultiRegionTrail: undefined }), { code: "absentDefault", field: "isMultiRegionTrail" }),
    violates(trail({ isMultiRegionTrail: false }), { code: "notAllowed", field: "isMultiRegionTrail" }),
    violates(trail({ includeGlobalServiceEvents: false }), { code: "notAllowed", field: "includeGlobalServiceEvents" }),
    violates(trail({ isMultiRegionTrail: false, includeGlobalServiceEvents: false }), [
        { code: "notAllowed", field: "isMultiRegionTrail" },
        { code: "notAllowed", field: "includeGlobalServiceEvents" },
    ]),
    violates(trail({ isMultiRegionTrail: "yes" }), { code: "wrongType", field: "isMultiRegionTrail" }),
    undecided(trail({ isMultiRegionTrail: unknown, includeGlobalServiceEvents: unknown }), ["isMultiRegionTrail", "includeGlobalServiceEvents"]),
    garbage(trail({ isMultiRegionTrail: { nested: unknown }, includeGlobalServiceEvents: "SECRET" })),
    remediates(trail({ isMultiRegionTrail: false, includeGlobalServiceEvents: false }), { isMultiRegionTrail: true, includeGlobalServiceEvents: true }),
    remediates(trail({ isMultiRegionTrail: unknown }), "nothing"),
    garbage(trail({ isMultiRegionTrail: "SECRET", enableLogFileValidation: secret("SECRET"), enableLogging: [unknown], includeGlobalServiceEvents: null })),
    remediates(trail({ isMultiRegionTrail: "yes" }), "nothing"),
    remediates(trail({ isMultiRegionTrail: secret(false), includeGlobalServiceEvents: true }), "nothing"),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(trailOutputs()),
    violates(trailOutputs({ isMultiRegionTrail: false }), { code: "notAllowed", field: "isMultiRegionTrail" }),
]);
