// Cloud SQL controls: TLS only, no public IP and no world-open authorized network, no MySQL root from any host (stack), automated
// backups and point-in-time recovery, a customer-managed key, a regional standby, Cloud SQL's own
// deletion protection, and the CIS database flags of each engine.

import authorizedNetworks from "./authorized-networks";
import backups from "./backups";
import databaseFlags from "./database-flags";
import deletionProtection from "./deletion-protection";
import encryptionAtRest from "./encryption-at-rest";
import highAvailability from "./high-availability";
import noPublicIp from "./no-public-ip";
import pointInTimeRecovery from "./point-in-time-recovery";
import requireTls from "./require-tls";
import rootUser from "./root-user";

export const policies = [requireTls, noPublicIp, authorizedNetworks, backups, pointInTimeRecovery, encryptionAtRest, highAvailability, deletionProtection, databaseFlags];
export const stackPolicies = [rootUser];
