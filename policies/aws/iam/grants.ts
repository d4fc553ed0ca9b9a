// What an identity policy statement grants, as the IAM policies judge it: every action, every action
// of a service, or a KMS action on every key. Patterns are IAM's (`*` any run, `?` one character).

import { both, coversAction, isAllow, someResource, Statement, Tri, wildcardMatches } from "../../lib/policy-document";

/** `*` (or `*:*`): every action of every service. */
const everyActionPattern = /^\*+(:\*+)?$/;
/** `s3:*`: every action of one service (a prefix such as `ec2:Describe*` is not). */
const serviceWildcardPattern = /^[^:*?]+:\*+$/;
/** `*`, `arn:*`, `arn:*:*`...: every resource. */
const everyResourcePattern = /^(\*+|arn(:\*+)+)$/;

function any(list: readonly Tri[]): Tri {
    return list.includes("yes") ? "yes" : list.includes("unknown") ? "unknown" : "no";
}

/** Allow of every action (`Action: "*"`) on every resource (`Resource: "*"`), as AWS Config reads it. */
export function grantsAdmin(s: Statement): Tri {
    // NotAction withholds the listed actions and NotResource the listed resources: not every action on
    // every resource, and both are broad grants that aws-iam-no-full-service-access reports.
    if (s.notAction || s.notResource) return "no";
    const actions: Tri = s.action.known.some(a => everyActionPattern.test(a)) ? "yes" : s.action.unknown ? "unknown" : "no";
    return both(isAllow(s), both(actions, someResource(s, r => everyResourcePattern.test(r))));
}

/** Allow of every action of at least one service (`s3:*`, `*`), on any resource. */
export function grantsFullServiceAccess(s: Statement): Tri {
    let actions: Tri;
    if (s.notAction) {
        // Every action not listed is allowed: all of any service the list leaves out, unless it lists `*`.
        actions = s.notActions.known.some(a => everyActionPattern.test(a)) ? "no" : s.notActions.unknown ? "unknown" : "yes";
    } else {
        actions = s.action.known.some(a => everyActionPattern.test(a) || serviceWildcardPattern.test(a)) ? "yes" : s.action.unknown ? "unknown" : "no";
    }
    return both(isAllow(s), actions);
}

// Two key ARNs that differ in the key id only: a resource pattern that matches both covers every key.
const keyIds = ["1234abcd-12ab-34cd-56ef-1234567890ab", "0000ffff-0000-ffff-0000-ffffffffffff"];

/** A Resource value that names every KMS key (in some account and region, or everywhere): `*`, `arn:aws:kms:*:*:key/*`. */
export function coversAllKeys(resource: string): boolean {
    if (resource.trim() === "*") return true;
    if (!resource.includes("*") && !resource.includes("?")) return false;
    // Fill the pattern's own partition, region and account into two key ARNs, so only the key id differs.
    const parts = resource.split(":");
    const literal = (i: number, fill: string) => (parts[i] !== undefined && !/[*?]/.test(parts[i]) ? parts[i] : fill);
    const arn = (id: string) => `arn:${literal(1, "aws")}:kms:${literal(3, "us-east-1")}:${literal(4, "111122223333")}:key/${id}`;
    return keyIds.every(id => wildcardMatches(resource, arn(id)));
}

/** Allow of one of `blocked` (KMS actions) on every key: a Resource that covers all keys, or NotResource. */
export function grantsBlockedKmsAction(s: Statement, blocked: readonly string[]): Tri {
    const actions = any(blocked.map(a => coversAction(s, a)));
    // NotResource applies the statement to every key it does not list: unbounded.
    const keys: Tri = s.notResource ? "yes" : someResource(s, coversAllKeys);
    return both(isAllow(s), both(actions, keys));
}

