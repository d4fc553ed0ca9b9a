// EBS controls (issue 15): encrypted volumes, whether standalone, an instance's or a launch
// template's (a stack policy, because the account's encryption by default, when the stack owns it,
// encrypts the volumes that do not say so), and encryption by default itself.

import encryptedVolumes from "./encrypted-volumes";
import encryptionByDefault from "./encryption-by-default";

export const policies = [encryptionByDefault];
export const stackPolicies = [encryptedVolumes];
