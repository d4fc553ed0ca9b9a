// DynamoDB controls: tables can be restored to any second of the recovery window.

import { awsTypes, booleanAttribute, numberAttribute } from "../lib/facts";
import { integerKnob } from "../lib/knobs";
import { defineResourcePolicy } from "../lib/policy";
import { mustBeAtLeast, mustBeTrue } from "../lib/rules";

export const table = "aws:dynamodb/table:Table";

const types = [table];
const source = awsTypes("dynamodb/table") + "; " + awsTypes("types/input TablePointInTimeRecovery");

const pitrEnabled = booleanAttribute({ types, block: "pointInTimeRecovery", field: "enabled", default: false, source });
const recoveryPeriodInDays = numberAttribute({ types, block: "pointInTimeRecovery", field: "recoveryPeriodInDays", default: 35, source });

const enabled = mustBeTrue(pitrEnabled, { fix: "set pointInTimeRecovery: { enabled: true }" });
const period = mustBeAtLeast(recoveryPeriodInDays, (config: { minimumRecoveryPeriodDays: number }) => config.minimumRecoveryPeriodDays);

export const pointInTimeRecovery = defineResourcePolicy({
    name: "aws-dynamodb-point-in-time-recovery",
    description: "DynamoDB tables keep continuous backups (point-in-time recovery) for the configured recovery window.",
    severity: "high",
    types,
    hipaa: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"],
    hitrust: ["1616.09l1", "1620.09l1"],
    tags: ["aws", "dynamodb", "backup"],
    anchors: { awsConfig: ["dynamodb-pitr-enabled"], checkov: ["CKV_AWS_28"] },
    remediation:
        "Set `pointInTimeRecovery: { enabled: true }` on the `aws.dynamodb.Table` (off when the block is omitted), and leave `recoveryPeriodInDays` at 35 " +
        "(the default) or at least `minimumRecoveryPeriodDays`. Replica tables in other Regions each need it too.",
    knobs: {
        minimumRecoveryPeriodDays: integerKnob({ default: 1, minimum: 1, maximum: 35, description: "Fewest days of the point-in-time recovery window (DynamoDB allows 1 to 35; 35 when omitted)." }),
    },
    // The window matters only once recovery is on (state records 0 days for a table without it).
    check: (r, config) => {
        const on = enabled.check(r.props, undefined);
        return on.kind === "pass" ? period.check(r.props, config) : on;
    },
    noAutoRemediation: "continuous backups are billed by table size, so turning them on is a person's decision",
});

export const policies = [pointInTimeRecovery];
