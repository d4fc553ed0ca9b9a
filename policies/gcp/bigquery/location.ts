import { defineResourcePolicy } from "../../lib/policy";
import { inAllowedLocations, locationKnobs, unconfigured } from "../locations";
import { dataset, datasetLocation } from "./facts";

export default defineResourcePolicy({
    name: "gcp-bigquery-location",
    description: "BigQuery datasets keep their data in the locations the organization allows (data residency), once allowedLocations is configured.",
    severity: "medium",
    types: [dataset],
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0903.10f1"],
    tags: ["gcp", "bigquery", "data-residency"],
    anchors: { gcp: ["gcp-bigquery-05"] },
    remediation:
        "Set `location` on the `gcp.bigquery.Dataset` to one of this policy's `allowedLocations` (omitted, it is the `US` multi-region). " +
        "A dataset's location cannot change: create a new dataset and copy the tables. Enforce with `constraints/gcp.resourceLocations`.",
    knobs: locationKnobs,
    check: (r, config) =>
        unconfigured(config.allowedLocations) ?? inAllowedLocations(r.props.string("location"), { path: "location", allowed: config.allowedLocations, absentMeans: datasetLocation.absent }),
    noAutoRemediation: "a dataset's location is fixed when it is created, so moving it means a new dataset and a copy of its tables",
});
