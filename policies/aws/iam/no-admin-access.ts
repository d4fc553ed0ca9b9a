import { defineResourcePolicy } from "../../lib/policy";
import { documentTypes, judgeDocuments } from "./facts";
import { grantsAdmin } from "./grants";

export default defineResourcePolicy({
    name: "aws-iam-no-admin-access",
    description: "No IAM policy (managed or inline) allows every action on every resource.",
    severity: "critical",
    types: documentTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["aws", "iam", "access-control", "least-privilege"],
    anchors: { awsConfig: ["iam-policy-no-statements-with-admin-access"], checkov: ["CKV_AWS_62"] },
    remediation:
        "Replace every statement with `Effect: \"Allow\"`, `Action: \"*\"` and `Resource: \"*\"` by statements that name the actions and " +
        "resources the principal needs. AWS Config's rule reads only customer managed policies (`aws.iam.Policy`); this policy also reads " +
        "inline ones (`aws.iam.RolePolicy`, `UserPolicy`, `GroupPolicy`, `aws.iam.Role` `inlinePolicies`), which grant the same access. " +
        "Conditions do not make such a statement compliant (AWS Config does not read them either).",
    check: resource =>
        judgeDocuments(resource, {
            code: "adminAccess",
            test: s => ({ found: grantsAdmin(s), problem: 'allows every action ("*") on every resource ("*")' }),
            fix: "replace the statement's Action and Resource with the actions and resources the principal needs",
            noDocuments: "the role has no inline policies",
        }),
    noAutoRemediation: "which actions and resources the principal needs is a person's decision",
});
