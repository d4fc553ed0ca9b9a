import * as assert from "assert";
import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { dynamodbTable } from "../factories";
import { usePack } from "../pack";
import { res, verdict } from "../stacks";
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

describe("aws-dynamodb-autoscaling", () => {
    const policy = "aws-dynamodb-autoscaling";
    const TARGET = "aws:appautoscaling/target:Target";
    const pack = usePack();
    const provisioned = res(dynamodbTable().type, "phi-table", { ...dynamodbTable().props, name: "phi-table", billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 5 });
    const on = { resourceId: [provisioned] };
    const target = (name: string, dimension: unknown, props: Record<string, unknown> = {}, deps: Record<string, ResourceInput[]> = on) =>
        res(TARGET, name, { resourceId: unknown, serviceNamespace: "dynamodb", scalableDimension: dimension, minCapacity: 5, maxCapacity: 100, ...props }, deps);
    const both = [target("read", "dynamodb:table:ReadCapacityUnits"), target("write", "dynamodb:table:WriteCapacityUnits")];
    const clean = { violations: [], undecided: [] };

    it("passes on-demand tables and provisioned tables whose read and write capacity scale", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [res(dynamodbTable().type, "od", dynamodbTable().props)]), clean);
        assert.deepStrictEqual(await verdict(pack, policy, [provisioned, ...both]), clean);
        // By the literal resource id.
        assert.deepStrictEqual(await verdict(pack, policy, [provisioned, ...both.map(t => ({ ...t, props: { ...t.props, resourceId: "table/phi-table" }, propertyDependencies: {} }))]), clean);
    });

    it("reports provisioned capacity (the default) without auto scaling of both dimensions, on the table", async () => {
        const bare = res(dynamodbTable().type, "phi-table", { ...dynamodbTable().props, name: "phi-table", billingMode: undefined });
        assert.deepStrictEqual(await verdict(pack, policy, [bare]), { violations: [{ urn: bare.urn!, code: "missingResource" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [provisioned, both[0]]), { violations: [{ urn: provisioned.urn!, code: "missingDimension" }], undecided: [] });
        // A target for one of the table's indexes does not scale the table.
        const index = target("gsi", "dynamodb:index:ReadCapacityUnits", { resourceId: "table/phi-table/index/by-date" }, {});
        assert.deepStrictEqual(await verdict(pack, policy, [provisioned, index]), { violations: [{ urn: provisioned.urn!, code: "missingResource" }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [{ ...provisioned, props: { ...provisioned.props, billingMode: 1 } }]), { violations: [{ urn: provisioned.urn!, code: "wrongType" }], undecided: [] });
    });

    it("is undecided when a target's table or dimension, or the billing mode, is unknown at preview", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [provisioned, target("read", "dynamodb:table:ReadCapacityUnits", {}, {})]), { violations: [], undecided: [provisioned.urn!] });
        assert.deepStrictEqual(await verdict(pack, policy, [provisioned, both[0], target("write", unknown)]), { violations: [], undecided: [provisioned.urn!] });
        assert.deepStrictEqual(await verdict(pack, policy, [{ ...provisioned, props: { ...provisioned.props, billingMode: unknown } }]), { violations: [], undecided: [provisioned.urn!] });
    });

    it("survives garbage without echoing secrets", async () => {
        const v = await verdict(pack, policy, [provisioned, target("read", secret("SECRET"), { resourceId: { SECRET: 1 } }, {})]);
        assert.deepStrictEqual(v.violations.map(x => x.code), ["missingResource"]);
    });
});
