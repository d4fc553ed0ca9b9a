// BigQuery controls: no public dataset or table, customer-managed keys on datasets and on tables
// (their own or the dataset's default, resolved in the stack), and allowed locations.

import encryptionAtRest from "./encryption-at-rest";
import location from "./location";
import noPublicAccess from "./no-public-access";
import tableEncryption from "./table-encryption";

export const policies = [noPublicAccess, encryptionAtRest, location];
export const stackPolicies = [tableEncryption];
