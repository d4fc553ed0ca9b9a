// Artifact Registry: repositories (which may hold images and packages built from PHI workloads)
// encrypt their contents with a customer-managed key, and none is granted to the public.

import { gcpTypes, stringAttribute } from "../lib/facts";
import { publicIamGrants } from "../lib/gcp-iam";
import { booleanKnob } from "../lib/knobs";
import { pass } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { mustBeSet } from "../lib/rules";

export const repository = "gcp:artifactregistry/repository:Repository";
const iamTypes = ["Member", "Binding", "Policy"].map(s => `gcp:artifactregistry/repositoryIam${s}:RepositoryIam${s}`);

const kmsKeyName = stringAttribute({ types: [repository], field: "kmsKeyName", source: gcpTypes("artifactregistry/repository") });
const customerKey = mustBeSet(kmsKeyName, { fix: "set kmsKeyName to the id of a gcp.kms.CryptoKey in the repository's location", missing: "kmsKeyName is not set, so the repository is encrypted only with a Google-managed key" });

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-artifactregistry-encryption-at-rest",
    description: "Artifact Registry repositories encrypt their contents with a customer-managed Cloud KMS key.",
    severity: "medium",
    types: [repository],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "artifactregistry", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-artifact-registry-01"], checkov: ["CKV_GCP_84"] },
    remediation:
        "Set `kmsKeyName` on the `gcp.artifactregistry.Repository` to a `gcp.kms.CryptoKey` in its location, after granting the Artifact Registry service agent " +
        "`roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. It can only be set when the repository is created. Set `allowGoogleManagedKeys: true` if Google-managed keys are acceptable.",
    knobs: { allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Artifact Registry's default Google-managed encryption instead of requiring kmsKeyName." }) },
    check: (r, config) => (config.allowGoogleManagedKeys ? pass : customerKey.check(r.props, config)),
    noAutoRemediation: "the key can only be set when the repository is created, so the fix replaces it",
});

export const noPublicAccess = defineResourcePolicy({
    name: "gcp-artifactregistry-no-public-access",
    description: "No Artifact Registry repository grants access to allUsers or allAuthenticatedUsers.",
    severity: "high",
    types: iamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "artifactregistry", "access-control", "public-access"],
    anchors: { gcp: ["gcp-artifact-registry-01"], checkov: ["CKV_GCP_101"] },
    remediation: "Remove `allUsers` and `allAuthenticatedUsers` from every `gcp.artifactregistry.RepositoryIamMember`/`RepositoryIamBinding`/`RepositoryIamPolicy`; grant `roles/artifactregistry.reader` to specific principals.",
    check: r => publicIamGrants(r.type, r.props, "the repository"),
    noAutoRemediation: "removing a grant cuts off whoever pulls from the repository; a person decides who should have access instead",
});

export const policies = [encryptionAtRest, noPublicAccess];
