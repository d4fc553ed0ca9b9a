import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { allowsAction, readDocument, Statement } from "../../lib/policy-document";
import { anyOf } from "../../lib/rules";
import { concerning, defineStackPolicy } from "../../lib/stack";
import { vault, vaultLock, vaultPolicy, vaultTarget } from "./facts";

/** The actions whose denial keeps recovery points from being deleted by hand (AWS Config rule backup-recovery-point-manual-deletion-disabled). */
const protectedActions = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"];
const fix = `add a statement { Effect: "Deny", Principal: { AWS: "*" }, Action: ${JSON.stringify(protectedActions)}, Resource: "*" } to the vault's aws.backup.VaultPolicy (or lock the vault)`;

type Verdict = "denies" | "no" | "unknown";

/** Which of the protected actions a statement denies to everyone, unconditionally. */
function denied(s: Statement): { actions: string[]; unknown: boolean } {
    if (s.effectUnknown || s.principal === "unknown" || s.condition === "unknown") return { actions: [], unknown: true };
    if (s.effect !== "Deny" || s.notAction || s.notPrincipal || s.principal !== "everyone" || s.condition !== undefined) return { actions: [], unknown: false };
    return { actions: protectedActions.filter(a => allowsAction(s.action, a)), unknown: s.action.unknown };
}

function documentProtects(raw: unknown): Verdict {
    const doc = readDocument(raw);
    if (doc.state === "unknown") return "unknown";
    if (doc.state !== "known") return "no";
    const covered = new Set<string>();
    let unknown = doc.partial;
    for (const s of doc.statements) {
        const d = denied(s);
        d.actions.forEach(a => covered.add(a));
        unknown ||= d.unknown;
    }
    if (protectedActions.every(a => covered.has(a))) return "denies";
    return unknown ? "unknown" : "no";
}

export default defineStackPolicy({
    name: "aws-backup-recovery-point-deletion-protected",
    description: "AWS Backup vaults keep recovery points from being deleted by hand: a vault policy denies deleting them or shortening their lifecycle, or a vault lock holds them.",
    severity: "high",
    types: [vault],
    hipaa: ["164.308(a)(7)(ii)(A)", "164.312(c)(1)"],
    hitrust: ["1616.09l1", "1620.09l1"],
    tags: ["aws", "backup", "integrity", "disaster-recovery", "stack"],
    anchors: { awsConfig: ["backup-recovery-point-manual-deletion-disabled"] },
    remediation:
        "Add an `aws.backup.VaultPolicy` with `backupVaultName: vault.name` and a statement `{ Effect: \"Deny\", Principal: { AWS: \"*\" }, " +
        "Action: [\"backup:DeleteRecoveryPoint\", \"backup:UpdateRecoveryPointLifecycle\"], Resource: \"*\" }`, or an " +
        "`aws.backup.VaultLockConfiguration` (`minRetentionDays`, and `changeableForDays` for compliance mode) for the vault.",
    check: (v, stack): Outcome => {
        const locks = stack.referrers([vaultLock], "backupVaultName", v, vaultTarget);
        if (locks.found.length > 0) return pass;
        const policies = stack.referrers([vaultPolicy], "backupVaultName", v, vaultTarget);
        const outcomes: Outcome[] = policies.found.map(p => {
            const verdict = documentProtects(p.props.raw("policy"));
            const o = verdict === "denies" ? pass
                : verdict === "unknown" ? undecided("policy")
                : violation({ code: "deletionAllowed", field: "policy", problem: `the vault policy does not deny ${protectedActions.join(" and ")} to everyone`, fix });
            return concerning(o, { prefix: "", owner: "VaultPolicy" });
        });
        if (policies.unresolved) outcomes.push(undecided("VaultPolicy.backupVaultName"));
        if (locks.unresolved) outcomes.push(undecided("VaultLockConfiguration.backupVaultName"));
        return anyOf(outcomes, violation({ code: "missingResource", problem: "no aws.backup.VaultPolicy or aws.backup.VaultLockConfiguration keeps this vault's recovery points from manual deletion", fix }));
    },
});
