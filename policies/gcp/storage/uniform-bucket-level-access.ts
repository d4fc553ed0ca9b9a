import { attributeRule } from "../../lib/attribute-rule";
import { mustBeTrue } from "../../lib/rules";
import { bucket, uniformBucketLevelAccess } from "./facts";

export default attributeRule({
    name: "gcp-storage-uniform-bucket-level-access",
    description: "Cloud Storage buckets use uniform bucket-level access: IAM alone decides who reads objects, with no per-object ACLs.",
    severity: "high",
    types: [bucket],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "storage", "access-control"],
    anchors: { gcp: ["gcp-cloud-storage-01"], checkov: ["CKV_GCP_29"] },
    remediation:
        "Set `uniformBucketLevelAccess: true` on the `gcp.storage.Bucket` (off unless set). Object ACLs stop applying, so grant access with " +
        "`gcp.storage.BucketIAMMember` first. Enforce it for every bucket with the organization policy `constraints/storage.uniformBucketLevelAccess`. " +
        "After 90 days it can no longer be turned off.",
    requires: [mustBeTrue(uniformBucketLevelAccess)],
    noAutoRemediation: "object ACLs stop working at once, so readers that rely on them lose access until a person grants them IAM roles",
});
