// Memorystore controls, the GCP counterparts of the ElastiCache ones (policies/aws/elasticache), on
// Redis instances, Redis Cluster and Memorystore for Valkey: TLS in transit, client
// authentication, a replica in another zone, a customer-managed key at rest, and persistence.

import auth from "./auth";
import encryptionAtRest from "./encryption-at-rest";
import encryptionInTransit from "./encryption-in-transit";
import highAvailability from "./high-availability";
import persistence from "./persistence";

export const policies = [encryptionInTransit, auth, highAvailability, encryptionAtRest, persistence];
