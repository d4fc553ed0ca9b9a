// Cloud Run controls: not publicly invokable, ingress from inside the VPC or a load balancer only,
// customer-managed keys, secrets from Secret Manager rather than plain environment variables.

import encryptionAtRest from "./encryption-at-rest";
import envSecrets from "./env-secrets";
import ingress from "./ingress";
import notPublic from "./not-public";

export const policies = [notPublic, ingress, encryptionAtRest, envSecrets];
