// S3 controls (issue 15, the AWS Config HIPAA conformance pack's S3 rules): no public access, ACLs
// disabled, KMS default encryption, versioning, access logging, TLS-only bucket policies, Object
// Lock, replication, event notifications and a lifecycle for noncurrent versions, each a stack
// policy on the bucket because @pulumi/aws 7 configures buckets through resources of their own;
// and the account-wide public access block when the stack owns it.

import accessLogging from "./access-logging";
import accountPublicAccessBlock from "./account-public-access-block";
import aclsDisabled from "./acls-disabled";
import defaultEncryptionKms from "./default-encryption-kms";
import eventNotifications from "./event-notifications";
import noPublicAccess from "./no-public-access";
import objectLock from "./object-lock";
import replication from "./replication";
import sslRequestsOnly from "./ssl-requests-only";
import versionLifecycle from "./version-lifecycle";
import versioning from "./versioning";

export const policies = [accountPublicAccessBlock];
export const stackPolicies = [noPublicAccess, aclsDisabled, defaultEncryptionKms, versioning, accessLogging, sslRequestsOnly, objectLock, replication, eventNotifications, versionLifecycle];
