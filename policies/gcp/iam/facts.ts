// What the GCP IAM policies share: the resource-hierarchy IAM types (project, folder, organization),
// the roles the CIS and Google baselines name, and one reader of the grants (role, member) an IAM
// member, binding or policy resource makes, telling unknown and wrong-typed values apart.

import { cloudFact, gcpTypes, serviceFact } from "../../lib/facts";
import { Outcome, undecided, violation } from "../../lib/outcome";
import { classify, Props } from "../../lib/props";
import { wrongType } from "../../lib/rules";
import { iamTypesOf } from "./types";

export const projectIamTypes = iamTypesOf(["projects"]);
export const folderIamTypes = iamTypesOf(["folder"]);
export const organizationIamTypes = iamTypesOf(["organizations"]);
/** IAM on the resource hierarchy: what a grant there gives applies to every resource below it. */
export const hierarchyIamTypes = [...projectIamTypes, ...folderIamTypes, ...organizationIamTypes];

export const serviceAccountKey = "gcp:serviceaccount/key:Key";

const rolesSource = "cloud.google.com/iam/docs/roles-overview (basic roles); cloud.google.com/iam/docs/understanding-roles";

export const basicRoles: readonly string[] = cloudFact(
    { about: "GCP basic roles", says: "roles/owner, roles/editor and roles/viewer grant thousands of permissions across every service; Google advises predefined or custom roles instead in production", source: rolesSource },
    ["roles/owner", "roles/editor", "roles/viewer"],
);

export const serviceAccountUserRoles: readonly string[] = cloudFact(
    {
        about: "roles/iam.serviceAccountUser, roles/iam.serviceAccountTokenCreator",
        says: "granted on a project (or above), let the member act as, or mint tokens for, every service account in it",
        source: "CIS Google Cloud Platform Foundation Benchmark 4.0, 1.6; cloud.google.com/iam/docs/service-account-permissions",
    },
    ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"],
);

serviceFact({ about: "GCP admin roles", says: "predefined roles whose id contains \"admin\" (roles/iam.securityAdmin, roles/storage.admin, roles/cloudkms.admin …) manage the service, its data or its access", source: "CIS Google Cloud Platform Foundation Benchmark 4.0, 1.5; " + rolesSource });

/** A predefined admin role (CIS 1.5: `roles/*Admin`, `roles/*admin`), by its id. */
export function isAdminRole(role: string): boolean {
    return role.startsWith("roles/") && role.slice(6).toLowerCase().includes("admin");
}

/** Roles compared as GCP compares them: exactly, after trimming (role names are case-sensitive). */
export function roleOf(text: string): string {
    return text.trim();
}

/** One (role, member) grant an IAM resource makes; undefined marks a value unknown at preview. */
export interface Grant {
    readonly role: string | undefined;
    readonly rolePath: string;
    readonly member: string | undefined;
    readonly memberPath: string;
}

export interface Grants {
    readonly grants: Grant[];
    /** Why some grants could not be read: undecided (unknown) or a wrong-typed value. */
    readonly problems: Outcome[];
}

const memberFix = "set member(s) to principals such as user:, group:, serviceAccount: or domain: identifiers";

function readMembers(list: unknown, path: string, role: string | undefined, rolePath: string, out: Grants): void {
    const read = classify(list, "list");
    if (read.state === "absent") return;
    if (read.state === "unknown") {
        out.grants.push({ role, rolePath, member: undefined, memberPath: path });
        return;
    }
    if (read.state === "wrongType") {
        out.problems.push(wrongType({ path, value: read.value, expected: "a list of principals", fix: memberFix }));
        return;
    }
    read.value.forEach((m, i) => {
        const member = classify(m, "string");
        if (member.state === "absent") return;
        if (member.state === "wrongType") out.problems.push(wrongType({ path: `${path}[${i}]`, value: member.value, expected: "a principal string", fix: memberFix }));
        else out.grants.push({ role, rolePath, member: member.state === "known" ? member.value.trim() : undefined, memberPath: `${path}[${i}]` });
    });
}

function readRole(value: unknown, path: string, out: Grants): string | undefined | null {
    const role = classify(value, "string");
    if (role.state === "known") return roleOf(role.value);
    if (role.state === "unknown") return undefined;
    if (role.state === "wrongType") out.problems.push(wrongType({ path, value: role.value, expected: "a role name", fix: "set role to a role such as roles/storage.objectViewer" }));
    return null; // absent or wrong: no grant
}

const policyShape = /IamPolicy$/i;
const bindingShape = /IamBinding$/i;

const policyFix = "set policyData from gcp.organizations.getIAMPolicy with bindings of roles to specific principals";

/**
 * The grants of an IAM resource, by its shape: `member` + `role` (…IamMember), `members` + `role`
 * (…IamBinding), or the bindings of the `policyData` JSON document (…IamPolicy), parsed once.
 */
export function grantsOf(type: string, props: Props): Grants {
    const out: Grants = { grants: [], problems: [] };
    if (policyShape.test(type)) {
        const text = props.string("policyData");
        if (text.state === "unknown") out.problems.push(undecided("policyData"));
        else if (text.state === "wrongType") out.problems.push(wrongType({ path: "policyData", value: text.value, expected: "a JSON policy document", fix: policyFix }));
        else if (text.state === "known") readPolicy(text.value, out);
        return out;
    }
    const role = readRole(props.raw("role"), "role", out);
    if (role === null) return out;
    if (bindingShape.test(type)) {
        readMembers(props.raw("members"), "members", role, "role", out);
        return out;
    }
    const member = classify(props.raw("member"), "string");
    if (member.state === "wrongType") out.problems.push(wrongType({ path: "member", value: member.value, expected: "a principal string", fix: memberFix }));
    else if (member.state !== "absent") out.grants.push({ role, rolePath: "role", member: member.state === "known" ? member.value.trim() : undefined, memberPath: "member" });
    return out;
}

function readPolicy(text: string, out: Grants): void {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch {
        doc = undefined;
    }
    const bindings = typeof doc === "object" && doc !== null ? (doc as { bindings?: unknown }).bindings : undefined;
    if (typeof doc !== "object" || doc === null || (bindings !== undefined && !Array.isArray(bindings))) {
        out.problems.push(violation({ code: "unreadablePolicy", field: "policyData", problem: "policyData is not an IAM policy document the pack can read, so its grants cannot be checked", fix: policyFix }));
        return;
    }
    (bindings ?? []).forEach((b: unknown, i: number) => {
        if (typeof b !== "object" || b === null) return;
        const path = `policyData.bindings[${i}]`;
        const role = readRole((b as { role?: unknown }).role, `${path}.role`, out);
        if (role !== null) readMembers((b as { members?: unknown }).members, `${path}.members`, role, `${path}.role`, out);
    });
}

/** The kind of principal a member names ("user", "serviceAccount", "allUsers" …), lower-cased before the colon. */
export function principalKind(member: string): string {
    const colon = member.indexOf(":");
    return colon < 0 ? member.toLowerCase() : member.slice(0, colon).toLowerCase();
}

export const iamTypesSource = gcpTypes("projects/iAMMember");

/**
 * The findings for the grants of `roleMatches` roles (to `memberMatches` members, when given): a role
 * or member unknown at preview that could match is undecided, never a violation.
 */
export function roleFindings(
    type: string,
    props: Props,
    o: { roleMatches(role: string): boolean; memberMatches?(member: string): boolean; finding(g: { role: string; member: string | undefined; rolePath: string; memberPath: string }): Outcome },
): Outcome[] {
    const { grants, problems } = grantsOf(type, props);
    const outcomes: Outcome[] = [...problems];
    const seen = new Set<string>();
    for (const g of grants) {
        if (g.role !== undefined && !o.roleMatches(g.role)) continue;
        if (o.memberMatches && g.member !== undefined && !o.memberMatches(g.member)) continue;
        if (g.role === undefined) outcomes.push(undecided(g.rolePath));
        else if (o.memberMatches && g.member === undefined) outcomes.push(undecided(g.memberPath));
        else {
            const found = o.finding({ role: g.role, member: g.member, rolePath: g.rolePath, memberPath: g.memberPath });
            // A binding's role is reported once, not once per member.
            const key = found.kind === "violation" ? `${found.code}|${found.field}` : "";
            if (key && seen.has(key)) continue;
            seen.add(key);
            outcomes.push(found);
        }
    }
    return outcomes;
}

/** Where a hierarchy IAM grant applies, for messages ("project", "folder", "organization"). */
export function levelOf(type: string): string {
    return folderIamTypes.includes(type) ? "folder" : organizationIamTypes.includes(type) ? "organization" : "project";
}

/** A role name for messages: only predefined role ids are echoed (custom role names are the user's text). */
const predefinedRole = /^roles\/[A-Za-z0-9._]+$/;
export function shownRole(role: string): string {
    return predefinedRole.test(role) ? role : "a custom role";
}
