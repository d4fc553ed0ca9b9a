// What the pack knows about IAM: the type tokens of identity policies and what attaches them, where
// each resource keeps its policy documents, and how a statement's grant is judged. The documents are
// read by the one IAM document reader (lib/policy-document.ts).

import { awsTypes, serviceFact } from "../../lib/facts";
import { isOutcome, notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { Resource } from "../../lib/policy";
import { Document, readDocument, Statement, Tri } from "../../lib/policy-document";
import { Props } from "../../lib/props";
import { elementsOf, valueOf } from "../../lib/rules";

export const policy = "aws:iam/policy:Policy";
export const rolePolicy = "aws:iam/rolePolicy:RolePolicy";
export const userPolicy = "aws:iam/userPolicy:UserPolicy";
export const groupPolicy = "aws:iam/groupPolicy:GroupPolicy";
export const role = "aws:iam/role:Role";
export const userPolicyAttachment = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
export const policyAttachment = "aws:iam/policyAttachment:PolicyAttachment";
export const accountPasswordPolicy = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";

/** Inline policies: embedded in one user, group or role (`aws.iam.Role.inlinePolicies` included). */
export const inlinePolicyTypes = [rolePolicy, userPolicy, groupPolicy];
/** Every resource that carries an identity policy document. */
export const documentTypes = [policy, ...inlinePolicyTypes, role];

serviceFact({
    about: "aws.iam.Role inlinePolicies",
    says: "each entry is an inline policy (name, policy); an empty entry (`inlinePolicies: [{}]`) is legal and means none",
    source: awsTypes("iam/role"),
});
const serviceLinkedPath = "/aws-service-role/";
serviceFact({
    about: "IAM service-linked roles",
    says: `have the path ${serviceLinkedPath} and permissions the AWS service defines; customers cannot edit them`,
    source: "AWS IAM User Guide: using service-linked roles",
});
serviceFact({
    about: "IAM policy statements with NotAction / NotResource",
    says: "an Allow with NotAction allows every action not listed; an Allow with NotResource applies to every resource not listed",
    source: "AWS IAM User Guide: IAM JSON policy elements NotAction and NotResource",
});

/** Not applicable for a service-linked role (its permissions belong to the AWS service). */
export function serviceLinked(resource: Resource): Outcome | undefined {
    if (resource.type !== role) return undefined;
    const path = resource.props.string("path");
    return path.state === "known" && path.value.startsWith(serviceLinkedPath) ? notApplicable("the role is a service-linked role, whose permissions the AWS service manages") : undefined;
}

/** One policy document of a resource and the property path messages name it by. */
export interface DocumentAt {
    readonly path: string;
    readonly doc: Document;
}

const inlineFix = "set inlinePolicies to a list of { name, policy } blocks, or remove it";

/** Whether a Role.inlinePolicies entry embeds a policy (outputs store an unset one as name "" and policy ""). */
export function inlineEntry(entry: Props): "policy" | "empty" | "unknown" {
    let unknown = false;
    for (const field of ["name", "policy"]) {
        const raw = entry.raw(field);
        const read = entry.string(field);
        if (read.state === "unknown") unknown = true;
        else if (read.state === "known" ? read.value.trim() !== "" : raw !== undefined && raw !== null) return "policy";
    }
    return unknown ? "unknown" : "empty";
}

/** The resource's policy documents (a role's inline ones), or the outcome that stops the check. */
export function documentsOf(resource: Resource): { docs: DocumentAt[]; outcomes: Outcome[] } {
    if (resource.type !== role) return { docs: [{ path: "policy", doc: readDocument(resource.props.raw("policy")) }], outcomes: [] };
    const { elements, outcomes } = elementsOf(resource.props, { field: "inlinePolicies", fix: inlineFix });
    const docs = elements
        .filter(e => inlineEntry(e.props) !== "empty")
        .map(e => ({ path: `${e.path}.policy`, doc: readDocument(e.props.raw("policy")) }));
    return { docs, outcomes };
}

/** What a check finds wrong with one statement: the problem, or nothing. */
export type StatementTest = (s: Statement) => { found: Tri; problem: string };

/**
 * Judges every statement of the resource's documents: each statement that grants what `test` looks
 * for is a violation; a statement, document or grant unknown at preview leaves the document undecided.
 */
export function judgeDocuments(resource: Resource, o: { code: string; test: StatementTest; fix: string; noDocuments: string }): Outcome | Outcome[] {
    const skip = serviceLinked(resource);
    if (skip) return skip;
    const { docs, outcomes } = documentsOf(resource);
    if (docs.length === 0 && outcomes.length === 0) return notApplicable(o.noDocuments);
    for (const { path, doc } of docs) {
        switch (doc.state) {
            case "unknown":
                outcomes.push(undecided(path));
                break;
            case "absent":
                // A managed or inline policy must have a document; a role entry without one embeds nothing.
                if (resource.type !== role) outcomes.push(violation({ code: "notSet", field: path, problem: `${path} is not set`, fix: `set ${path} to a policy document` }));
                break;
            case "invalid":
                outcomes.push(violation({ code: "invalidDocument", field: path, problem: `${path} is not an IAM policy document IAM accepts`, fix: `set ${path} to a JSON policy document with a Statement list` }));
                break;
            case "known": {
                let open = doc.partial;
                for (const s of doc.statements) {
                    const { found, problem } = o.test(s);
                    if (found === "yes") outcomes.push(violation({ code: o.code, field: path, problem: `${path} statement ${s.index} ${problem}`, fix: o.fix }));
                    else if (found === "unknown") open = true;
                }
                if (open && !outcomes.some(x => x.kind === "violation" && x.field === path)) outcomes.push(undecided(path));
            }
        }
    }
    return outcomes.length > 0 ? outcomes : pass;
}

/** The known strings of a list-valued property (unknown elements count as set), or the outcome that stops the check. */
export function setStrings(props: Props, field: string, fix: string): { count: number } | Outcome {
    const list = valueOf(props.list(field), { path: field, expected: "a list", fix, absent: [] as unknown[] });
    if (isOutcome(list)) return list;
    let count = 0;
    for (const [i, item] of list.entries()) {
        const read = valueOf(new Props({ v: item }).string("v"), { path: `${field}[${i}]`, expected: "a string", fix, absent: "" });
        if (isOutcome(read)) {
            if (read.kind === "undecided") count++; // a name or ARN computed by another resource is set
            else return read;
        } else if (read.trim() !== "") count++;
    }
    return { count };
}
