import { defineResourcePolicy } from "../../lib/policy";
import { inAllowedLocations, locationKnobs, unconfigured } from "../locations";
import { bucket } from "./facts";

export default defineResourcePolicy({
    name: "gcp-storage-location",
    description: "Cloud Storage buckets keep their data in the locations the organization allows (data residency), once allowedLocations is configured.",
    severity: "medium",
    types: [bucket],
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0903.10f1"],
    tags: ["gcp", "storage", "data-residency"],
    anchors: { gcp: ["gcp-cloud-storage-08"] },
    remediation:
        "Set `location` on the `gcp.storage.Bucket` to one of this policy's `allowedLocations` (a region such as `US-CENTRAL1`, a dual-region or a multi-region such as `US`). " +
        "A bucket's location cannot change: create a new bucket and copy the objects. Enforce with the organization policy `constraints/gcp.resourceLocations`.",
    knobs: locationKnobs,
    check: (r, config) => unconfigured(config.allowedLocations) ?? inAllowedLocations(r.props.string("location"), { path: "location", allowed: config.allowedLocations }),
    noAutoRemediation: "a bucket's location is fixed when it is created, so moving it means a new bucket and a copy of its data",
});
