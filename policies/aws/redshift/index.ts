// Redshift controls: encryption at rest, no public endpoint, automated snapshots and version upgrades;
// audit logging (its own aws.redshift.Logging) and TLS (require_ssl in the parameter group) are stack checks.

import auditLogging from "./audit-logging";
import automatedSnapshots from "./automated-snapshots";
import encryption from "./encryption";
import publicAccess from "./public-access";
import requireTls from "./require-tls";
import versionUpgrade from "./version-upgrade";

export const policies = [encryption, publicAccess, automatedSnapshots, versionUpgrade];
export const stackPolicies = [auditLogging, requireTls];
