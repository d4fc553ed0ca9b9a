// Cloud Healthcare API controls: datasets encrypted with a customer-managed key, and no dataset or
// FHIR, DICOM, HL7v2 or consent store granted to the public.

import { gcpTypes, stringAttribute } from "../lib/facts";
import { publicIamGrants } from "../lib/gcp-iam";
import { booleanKnob } from "../lib/knobs";
import { pass } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { mustBeSet } from "../lib/rules";

export const dataset = "gcp:healthcare/dataset:Dataset";
const iamTypes = ["dataset", "fhirStore", "dicomStore", "hl7Store", "consentStore"].flatMap(store =>
    ["Member", "Binding", "Policy"].map(shape => {
        const cls = `${store[0].toUpperCase()}${store.slice(1)}Iam${shape}`;
        return `gcp:healthcare/${store}Iam${shape}:${cls}`;
    }),
);

const kmsKeyName = stringAttribute({ types: [dataset], block: "encryptionSpec", field: "kmsKeyName", source: `${gcpTypes("types/input")} (healthcare.DatasetEncryptionSpec; immutable)` });
const customerKey = mustBeSet(kmsKeyName, { fix: "set encryptionSpec.kmsKeyName to the id of a gcp.kms.CryptoKey in the dataset's location", missing: "encryptionSpec.kmsKeyName is not set, so the dataset's stores are encrypted only with a Google-managed key" });

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-healthcare-encryption-at-rest",
    description: "Cloud Healthcare API datasets encrypt their FHIR, DICOM and HL7v2 stores with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [dataset],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "healthcare", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-healthcare-api-01"] },
    remediation:
        "Set `encryptionSpec: { kmsKeyName: key.id }` on the `gcp.healthcare.Dataset`, with a key in the dataset's location, after granting the Cloud Healthcare " +
        "service agent (`service-PROJECT_NUMBER@gcp-sa-healthcare.iam.gserviceaccount.com`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. It can only be " +
        "set when the dataset is created. Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: { allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept the Healthcare API's default Google-managed encryption instead of requiring encryptionSpec.kmsKeyName." }) },
    check: (r, config) => (config.allowGoogleManagedKeys ? pass : customerKey.check(r.props, config)),
    noAutoRemediation: "the key can only be set when the dataset is created, so the fix replaces it and its stores",
});

export const noPublicAccess = defineResourcePolicy({
    name: "gcp-healthcare-no-public-access",
    description: "No Cloud Healthcare API dataset, FHIR, DICOM, HL7v2 or consent store grants access to allUsers or allAuthenticatedUsers.",
    severity: "critical",
    types: iamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "healthcare", "access-control", "public-access"],
    anchors: { gcp: ["gcp-healthcare-api-02"] },
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from every `gcp.healthcare.*IamMember`/`*IamBinding`/`*IamPolicy` on datasets and on FHIR, DICOM, HL7v2 " +
        "and consent stores; grant roles such as `roles/healthcare.fhirResourceReader` to specific users, groups or service accounts.",
    check: r => publicIamGrants(r.type, r.props, r.type.includes("/dataset") ? "the dataset" : "the store"),
    noAutoRemediation: "removing a grant cuts off whoever relies on it; a person decides who should have access instead",
});

export const policies = [encryptionAtRest, noPublicAccess];
