import { isOutcome, Outcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { policyAttachment, setStrings, userPolicy, userPolicyAttachment } from "./facts";

const fix = "attach the policy to an IAM group (aws.iam.GroupPolicyAttachment) or a role the user assumes, and add the user to the group";

function check(resource: Resource): Outcome {
    if (resource.type === userPolicy) return violation({ code: "userPolicy", problem: "this inline policy gives permissions to one user directly", fix });
    if (resource.type === userPolicyAttachment) return violation({ code: "userPolicy", problem: "this attachment gives a managed policy to one user directly", fix });
    const users = setStrings(resource.props, "users", "remove users and list groups or roles instead");
    if (isOutcome(users)) return users;
    return users.count > 0
        ? violation({ code: "userPolicy", field: "users", problem: "users is not empty, so the policy is attached to users directly", fix: `remove users; ${fix}` })
        : pass;
}

export default defineResourcePolicy({
    name: "aws-iam-user-no-policies",
    description: "IAM users get permissions through groups or roles, never from policies attached to them directly.",
    severity: "medium",
    types: [userPolicy, userPolicyAttachment, policyAttachment],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["aws", "iam", "access-control"],
    anchors: { awsConfig: ["iam-user-no-policies-check"], checkov: ["CKV_AWS_40"] },
    remediation:
        "Remove `aws.iam.UserPolicy` and `aws.iam.UserPolicyAttachment` resources and the `users` of `aws.iam.PolicyAttachment`; attach the " +
        "policy to an IAM group (`aws.iam.GroupPolicyAttachment`) and add the user to it (`aws.iam.UserGroupMembership`), or grant it to a role.",
    check,
    noAutoRemediation: "which group or role should carry the permissions is a person's decision",
});
