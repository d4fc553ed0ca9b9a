// Cloud Storage controls: uniform bucket-level access, public access prevention, no public IAM
// grant or ACL entry, a customer-managed default key, object versioning, and access logs written to
// a separate bucket.

import accessLogging from "./access-logging";
import location from "./location";
import logBucketRetention from "./log-bucket-retention";
import encryptionAtRest from "./encryption-at-rest";
import noPublicAccess from "./no-public-access";
import publicAccessPrevention from "./public-access-prevention";
import uniformBucketLevelAccess from "./uniform-bucket-level-access";
import versioning from "./versioning";

export const policies = [uniformBucketLevelAccess, publicAccessPrevention, noPublicAccess, encryptionAtRest, versioning, location];
export const stackPolicies = [accessLogging, logBucketRetention];
