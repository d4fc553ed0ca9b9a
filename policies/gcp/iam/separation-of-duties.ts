// Separation of duties (CIS GCP 1.8 and 1.11): no one member holds, on the same project (folder,
// organization), both the role that administers something and the role that uses it: Service
// Account Admin with Service Account User, or Cloud KMS Admin with a crypto key encrypt/decrypt role.
// A stack policy: the two grants are usually two resources. The grants are indexed once per stack.

import { cloudFact } from "../../lib/facts";
import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineStackPolicy, Stack, StackResource } from "../../lib/stack";
import { folderIamTypes, grantsOf, hierarchyIamTypes, organizationIamTypes } from "./facts";

interface Duty {
    readonly name: string;
    readonly admin: readonly string[];
    readonly user: readonly string[];
}

const duties: readonly Duty[] = cloudFact(
    {
        about: "GCP separation of duties",
        says: "no member holds roles/iam.serviceAccountAdmin with roles/iam.serviceAccountUser, nor roles/cloudkms.admin with roles/cloudkms.cryptoKeyEncrypterDecrypter, cryptoKeyEncrypter or cryptoKeyDecrypter, on one project",
        source: "CIS Google Cloud Platform Foundation Benchmark 4.0, 1.8 and 1.11",
    },
    [
        { name: "service accounts", admin: ["roles/iam.serviceAccountAdmin"], user: ["roles/iam.serviceAccountUser"] },
        { name: "Cloud KMS keys", admin: ["roles/cloudkms.admin"], user: ["roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.cryptoKeyEncrypter", "roles/cloudkms.cryptoKeyDecrypter"] },
    ],
);

/** One side of a duty a grant gives: the duty, and whether it is the admin side. */
function sideOf(role: string): { duty: Duty; admin: boolean } | undefined {
    for (const duty of duties) {
        if (duty.admin.includes(role)) return { duty, admin: true };
        if (duty.user.includes(role)) return { duty, admin: false };
    }
    return undefined;
}

const scopeField = (type: string) => (folderIamTypes.includes(type) ? "folder" : organizationIamTypes.includes(type) ? "orgId" : "project");
const scopePrefix = /^(projects|folders|organizations)\//;

/** Where a grant applies ("project:phi-prod"); undefined when unknown at preview and no dependency says. */
function scopeOf(r: StackResource): string | undefined {
    const field = scopeField(r.type);
    const level = field === "orgId" ? "organization" : field;
    const read = r.props.string(field);
    if (read.state === "known") return `${level}:${read.value.trim().replace(scopePrefix, "")}`;
    if (read.state === "absent") return `${level}:`;
    const dep = r.dependsOn(field)[0];
    return dep ? `${level}:${dep.urn}` : undefined;
}

interface Held {
    readonly duty: Duty;
    readonly admin: boolean;
    readonly scope: string | undefined;
    readonly member: string | undefined;
    readonly path: string;
}

interface Index {
    /** Each resource's duty-relevant grants. */
    readonly byUrn: Map<string, Held[]>;
    /** `duty|side|scope|member` for every grant whose scope and member are known. */
    readonly known: Set<string>;
    /** `duty|side` for every side some grant holds, and for those some grant holds with an unknown scope or member. */
    readonly sides: Set<string>;
    readonly loose: Set<string>;
}

const sideKey = (h: { duty: Duty; admin: boolean }) => `${h.duty.name}|${h.admin ? "admin" : "user"}`;

/** Every duty-relevant grant in the stack, worked out once per stack. */
const indexes = new WeakMap<Stack, Index>();
function indexOf(stack: Stack): Index {
    let index = indexes.get(stack);
    if (index) return index;
    index = { byUrn: new Map(), known: new Set(), sides: new Set(), loose: new Set() };
    for (const r of stack.ofType(hierarchyIamTypes)) {
        const scope = scopeOf(r);
        const held: Held[] = [];
        for (const g of grantsOf(r.type, r.props).grants) {
            const side = g.role === undefined ? undefined : sideOf(g.role);
            if (!side) continue;
            const h: Held = { ...side, scope, member: g.member?.toLowerCase(), path: g.memberPath };
            held.push(h);
            index.sides.add(sideKey(h));
            if (h.scope === undefined || h.member === undefined) index.loose.add(sideKey(h));
            else index.known.add(`${sideKey(h)}|${h.scope}|${h.member}`);
        }
        index.byUrn.set(r.urn, held);
    }
    indexes.set(stack, index);
    return index;
}

export default defineStackPolicy({
    name: "gcp-iam-separation-of-duties",
    description: "No member holds both Service Account Admin and Service Account User, or both Cloud KMS Admin and a key encrypt/decrypt role, on the same project, folder or organization.",
    severity: "medium",
    types: hierarchyIamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["gcp", "iam", "access-control", "separation-of-duties"],
    anchors: { gcp: ["gcp-iam-08"] },
    remediation:
        "Give the admin role and the user role to different members: whoever holds `roles/iam.serviceAccountAdmin` should not also hold " +
        "`roles/iam.serviceAccountUser`, and whoever holds `roles/cloudkms.admin` should not also hold `roles/cloudkms.cryptoKeyEncrypterDecrypter` " +
        "(or `cryptoKeyEncrypter` / `cryptoKeyDecrypter`) on the same project, folder or organization. Grants on single keys or service " +
        "accounts, and grants made outside this stack, are not compared.",
    check: (resource, stack) => {
        const index = indexOf(stack);
        const outcomes: Outcome[] = [];
        for (const mine of index.byUrn.get(resource.urn) ?? []) {
            const other = sideKey({ duty: mine.duty, admin: !mine.admin });
            if (!index.sides.has(other)) continue;
            const known = mine.scope !== undefined && mine.member !== undefined;
            if (known && index.known.has(`${other}|${mine.scope}|${mine.member}`)) {
                const level = mine.scope!.split(":")[0];
                const [held, also] = mine.admin ? [`the admin role for ${mine.duty.name}`, "a role that uses them"] : [`a role that uses ${mine.duty.name}`, `the admin role ${mine.duty.admin[0]}`];
                outcomes.push(violation({
                    code: "dutiesCombined",
                    field: mine.path,
                    problem: `${mine.path} gives ${held} on the ${level} to a member that another grant in the stack also gives ${also}, so one member administers and uses ${mine.duty.name}`,
                    fix: `give the admin role and the using role for ${mine.duty.name} to different members`,
                }));
            } else if (!known || index.loose.has(other)) {
                // A scope or member unknown at preview might be the same one.
                outcomes.push(undecided(mine.path));
            }
        }
        return outcomes.length > 0 ? outcomes : pass;
    },
});
