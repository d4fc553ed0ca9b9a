// ElastiCache controls from the HITRUST CSF guide for ElastiCache (seed 003): engine eligibility,
// encryption in transit and at rest, Multi-AZ failover, snapshot retention and client AUTH.

import auth from "./auth";
import backupRetention from "./backup-retention";
import encryptionAtRest from "./encryption-at-rest";
import encryptionInTransit from "./encryption-in-transit";
import engineVersion from "./engine-version";
import multiAz from "./multi-az";

export const policies = [engineVersion, encryptionInTransit, encryptionAtRest, multiAz, backupRetention, auth];
