import { pass } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { inAllowedLocations, locationKnobs, unconfigured } from "../locations";
import { cluster } from "./facts";

/** A zone's region ("us-central1-a" → "us-central1"); undefined for a region. */
const zoneOf = /^([a-z]+-[a-z]+\d+)-[a-z]$/i;

export default defineResourcePolicy({
    name: "gcp-gke-location",
    description: "GKE clusters run in the locations the organization allows (data residency), once allowedLocations is configured.",
    severity: "medium",
    types: [cluster],
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0903.10f1"],
    tags: ["gcp", "gke", "data-residency"],
    anchors: { gcp: ["gcp-gke-13"] },
    remediation:
        "Set `location` on the `gcp.container.Cluster` to an allowed region (or a zone in one); a zone passes when it or its region is allowed. " +
        "Enforce with the organization policy `constraints/gcp.resourceLocations`.",
    knobs: locationKnobs,
    check: (r, config) => {
        const none = unconfigured(config.allowedLocations);
        if (none) return none;
        const read = r.props.string("location");
        if (read.state === "known") {
            const region = zoneOf.exec(read.value.trim())?.[1];
            if (region && config.allowedLocations.some(a => a.toLowerCase() === region.toLowerCase())) return pass;
        }
        return inAllowedLocations(read, { path: "location", allowed: config.allowedLocations });
    },
    noAutoRemediation: "a cluster's location is fixed when it is created",
});
