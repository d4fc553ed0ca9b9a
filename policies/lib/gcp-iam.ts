// Public principals in GCP IAM grants, read the same way for every service's IAM resources: the
// non-authoritative `*IamMember` (one `member`), the per-role `*IamBinding` (`members`) and the
// authoritative `*IamPolicy` (`policyData`, a JSON policy document). A grant unknown at preview is
// undecided; a policy document that cannot be read is reported, since it may hide a public grant.

import { cloudFact } from "./facts";
import { isOutcome, Outcome, pass, undecided, violation } from "./outcome";
import { classify, Props } from "./props";
import { valueOf } from "./rules";

/** The principals that make a grant public: anyone on the internet, or anyone with a Google account. */
export const publicPrincipals: readonly string[] = cloudFact(
    {
        about: "GCP IAM public principals",
        says: "allUsers (anyone on the internet) and allAuthenticatedUsers (anyone signed in to any Google account) make a grant or ACL entry public",
        source: "cloud.google.com/iam/docs/principal-identifiers; cloud.google.com/storage/docs/access-control/lists (entity allUsers / allAuthenticatedUsers)",
    },
    ["allUsers", "allAuthenticatedUsers"],
);

/** The public principal `text` names (an IAM member, or an ACL entity), compared without case; undefined when none. */
export function publicPrincipal(text: string): string | undefined {
    const t = text.trim().toLowerCase();
    return publicPrincipals.find(p => p.toLowerCase() === t);
}

export type IamShape = "member" | "binding" | "policy";

/** Which of the three IAM resource shapes a type token is (…IAMMember, …IamBinding, …IAMPolicy), by its class name. */
export function iamShape(type: string): IamShape | undefined {
    const cls = type.split(":").pop() ?? "";
    if (/IamMember$/i.test(cls)) return "member";
    if (/IamBinding$/i.test(cls)) return "binding";
    if (/IamPolicy$/i.test(cls)) return "policy";
    return undefined;
}

function publicGrant(field: string, who: string, what: string): Outcome {
    return violation({ code: "publicPrincipal", field, problem: `${field} grants ${what} to ${who}`, fix: `remove ${who} from ${field} and grant the role to specific users, groups or service accounts` });
}

function membersOf(list: unknown, field: string, what: string): Outcome[] {
    const members = valueOf(classify(list, "list"), { path: field, expected: "a list of strings", fix: `set ${field} to a list of principals`, absent: [] as unknown[] });
    if (isOutcome(members)) return [members];
    return members.map((m, i) => {
        const read = classify(m, "string");
        if (read.state === "unknown") return undecided(`${field}[${i}]`);
        if (read.state !== "known") return pass;
        const who = publicPrincipal(read.value);
        return who ? publicGrant(`${field}[${i}]`, who, what) : pass;
    });
}

/** The bindings of an IAM policy document, or the outcome that stops the check. */
function policyBindings(text: string): { role?: unknown; members?: unknown }[] | undefined {
    try {
        const doc = JSON.parse(text) as unknown;
        if (typeof doc !== "object" || doc === null) return undefined;
        const bindings = (doc as { bindings?: unknown }).bindings;
        if (bindings === undefined) return [];
        return Array.isArray(bindings) ? bindings.filter(b => typeof b === "object" && b !== null) : undefined;
    } catch {
        return undefined;
    }
}

/**
 * The IAM resource's grants to public principals, one violation each. `what` names what the grant
 * gives access to, for messages ("the bucket").
 */
export function publicIamGrants(type: string, props: Props, what: string): Outcome[] {
    switch (iamShape(type)) {
        case "member": {
            const member = valueOf(props.string("member"), { path: "member", expected: "a string", fix: "set member to a specific principal", absent: undefined });
            if (isOutcome(member)) return [member];
            const who = member === undefined ? undefined : publicPrincipal(member);
            return [who ? publicGrant("member", who, `access to ${what}`) : pass];
        }
        case "binding":
            return membersOf(props.raw("members"), "members", `access to ${what}`);
        case "policy": {
            const fix = "set policyData from gcp.organizations.getIAMPolicy with bindings for specific principals only";
            const text = valueOf(props.string("policyData"), { path: "policyData", expected: "a JSON policy document", fix, absent: undefined });
            if (isOutcome(text)) return [text];
            if (text === undefined) return [pass];
            const bindings = policyBindings(text);
            if (!bindings) return [violation({ code: "unreadablePolicy", field: "policyData", problem: "policyData is not an IAM policy document the pack can read, so it may grant public access", fix })];
            return bindings.flatMap((b, i) => membersOf(b.members, `policyData.bindings[${i}].members`, `access to ${what}`));
        }
        default:
            return [];
    }
}
