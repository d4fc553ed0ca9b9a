import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { usePack } from "../../pack";
import { assertPasses, assertUndecided, assertViolates, res, runStack } from "../../stack-cases";

const policy = "aws-backup-recovery-point-deletion-protected";
const T = { vault: "aws:backup/vault:Vault", policy: "aws:backup/vaultPolicy:VaultPolicy", lock: "aws:backup/vaultLockConfiguration:VaultLockConfiguration" };
const deny = { Effect: "Deny", Principal: { AWS: "*" }, Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"], Resource: "*" };
const vault = (props: Record<string, unknown> = {}) => res(T.vault, "phi", { name: unknown, kmsKeyArn: unknown, ...props });
const policyFor = (v: ReturnType<typeof vault>, doc: unknown) => res(T.policy, "phi-policy", { backupVaultName: unknown, policy: doc }, { backupVaultName: [v] });

describe(policy, () => {
    const pack = usePack();
    const run = (resources: Parameters<typeof runStack>[2]) => runStack(pack, policy, resources);

    it("passes a vault policy denying deletion and lifecycle changes to everyone (string or object, wildcards), or a vault lock", async () => {
        const v = vault();
        assertPasses(await run([v, policyFor(v, JSON.stringify({ Version: "2012-10-17", Statement: [deny] }))]));
        assertPasses(await run([v, policyFor(v, { Statement: { ...deny, Principal: "*", Action: "backup:*" } })]));
        assertPasses(await run([v, policyFor(v, { Statement: [{ ...deny, Action: "backup:DeleteRecoveryPoint" }, { ...deny, Action: "backup:Update*" }] })]));
        assertPasses(await run([v, res(T.lock, "lock", { backupVaultName: unknown, minRetentionDays: 35 }, { backupVaultName: [v] })]));
        // After deployment, connected by the vault's name.
        const named = vault({ name: "phi-vault", id: "phi-vault" });
        assertPasses(await run([named, res(T.policy, "p", { backupVaultName: "phi-vault", policy: JSON.stringify({ Statement: [deny] }) })]));
    });

    it("reports a vault with neither, and policies that leave an action out, allow it, or deny only some principals", async () => {
        const v = vault();
        assertViolates(await run([v]), v.urn!, { code: "missingResource" });
        for (const statement of [
            { ...deny, Action: "backup:DeleteRecoveryPoint" },
            { ...deny, Effect: "Allow" },
            { ...deny, Principal: { AWS: "arn:aws:iam::111122223333:role/ops" } },
            { ...deny, Condition: { StringNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/break-glass" } } },
        ]) {
            assertViolates(await run([v, policyFor(v, { Statement: [statement] })]), v.urn!, { code: "deletionAllowed", field: "VaultPolicy.policy" });
        }
        const other = vault({ name: "other", id: "other" });
        assertViolates(await run([v, other, res(T.lock, "lock", { backupVaultName: "other" })]), v.urn!, { code: "missingResource" });
    });

    it("is undecided on an unknown policy or an unconnected policy or lock, and survives garbage", async () => {
        const v = vault();
        assertUndecided(await run([v, policyFor(v, unknown)]), v.urn!, "VaultPolicy.policy");
        assertUndecided(await run([v, policyFor(v, { Statement: [{ ...deny, Action: [unknown, "backup:DeleteRecoveryPoint"] }] })]), v.urn!, "VaultPolicy.policy");
        assertUndecided(await run([v, res(T.policy, "p", { backupVaultName: unknown, policy: unknown })]), v.urn!, "VaultPolicy.backupVaultName");
        assertViolates(await run([v, policyFor(v, secret("SECRET{"))]), v.urn!, { code: "deletionAllowed" });
        assertViolates(await run([v, policyFor(v, { Statement: [null, "SECRET"] })]), v.urn!, { code: "deletionAllowed" });
    });
});
