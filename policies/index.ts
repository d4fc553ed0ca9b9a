// The hipaa-guard policy pack: what the Pulumi engine runs. It loads only the policy SDK and the
// pack's own modules. `npm run build` bundles it, with those modules, into dist/pack/pack.js, which
// the published entry (entry.ts) loads; its GetAnalyzerInfo answer is recorded beside the bundle.

import * as path from "path";
import { recordFileName } from "./lib/analyzer-info";
import { servePolicyPack } from "./lib/dispatch";
import { shareDeserializedProperties } from "./lib/shared-deserialization";
import { allPolicies } from "./registry";

shareDeserializedProperties();

servePolicyPack(
    "hipaa-guard",
    {
        description: "HIPAA Security Rule and HITRUST CSF guardrails for AWS and GCP infrastructure, checked before deployment.",
        displayName: "hipaa-guard",
        enforcementLevel: "mandatory",
    },
    allPolicies,
    path.join(__dirname, recordFileName),
);
