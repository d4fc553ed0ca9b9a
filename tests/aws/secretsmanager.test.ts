import * as assert from "assert";
import { garbage, passes, policyCases, remediates, violates } from "../cases";
import { secretsManagerSecret } from "../factories";
import { usePack } from "../pack";
import { res, verdict } from "../stacks";
import { ResourceInput, secret, unknown } from "../../tools/lib/analyzer-client";

const field = "kmsKeyId";

policyCases("aws-secretsmanager-customer-managed-key", [
    passes(secretsManagerSecret()),
    passes(secretsManagerSecret({ [field]: unknown })),
    passes(secretsManagerSecret({ [field]: "alias/phi-secrets" })),
    // Omitted means the AWS-managed aws/secretsmanager key.
    violates(secretsManagerSecret({ [field]: undefined }), { code: "notSet", field }),
    violates(secretsManagerSecret({ [field]: "alias/aws/secretsmanager" }), { code: "awsManagedKey", field }),
    violates(secretsManagerSecret({ [field]: "aws/secretsmanager" }), { code: "awsManagedKey", field }),
    violates(secretsManagerSecret({ [field]: "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager" }), { code: "awsManagedKey", field }),
    violates(secretsManagerSecret({ [field]: ["arn"] }), { code: "wrongType", field }),
    // Outputs-shaped: "" when no key was named.
    violates(secretsManagerSecret({ [field]: "" }), { code: "notSet", field }),
    garbage(secretsManagerSecret({ [field]: { SECRET: 1 }, description: secret("SECRET") })),
    remediates(secretsManagerSecret({ [field]: undefined }), "nothing"),
]);

describe("aws-secretsmanager-rotation", () => {
    const policy = "aws-secretsmanager-rotation";
    const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
    const pack = usePack();
    const s = res(secretsManagerSecret().type, "phi-db-credentials", secretsManagerSecret().props);
    const on = { secretId: [s] };
    const rotation = (props: Record<string, unknown>, deps: Record<string, ResourceInput[]> = on) =>
        res(ROTATION, "phi-db-rotation", { secretId: unknown, rotationLambdaArn: "arn:aws:lambda:us-east-1:111122223333:function:rotate", ...props }, deps);
    const clean = { violations: [], undecided: [] };

    it("passes a secret rotated every 90 days or fewer, or on a schedule, by dependency or by name", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationRules: { automaticallyAfterDays: 30 } })]), clean);
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationRules: { scheduleExpression: "rate(30 days)" } })]), clean);
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ secretId: "phi/db", rotationRules: { automaticallyAfterDays: 90 } }, {})]), clean);
        // Outputs-shaped: a one-element list with "" for the unused schedule.
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationEnabled: true, rotationRules: [{ automaticallyAfterDays: 7, scheduleExpression: "", duration: "" }] })]), clean);
    });

    it("reports a secret without rotation, with rotation turned off, without a schedule or rotated too rarely", async () => {
        const on = (code: string) => ({ violations: [{ urn: s.urn!, code }], undecided: [] });
        assert.deepStrictEqual(await verdict(pack, policy, [s]), on("missingResource"));
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ secretId: "another/secret", rotationRules: { automaticallyAfterDays: 30 } }, {})]), on("missingResource"));
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationEnabled: false })]), on("rotationDisabled"));
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({})]), on("notSet"));
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationRules: { automaticallyAfterDays: 365 } })]), on("aboveMaximum"));
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationRules: { automaticallyAfterDays: "monthly" } })]), on("wrongType"));
    });

    it("uses maximumRotationDays", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationRules: { automaticallyAfterDays: 365 } })], { maximumRotationDays: 365 }), clean);
        assert.deepStrictEqual((await verdict(pack, policy, [s, rotation({ rotationRules: { automaticallyAfterDays: 60 } })], { maximumRotationDays: 30 })).violations.map(v => v.code), ["aboveMaximum"]);
    });

    it("is undecided when the rotation's secret or rules are unknown at preview", async () => {
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationRules: { automaticallyAfterDays: 30 } }, {})]), { violations: [], undecided: [s.urn!] });
        assert.deepStrictEqual(await verdict(pack, policy, [s, rotation({ rotationRules: unknown })]), { violations: [], undecided: [s.urn!] });
    });

    it("survives garbage without echoing secrets", async () => {
        const v = await verdict(pack, policy, [s, rotation({ rotationEnabled: secret("SECRET"), rotationRules: { automaticallyAfterDays: { SECRET: 1 } } })]);
        assert.deepStrictEqual(v.undecided, []);
    });
});
