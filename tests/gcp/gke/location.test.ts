import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { gkeCluster, gkeClusterOutputs, gkeGarbage, gkeSecrets } from "../../factories";

const policy = "gcp-gke-location";
const us = { allowedLocations: ["us-central1", "US-EAST4"] };

policyCases(policy, [
    notApplicable(gkeCluster(), /no allowedLocations are configured/),
    passes(gkeCluster(), us),
    passes(gkeCluster({ location: "us-east4" }), us),
    // A zonal cluster passes when its zone or the zone's region is allowed.
    passes(gkeCluster({ location: "us-central1-a" }), us),
    passes(gkeCluster({ location: "europe-west1-b" }), { allowedLocations: ["europe-west1-b"] }),
    violates(gkeCluster({ location: "europe-west1" }), { code: "locationNotAllowed", field: "location" }, us),
    violates(gkeCluster({ location: "europe-west1-b" }), { code: "locationNotAllowed", field: "location" }, us),
    violates(gkeCluster({ location: undefined }), { code: "notSet", field: "location" }, us),
    undecided(gkeCluster({ location: unknown }), "location", us),
    violates(gkeCluster({ location: 9 }), { code: "wrongType", field: "location" }, us),
    passes(gkeClusterOutputs(), us),
    violates(gkeClusterOutputs({ location: "asia-east1" }), { code: "locationNotAllowed", field: "location" }, us),
    ...gkeGarbage.map(g => garbage(gkeCluster(g), us, gkeSecrets)),
    misconfigured(gkeCluster(), { allowedLocations: "us-central1" }, "allowedLocations"),
    noAutoRemediation(gkeCluster({ location: "europe-west1" }), us),
]);
