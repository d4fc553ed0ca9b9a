// Separation of duties across the stack's project, folder and organization IAM (AnalyzeStack).

import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { folderIamMember, projectIamBindingOutputs, projectIamMember, projectIamPolicy, projectResource, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const member = "user:alice@example.com";
const grant = (name: string, role: string, changes: Record<string, unknown> = {}) => ({ ...projectIamMember({ role, member, ...changes }), name, urn: undefined });
const saAdmin = grant("sa-admin", "roles/iam.serviceAccountAdmin");
const saUser = grant("sa-user", "roles/iam.serviceAccountUser");
const kmsAdmin = grant("kms-admin", "roles/cloudkms.admin");
const kmsUser = grant("kms-user", "roles/cloudkms.cryptoKeyEncrypterDecrypter");

stackCases("gcp-iam-separation-of-duties", [
    stackPasses([saAdmin, kmsAdmin]),
    stackPasses([saUser, kmsUser]),
    stackPasses([projectIamMember(), projectIamPolicy()]),
    stackViolates([saAdmin, saUser], [
        { on: "sa-admin", code: "dutiesCombined", field: "member" },
        { on: "sa-user", code: "dutiesCombined", field: "member" },
    ]),
    stackViolates([kmsAdmin, grant("decrypter", "roles/cloudkms.cryptoKeyDecrypter")], [
        { on: "kms-admin", code: "dutiesCombined", field: "member" },
        { on: "decrypter", code: "dutiesCombined", field: "member" },
    ]),
    // Emails compare without case; the project may be written with its "projects/" prefix.
    stackViolates([saAdmin, grant("sa-user", "roles/iam.serviceAccountUser", { member: "user:Alice@Example.com", project: "projects/phi-prod" })], [
        { on: "sa-admin", code: "dutiesCombined", field: "member" },
        { on: "sa-user", code: "dutiesCombined", field: "member" },
    ]),
    // One policy document holding both roles for one member.
    stackViolates(
        [projectIamPolicy({ policyData: JSON.stringify({ bindings: [{ role: "roles/cloudkms.admin", members: [member] }, { role: "roles/cloudkms.cryptoKeyEncrypter", members: [member] }] }) })],
        [
            { on: "policy", code: "dutiesCombined", field: "policyData.bindings[0].members[0]" },
            { on: "policy", code: "dutiesCombined", field: "policyData.bindings[1].members[0]" },
        ],
    ),
    // Outputs-shaped binding.
    stackViolates([saAdmin, { ...projectIamBindingOutputs({ role: "roles/iam.serviceAccountUser", members: [member] }), name: "users" }], [
        { on: "sa-admin", code: "dutiesCombined", field: "member" },
        { on: "users", code: "dutiesCombined", field: "members[0]" },
    ]),
    // Different members, different projects, different levels: no conflict.
    stackPasses([saAdmin, grant("sa-user", "roles/iam.serviceAccountUser", { member: "user:bob@example.com" })]),
    stackPasses([saAdmin, grant("sa-user", "roles/iam.serviceAccountUser", { project: "phi-staging" })]),
    stackPasses([saAdmin, { ...folderIamMember({ role: "roles/iam.serviceAccountUser", member }), name: "folder-user" }]),
    // Unknown at preview: the member or the project may be the same one.
    stackUndecided([saAdmin, grant("sa-user", "roles/iam.serviceAccountUser", { member: unknown })], [{ on: "sa-admin", fields: "member" }, { on: "sa-user", fields: "member" }]),
    stackUndecided([saAdmin, grant("sa-user", "roles/iam.serviceAccountUser", { project: unknown })], [{ on: "sa-admin", fields: "member" }, { on: "sa-user", fields: "member" }]),
    // Both computed from the same project resource: the same scope, so a conflict.
    (() => {
        const p = res(projectResource().type, "phi-project", { projectId: unknown });
        const a = res(saAdmin.type, "sa-admin", { ...saAdmin.props, project: unknown }, { project: [p] });
        const u = res(saUser.type, "sa-user", { ...saUser.props, project: unknown }, { project: [p] });
        return stackViolates([p, a, u], [
            { on: "sa-admin", code: "dutiesCombined", field: "member" },
            { on: "sa-user", code: "dutiesCombined", field: "member" },
        ]);
    })(),
    stackNotApplicable([projectResource()], /has no resource of type/),
    stackGarbage([saAdmin, grant("sa-user", "roles/iam.serviceAccountUser", { member: secret("SECRET") }), grant("odd", "roles/iam.serviceAccountUser", { project: 5, member: { SECRET: 1 } })]),
]);
