// GCP IAM: who may reach PHI. Public members and member domains on every IAM resource type; on the
// resource hierarchy (project, folder, organization) no basic roles, no project-wide service account
// impersonation, no privileged service accounts; no user-managed keys; separation of duties.

import allowedMembers from "./allowed-members";
import basicRoles from "./basic-roles";
import noPublicMembers from "./no-public-members";
import separationOfDuties from "./separation-of-duties";
import serviceAccountKeys from "./service-account-keys";
import serviceAccountPrivileges from "./service-account-privileges";
import serviceAccountUser from "./service-account-user";

export const policies = [noPublicMembers, allowedMembers, basicRoles, serviceAccountUser, serviceAccountPrivileges, serviceAccountKeys];
export const stackPolicies = [separationOfDuties];
