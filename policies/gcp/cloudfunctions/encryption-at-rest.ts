import { defineResourcePolicy } from "../../lib/policy";
import { isSet } from "../../lib/rules";
import { functionTypes } from "./facts";

export default defineResourcePolicy({
    name: "gcp-cloudfunctions-encryption-at-rest",
    description: "Cloud Functions encrypt their source, images and data with a customer-managed Cloud KMS key.",
    severity: "high",
    types: functionTypes,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "cloudfunctions", "encryption", "cmek"],
    anchors: { gcp: ["gcp-cloud-functions-04"] },
    remediation:
        "Set `kmsKeyName` to a Cloud KMS key on the `gcp.cloudfunctions.Function` or `gcp.cloudfunctionsv2.Function`, with `dockerRepository` naming an Artifact Registry " +
        "repository encrypted with the same key, and grant the Cloud Functions and Artifact Registry service agents `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it.",
    check: r => isSet(r.props.string("kmsKeyName"), { path: "kmsKeyName", fix: "set kmsKeyName to a Cloud KMS key (and dockerRepository to a repository encrypted with it)", missing: "kmsKeyName is not set, so the function is encrypted with a Google-managed key" }),
    noAutoRemediation: "which key protects the function is a person's choice, and the service agents need access to it first",
});
