import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { dynamodbTable } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const block = "pointInTimeRecovery";

policyCases("aws-dynamodb-point-in-time-recovery", [
    passes(dynamodbTable()),
    passes(dynamodbTable({ [block]: { enabled: true, recoveryPeriodInDays: 7 } })),
    violates(dynamodbTable({ [block]: undefined }), { code: "absentDefault", field: `${block}.enabled` }),
    violates(dynamodbTable({ [block]: { enabled: false } }), { code: "notAllowed", field: `${block}.enabled` }),
    violates(dynamodbTable({ [block]: { enabled: "true" } }), { code: "wrongType", field: `${block}.enabled` }),
    violates(dynamodbTable({ [block]: "enabled" }), { code: "wrongType", field: `${block}.enabled` }),
    violates(dynamodbTable({ [block]: { enabled: true, recoveryPeriodInDays: "week" } }), { code: "wrongType", field: `${block}.recoveryPeriodInDays` }),
    undecided(dynamodbTable({ [block]: { enabled: unknown } }), `${block}.enabled`),
    undecided(dynamodbTable({ [block]: unknown }), `${block}.enabled`),
    undecided(dynamodbTable({ [block]: { enabled: true, recoveryPeriodInDays: unknown } }), `${block}.recoveryPeriodInDays`),
    // minimumRecoveryPeriodDays: 35 when omitted.
    passes(dynamodbTable(), { minimumRecoveryPeriodDays: 35 }),
    violates(dynamodbTable({ [block]: { enabled: true, recoveryPeriodInDays: 7 } }), { code: "belowMinimum", field: `${block}.recoveryPeriodInDays` }, { minimumRecoveryPeriodDays: 14 }),
    // Outputs-shaped: blocks as one-element lists with every field filled.
    passes(dynamodbTable({ [block]: [{ enabled: true, recoveryPeriodInDays: 35 }] })),
    violates(dynamodbTable({ [block]: [{ enabled: false, recoveryPeriodInDays: 0 }] }), { code: "notAllowed", field: `${block}.enabled` }),
    garbage(dynamodbTable({ [block]: { enabled: secret("SECRET"), recoveryPeriodInDays: { SECRET: 1 } } })),
    remediates(dynamodbTable({ [block]: { enabled: false } }), "nothing"),
]);
