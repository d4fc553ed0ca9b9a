import { Case, garbage, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { bigqueryDataset } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const us = { allowedLocations: ["US", "us-central1"] };

policyCases("gcp-bigquery-location", [
    notApplicable(bigqueryDataset(), /no allowedLocations/),
    passes(bigqueryDataset(), us),
    // Omitted, a dataset is created in the US multi-region.
    passes(bigqueryDataset({ location: undefined }), us),
    violates(bigqueryDataset({ location: undefined }), { code: "locationNotAllowed", field: "location" }, { allowedLocations: ["EU"] }),
    passes(bigqueryDataset({ location: "us-central1" }), us),
    violates(bigqueryDataset({ location: "asia-northeast1" }), { code: "locationNotAllowed", field: "location" }, us),
    violates(bigqueryDataset({ location: ["US"] }), { code: "wrongType", field: "location" }, us),
    undecided(bigqueryDataset({ location: unknown }), "location", us),
    passes(bigqueryDataset({ location: "" }), us),
    garbage(bigqueryDataset({ location: secret("SECRET") })),
    { kind: "garbage", resource: bigqueryDataset({ location: secret("SECRET") }), knobs: us } as Case,
]);
