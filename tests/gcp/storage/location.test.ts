import { Case, garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { bucket, gcsBucketOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const us = { allowedLocations: ["US", "us-central1", "us-east4"] };

policyCases("gcp-storage-location", [
    notApplicable(bucket(), /no allowedLocations/),
    notApplicable(bucket({ location: "EU" }), /no allowedLocations/),
    passes(bucket({ location: "US-CENTRAL1" }), us),
    passes(bucket({ location: "us" }), us),
    violates(bucket({ location: "EUROPE-WEST1" }), { code: "locationNotAllowed", field: "location" }, us),
    violates(bucket({ location: undefined }), { code: "notSet", field: "location" }, us),
    violates(bucket({ location: 5 }), { code: "wrongType", field: "location" }, us),
    undecided(bucket({ location: unknown }), "location", us),
    passes(gcsBucketOutputs(), us),
    violates(gcsBucketOutputs({ location: "" }), { code: "notSet", field: "location" }, us),
    garbage(bucket({ location: secret("SECRET-region") })),
    // With allowedLocations set, a secret location is judged but never echoed.
    { kind: "garbage", resource: bucket({ location: secret("SECRET-region") }), knobs: us } as Case,
    violates(bucket({ location: "SECRET region!" }), { code: "locationNotAllowed", field: "location" }, us),
    remediates(bucket({ location: "EU" }), "nothing", us),
]);
