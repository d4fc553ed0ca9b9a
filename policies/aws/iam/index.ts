// IAM controls: no identity policy grants administrator, service-wide or all-keys KMS decrypt access;
// permissions come from managed policies attached to groups and roles, never inline or to users; and
// an account password policy the stack defines is strong.

import kmsDecryptAllKeys from "./no-kms-decrypt-all-keys";
import noAdminAccess from "./no-admin-access";
import noFullServiceAccess from "./no-full-service-access";
import noInlinePolicies from "./no-inline-policies";
import passwordPolicy from "./password-policy";
import userNoPolicies from "./user-no-policies";

export const policies = [noAdminAccess, noFullServiceAccess, kmsDecryptAllKeys, noInlinePolicies, userNoPolicies, passwordPolicy];
