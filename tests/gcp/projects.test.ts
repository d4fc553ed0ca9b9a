import { garbage, misconfigured, noAutoRemediation, passes, policyCases, undecided, violates } from "../cases";
import { projectService, projectServiceOutputs } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

policyCases("gcp-projects-baa-covered-apis", [
    passes(projectService()),
    passes(projectService({ service: "healthcare.googleapis.com" })),
    passes(projectService({ service: "aiplatform.googleapis.com" })),
    passes(projectService({ service: " CloudKMS.googleapis.com " })),
    passes(projectServiceOutputs()),
    // The Gemini Developer API is no Covered Product (Vertex AI is).
    violates(projectService({ service: "generativelanguage.googleapis.com" }), { code: "notCovered", field: "service" }),
    violates(projectServiceOutputs({ service: "firebasehosting.googleapis.com" }), { code: "notCovered", field: "service" }),
    violates(projectService({ service: "not an api" }), { code: "notCovered", field: "service" }),
    violates(projectService({ service: "" }), { code: "notSet", field: "service" }),
    violates(projectService({ service: ["compute.googleapis.com"] }), { code: "wrongType", field: "service" }),
    undecided(projectService({ service: unknown }), "service"),
    // The allowlist is the organization's: its own list replaces the default.
    passes(projectService({ service: "generativelanguage.googleapis.com" }), { allowedServices: ["generativelanguage.googleapis.com", "sqladmin.googleapis.com"] }),
    violates(projectService(), { code: "notCovered", field: "service" }, { allowedServices: ["compute.googleapis.com"] }),
    misconfigured(projectService(), { allowedServices: ["compute"] }, "allowedServices"),
    misconfigured(projectService(), { allowedServices: ["compute.googleapis.com", "compute.googleapis.com"] }, "allowedServices"),
    garbage(projectService({ service: secret("SECRET.googleapis.com") })),
    noAutoRemediation(projectService({ service: "generativelanguage.googleapis.com" })),
]);
