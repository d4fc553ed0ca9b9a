// What the pack knows about Cloud Storage buckets and the resources that grant access to them.

import { booleanAttribute, gcpTypes, stringAttribute } from "../../lib/facts";

export const bucket = "gcp:storage/bucket:Bucket";

// Every resource that can grant access to a bucket, a managed folder or an object (type tokens as
// the installed @pulumi/gcp spells them).
export const iamTypes = [
    "gcp:storage/bucketIAMMember:BucketIAMMember",
    "gcp:storage/bucketIAMBinding:BucketIAMBinding",
    "gcp:storage/bucketIAMPolicy:BucketIAMPolicy",
    "gcp:storage/managedFolderIamMember:ManagedFolderIamMember",
    "gcp:storage/managedFolderIamBinding:ManagedFolderIamBinding",
    "gcp:storage/managedFolderIamPolicy:ManagedFolderIamPolicy",
];
/** ACL resources with one `entity`. */
export const entityAclTypes = [
    "gcp:storage/bucketAccessControl:BucketAccessControl",
    "gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl",
    "gcp:storage/objectAccessControl:ObjectAccessControl",
];
/** ACL resources with `roleEntities` ("READER:allUsers") and, on some, a canned `predefinedAcl`. */
export const roleEntityAclTypes = [
    "gcp:storage/bucketACL:BucketACL",
    "gcp:storage/defaultObjectACL:DefaultObjectACL",
    "gcp:storage/objectACL:ObjectACL",
];

const types = [bucket];
const source = gcpTypes("storage/bucket");
const inputSource = `${gcpTypes("types/input")} (storage.Bucket*)`;

export const uniformBucketLevelAccess = booleanAttribute({
    types,
    field: "uniformBucketLevelAccess",
    default: false,
    source: `${source} gives no default; the API leaves it off unless set or enforced by constraints/storage.uniformBucketLevelAccess (cloud.google.com/storage/docs/uniform-bucket-level-access)`,
});
export const publicAccessPrevention = stringAttribute({
    types,
    field: "publicAccessPrevention",
    default: "inherited",
    values: ["inherited", "enforced"],
    source: `${source} ("Defaults to \\"inherited\\"": public access is prevented only when the constraints/storage.publicAccessPrevention organization policy applies)`,
});
export const defaultKmsKeyName = stringAttribute({ types, block: "encryption", field: "defaultKmsKeyName", source: inputSource });
export const versioningEnabled = booleanAttribute({
    types,
    block: "versioning",
    field: "enabled",
    default: false,
    source: `${inputSource}: versioning is off without the block; a bucket cannot have both a retention policy and versioning (cloud.google.com/storage/docs/object-versioning)`,
});
export const logBucket = stringAttribute({ types, block: "logging", field: "logBucket", source: inputSource });
