// AWS Backup controls (issue 15): plans back up at least daily and keep recovery points 35 days,
// vaults keep recovery points from manual deletion, and every data store is in a backup plan.

import inPlan from "./in-plan";
import planFrequencyRetention from "./plan-frequency-retention";
import recoveryPointDeletionProtected from "./recovery-point-deletion-protected";

export const policies = [planFrequencyRetention];
export const stackPolicies = [recoveryPointDeletionProtected, inPlan];
