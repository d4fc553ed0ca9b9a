/** What stands in for a secret the check cannot read (encrypted, or never set): the real one is never needed. */
export const PLACEHOLDER_SECRET = "hipaa-guard-offline-check-placeholder";
