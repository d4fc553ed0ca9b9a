import { Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineResourcePolicy, Resource } from "../../lib/policy";
import { elementsOf } from "../../lib/rules";
import { inlineEntry, inlinePolicyTypes, role, serviceLinked } from "./facts";

const fix = "move the statements to an aws.iam.Policy and attach it with aws.iam.RolePolicyAttachment (or UserPolicyAttachment, GroupPolicyAttachment)";

function check(resource: Resource): Outcome | Outcome[] {
    if (resource.type !== role) {
        return violation({ code: "inlinePolicy", problem: "this is an inline policy, embedded in one identity instead of a managed policy that can be reviewed, versioned and reused", fix });
    }
    const skip = serviceLinked(resource);
    if (skip) return skip;
    const { elements, outcomes } = elementsOf(resource.props, { field: "inlinePolicies", fix: "remove inlinePolicies (or leave it as [{}])" });
    for (const e of elements) {
        const entry = inlineEntry(e.props);
        if (entry === "policy") outcomes.push(violation({ code: "inlinePolicy", field: e.path, problem: `${e.path} embeds an inline policy in the role`, fix: `remove ${e.path}; ${fix}` }));
        else if (entry === "unknown") outcomes.push(undecided(e.path));
    }
    return outcomes.length > 0 ? outcomes : pass;
}

export default defineResourcePolicy({
    name: "aws-iam-no-inline-policies",
    description: "Roles, users and groups get permissions from managed policies, not inline ones (service-linked roles excepted).",
    severity: "medium",
    types: [...inlinePolicyTypes, role],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["aws", "iam", "access-control"],
    anchors: { awsConfig: ["iam-no-inline-policy-check"] },
    remediation:
        "Replace `aws.iam.RolePolicy`, `aws.iam.UserPolicy` and `aws.iam.GroupPolicy` (and entries of `aws.iam.Role` `inlinePolicies`) with an " +
        "`aws.iam.Policy` holding the same document, attached with `aws.iam.RolePolicyAttachment` (or `UserPolicyAttachment`, " +
        "`GroupPolicyAttachment`). An empty `inlinePolicies: [{}]` (which makes Pulumi remove inline policies added outside it) is fine. " +
        "Service-linked roles (path `/aws-service-role/`) are not checked: AWS manages their permissions.",
    check,
    noAutoRemediation: "moving permissions into a managed policy creates new resources, which a person must write",
});
