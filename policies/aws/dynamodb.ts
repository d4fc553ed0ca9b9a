// DynamoDB controls: tables can be restored to any second of the recovery window, and their
// capacity follows demand (on-demand billing, or Application Auto Scaling targets: a stack check).

import { awsTypes, booleanAttribute, numberAttribute, serviceFact, stringAttribute } from "../lib/facts";
import { integerKnob } from "../lib/knobs";
import { isOutcome, Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { mustBeAtLeast, mustBeTrue, valueOf } from "../lib/rules";
import { defineStackPolicy, ReferenceTarget } from "../lib/stack";

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

export const scalableTarget = "aws:appautoscaling/target:Target";

const billingMode = stringAttribute({ types, field: "billingMode", default: "PROVISIONED", values: ["PROVISIONED", "PAY_PER_REQUEST"], source: awsTypes("dynamodb/table") });
const dimensions = ["dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits"];

serviceFact({
    about: "aws.appautoscaling.Target for a DynamoDB table",
    says: 'resourceId "table/<table name>", serviceNamespace "dynamodb", scalableDimension dynamodb:table:ReadCapacityUnits or dynamodb:table:WriteCapacityUnits (one target each)',
    source: "AWS Application Auto Scaling API Reference: RegisterScalableTarget (ResourceId, ScalableDimension); " + awsTypes("appautoscaling/target"),
});

/** A scalable target names its table as "table/<name>"; index targets ("table/<name>/index/<index>") are not the table's. */
const tableTarget: ReferenceTarget = { types, keys: ["name"], normalize: v => v.replace(/^table\//, "") };

const scaleFix =
    'set billingMode: "PAY_PER_REQUEST", or add aws.appautoscaling.Target resources (resourceId: pulumi.interpolate`table/${table.name}`, serviceNamespace: "dynamodb") for ' +
    "dynamodb:table:ReadCapacityUnits and dynamodb:table:WriteCapacityUnits, each with an aws.appautoscaling.Policy";

export const autoscaling = defineStackPolicy({
    name: "aws-dynamodb-autoscaling",
    description: "DynamoDB tables scale their read and write capacity with demand: on-demand billing, or auto scaling of provisioned capacity.",
    severity: "low",
    types,
    hipaa: ["164.308(a)(7)(ii)(C)"],
    hitrust: ["1410.09e2"],
    tags: ["aws", "dynamodb", "availability", "stack"],
    anchors: { awsConfig: ["dynamodb-autoscaling-enabled"], checkov: ["CKV2_AWS_16"] },
    remediation:
        'Set `billingMode: "PAY_PER_REQUEST"` on the `aws.dynamodb.Table` (the default is PROVISIONED), or add two `aws.appautoscaling.Target` resources with ' +
        "`resourceId: pulumi.interpolate`table/${table.name}``, `serviceNamespace: \"dynamodb\"` and the read and write capacity dimensions, each with a target-tracking " +
        "`aws.appautoscaling.Policy`. Global secondary indexes scale separately.",
    check: (t, stack): Outcome => {
        const mode = valueOf(t.props.string(billingMode.field), { path: billingMode.path, expected: "a string", fix: scaleFix, absent: billingMode.absent! });
        if (isOutcome(mode)) return mode;
        if (mode.trim().toUpperCase() === "PAY_PER_REQUEST") return pass;
        const found = stack.referrers([scalableTarget], "resourceId", t, tableTarget);
        const scaled = new Set<string>();
        let unsure = found.unresolved;
        for (const target of found.found) {
            const dimension = target.props.string("scalableDimension");
            if (dimension.state === "known") scaled.add(dimension.value.trim());
            else if (dimension.state === "unknown") unsure = true;
        }
        const missing = dimensions.filter(d => !scaled.has(d));
        if (missing.length === 0) return pass;
        if (unsure) return undecided("Target.resourceId");
        return violation({
            code: found.found.length === 0 ? "missingResource" : "missingDimension",
            field: "billingMode",
            problem: `the table has provisioned capacity and no aws.appautoscaling.Target scales ${missing.map(d => d.split(":").pop()).join(" or ")}`,
            fix: scaleFix,
        });
    },
});

export const policies = [pointInTimeRecovery];
export const stackPolicies = [autoscaling];
