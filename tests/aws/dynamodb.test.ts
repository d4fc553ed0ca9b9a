import { garbage, passes, policyCases, remediates, stackCases, stackPasses, stackUndecided, stackViolates, undecided, violates } from "../cases";
import { dynamodbTable, res } from "../factories";
import { ResourceInput, secret, unknown } from "../../tools/lib/analyzer-client";

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

const TARGET = "aws:appautoscaling/target:Target";
const provisioned = res(dynamodbTable().type, "phi-table", { ...dynamodbTable().props, name: "phi-table", billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 5 });
const target = (name: string, dimension: unknown, props: Record<string, unknown> = {}, deps: Record<string, ResourceInput[]> = { resourceId: [provisioned] }) =>
    res(TARGET, name, { resourceId: unknown, serviceNamespace: "dynamodb", scalableDimension: dimension, minCapacity: 5, maxCapacity: 100, ...props }, deps);
const both = [target("read", "dynamodb:table:ReadCapacityUnits"), target("write", "dynamodb:table:WriteCapacityUnits")];
const onTable = (code: string) => [{ on: "phi-table", code }];

stackCases("aws-dynamodb-autoscaling", [
    // On-demand tables, and provisioned tables whose read and write capacity scale.
    stackPasses([res(dynamodbTable().type, "od", dynamodbTable().props)]),
    stackPasses([provisioned, ...both]),
    // By the literal resource id.
    stackPasses([provisioned, ...both.map(t => ({ ...t, props: { ...t.props, resourceId: "table/phi-table" }, propertyDependencies: {} }))]),
    // Provisioned capacity (the default) without auto scaling of both dimensions, on the table.
    stackViolates([res(dynamodbTable().type, "phi-table", { ...dynamodbTable().props, name: "phi-table", billingMode: undefined })], onTable("missingResource")),
    stackViolates([provisioned, both[0]], onTable("missingDimension")),
    // A target for one of the table's indexes does not scale the table.
    stackViolates([provisioned, target("gsi", "dynamodb:index:ReadCapacityUnits", { resourceId: "table/phi-table/index/by-date" }, {})], onTable("missingResource")),
    stackViolates([{ ...provisioned, props: { ...provisioned.props, billingMode: 1 } }], onTable("wrongType")),
    // Undecided when a target's table or dimension, or the billing mode, is unknown at preview.
    stackUndecided([provisioned, target("read", "dynamodb:table:ReadCapacityUnits", {}, {})], [{ on: "phi-table", fields: "Target.resourceId" }]),
    stackUndecided([provisioned, both[0], target("write", unknown)], [{ on: "phi-table", fields: "Target.resourceId" }]),
    stackUndecided([{ ...provisioned, props: { ...provisioned.props, billingMode: unknown } }], [{ on: "phi-table", fields: "billingMode" }]),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([provisioned, target("read", secret("SECRET"), { resourceId: { SECRET: 1 } }, {})], onTable("missingResource")),
]);
