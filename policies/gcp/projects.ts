// Only APIs of products Google's HIPAA Business Associate Agreement covers are enabled (Prowler
// 164.308(b), Google's healthcare baseline): PHI may flow only through Covered Products, so an API
// outside them, the Gemini Developer API (generativelanguage.googleapis.com) among them, stays off.

import { cloudFact } from "../lib/facts";
import { stringListKnob } from "../lib/knobs";
import { isOutcome, pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { valueOf } from "../lib/rules";

export const service = "gcp:projects/service:Service";

const api = (names: string) => names.split(" ").map(n => `${n}.googleapis.com`);

/** The APIs of the HIPAA Covered Products, and the platform APIs every project runs on. */
export const coveredApis: readonly string[] = cloudFact(
    {
        about: "Google Cloud HIPAA covered products",
        says: "PHI may be processed only with the products Google lists as covered by its BAA; the pack's default is the APIs of those products (read 2026-12-02) plus the platform APIs (Service Usage, Resource Manager, IAM) every project needs; generativelanguage (Gemini Developer API) is not among them",
        source: "cloud.google.com/security/compliance/hipaa (Covered Products, read 2026-12-02); cloud.google.com/terms/hipaa-baa",
    },
    [
        // Platform, identity, security and operations.
        ...api("serviceusage cloudresourcemanager iam iamcredentials sts orgpolicy cloudasset accesscontextmanager accessapproval securitycenter"),
        ...api("cloudkms secretmanager privateca certificatemanager binaryauthorization containeranalysis oslogin osconfig iap dlp"),
        ...api("logging monitoring cloudtrace clouderrorreporting"),
        // Compute, containers, serverless, integration and networking.
        ...api("compute container gkehub run cloudfunctions cloudbuild artifactregistry containerregistry appengine batch workstations"),
        ...api("vpcaccess servicenetworking dns networkconnectivity networkmanagement networksecurity networkservices"),
        ...api("pubsub eventarc workflows cloudscheduler cloudtasks composer"),
        // Storage, databases and analytics.
        ...api("storage storage-api storage-component storagetransfer sqladmin sql-component spanner bigtable bigtableadmin"),
        ...api("bigquery bigquerystorage bigqueryreservation bigquerydatatransfer bigqueryconnection datastore firestore"),
        ...api("redis memcache memorystore file alloydb datacatalog dataplex dataflow dataproc datafusion dataform datastream healthcare"),
        // AI and machine learning (Vertex AI; not the Gemini Developer API).
        ...api("aiplatform notebooks documentai vision speech texttospeech translate language dialogflow videointelligence"),
    ],
);

const apiName = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com$/;

export const baaCoveredApis = defineResourcePolicy({
    name: "gcp-projects-baa-covered-apis",
    description: "Only APIs of products covered by Google's HIPAA Business Associate Agreement are enabled (by default; the list is a knob).",
    severity: "high",
    types: [service],
    hipaa: ["164.308(b)(1)"],
    hitrust: ["01.v"],
    tags: ["gcp", "governance", "baa"],
    anchors: { gcp: ["gcp-governance-02"] },
    remediation:
        "Enable only APIs of Google's HIPAA Covered Products (https://cloud.google.com/security/compliance/hipaa) in projects that hold PHI: " +
        "remove the `gcp.projects.Service` for any other API, in particular `generativelanguage.googleapis.com` (the Gemini Developer API; use " +
        "Vertex AI, `aiplatform.googleapis.com`, instead). The default `allowedServices` are the APIs of the covered products as of 2026-12-02; " +
        "set it to the list your BAA and compliance team approve, and enforce it with the `gcp.restrictServiceUsage` organization policy.",
    knobs: {
        allowedServices: stringListKnob({
            default: coveredApis,
            pattern: "^[a-z0-9-]+(\\.[a-z0-9-]+)*\\.googleapis\\.com$",
            maxItems: 500,
            description: "API service names that may be enabled (e.g. compute.googleapis.com). The default is Google's HIPAA Covered Products' APIs.",
            itemWords: "API service names ending in .googleapis.com",
        }),
    },
    check: (r, config) => {
        const fix = "remove this gcp.projects.Service, or add the API to allowedServices once your BAA covers it";
        const name = valueOf(r.props.string("service"), { path: "service", expected: "an API service name", fix, absent: undefined });
        if (isOutcome(name)) return name;
        if (name === undefined || name.trim() === "") return violation({ code: "notSet", field: "service", problem: "service is not set", fix: "set service to the API to enable, e.g. compute.googleapis.com" });
        const value = name.trim().toLowerCase();
        if (config.allowedServices.includes(value)) return pass;
        const shown = apiName.test(value) ? value : "this service";
        return violation({ code: "notCovered", field: "service", problem: `service enables ${shown}, which is not among the allowed (BAA-covered) APIs`, fix });
    },
    noAutoRemediation: "disabling an API breaks whatever uses it; whether the BAA covers it is a compliance decision",
});

export const policies = [baaCoveredApis];
