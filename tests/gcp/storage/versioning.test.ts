import { garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { bucket, gcsBucketOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "versioning.enabled";
const retention = { retentionPolicy: { retentionPeriod: "189345600", isLocked: true } };

policyCases("gcp-storage-versioning", [
    passes(bucket()),
    violates(bucket({ versioning: undefined }), { code: "absentDefault", field }),
    violates(bucket({ versioning: { enabled: false } }), { code: "notAllowed", field }),
    violates(bucket({ versioning: { enabled: "yes" } }), { code: "wrongType", field }),
    undecided(bucket({ versioning: { enabled: unknown } }), field),
    undecided(bucket({ versioning: unknown }), field),
    // A retention policy already keeps every object, and excludes versioning.
    notApplicable(bucket({ versioning: undefined, ...retention }), /retention policy/),
    notApplicable(bucket({ versioning: undefined, retentionPolicy: { retentionPeriod: unknown } }), /retention policy/),
    violates(bucket({ versioning: undefined, retentionPolicy: { retentionPeriod: "0" } }), { code: "absentDefault", field }),
    undecided(bucket({ retentionPolicy: unknown }), "retentionPolicy"),
    passes(gcsBucketOutputs()),
    violates(gcsBucketOutputs({ versioning: [{ enabled: false }] }), { code: "notAllowed", field }),
    garbage(bucket({ versioning: [secret("SECRET")], retentionPolicy: "SECRET" })),
    remediates(bucket({ versioning: undefined }), { versioning: { enabled: true } }),
    remediates(bucket({ versioning: { enabled: false } }), { versioning: { enabled: true } }),
    remediates(bucket({ versioning: undefined, ...retention }), "nothing"),
    remediates(bucket({ versioning: { enabled: unknown } }), "nothing"),
    remediates(bucket(), "nothing"),
]);
