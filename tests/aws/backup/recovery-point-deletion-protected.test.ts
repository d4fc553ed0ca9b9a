import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { res } from "../../factories";

const policy = "aws-backup-recovery-point-deletion-protected";
const T = { vault: "aws:backup/vault:Vault", policy: "aws:backup/vaultPolicy:VaultPolicy", lock: "aws:backup/vaultLockConfiguration:VaultLockConfiguration" };
const deny = { Effect: "Deny", Principal: { AWS: "*" }, Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"], Resource: "*" };
const vault = (props: Record<string, unknown> = {}) => res(T.vault, "phi", { name: unknown, kmsKeyArn: unknown, ...props });
const policyFor = (v: ReturnType<typeof vault>, doc: unknown) => res(T.policy, "phi-policy", { backupVaultName: unknown, policy: doc }, { backupVaultName: [v] });

const v = vault();
const named = vault({ name: "phi-vault", id: "phi-vault" });

stackCases(policy, [
    // A vault policy denying deletion and lifecycle changes to everyone (string or object, wildcards), or a vault lock.
    stackPasses([v, policyFor(v, JSON.stringify({ Version: "2012-10-17", Statement: [deny] }))]),
    stackPasses([v, policyFor(v, { Statement: { ...deny, Principal: "*", Action: "backup:*" } })]),
    stackPasses([v, policyFor(v, { Statement: [{ ...deny, Action: "backup:DeleteRecoveryPoint" }, { ...deny, Action: "backup:Update*" }] })]),
    stackPasses([v, res(T.lock, "lock", { backupVaultName: unknown, minRetentionDays: 35 }, { backupVaultName: [v] })]),
    // After deployment, connected by the vault's name.
    stackPasses([named, res(T.policy, "p", { backupVaultName: "phi-vault", policy: JSON.stringify({ Statement: [deny] }) })]),
    // A vault with neither, and policies that leave an action out, allow it, or deny only some principals.
    stackViolates([v], [{ on: "phi", code: "missingResource" }]),
    ...[
        { ...deny, Action: "backup:DeleteRecoveryPoint" },
        { ...deny, Effect: "Allow" },
        { ...deny, Principal: { AWS: "arn:aws:iam::111122223333:role/ops" } },
        { ...deny, Condition: { StringNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/break-glass" } } },
    ].map(statement => stackViolates([v, policyFor(v, { Statement: [statement] })], [{ on: "phi", code: "deletionAllowed", field: "VaultPolicy.policy" }])),
    // A lock on another vault (its own resource: the old helper gave it this vault's URN) does not protect this one.
    stackViolates([v, res(T.vault, "other", { name: "other", id: "other", kmsKeyArn: unknown }), res(T.lock, "lock", { backupVaultName: "other" })], [{ on: "phi", code: "missingResource" }]),
    // Undecided on an unknown policy or an unconnected policy or lock; garbage is a clean finding.
    stackUndecided([v, policyFor(v, unknown)], [{ on: "phi", fields: "VaultPolicy.policy" }]),
    stackUndecided([v, policyFor(v, { Statement: [{ ...deny, Action: [unknown, "backup:DeleteRecoveryPoint"] }] })], [{ on: "phi", fields: "VaultPolicy.policy" }]),
    stackUndecided([v, res(T.policy, "p", { backupVaultName: unknown, policy: unknown })], [{ on: "phi", fields: "VaultPolicy.backupVaultName" }]),
    stackViolates([v, policyFor(v, secret("SECRET{"))], [{ on: "phi", code: "deletionAllowed" }]),
    stackViolates([v, policyFor(v, { Statement: [null, "SECRET"] })], [{ on: "phi", code: "deletionAllowed" }]),
]);
