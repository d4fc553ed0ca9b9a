// The hipaa-guard policy pack: the entry point the Pulumi engine starts (compiled to
// dist/policies/index.js). It loads only the policy SDK and the pack's own modules.

// First, so the pack's own modules below compile from the code cache the build recorded.
import { useCompileCache } from "./lib/compile-cache";
useCompileCache();

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
);
