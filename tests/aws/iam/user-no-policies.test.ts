// Policies given to IAM users directly: UserPolicy, UserPolicyAttachment, PolicyAttachment users.

import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { iamPolicyAttachment, iamUserPolicy, iamUserPolicyAttachment } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-iam-user-no-policies", [
    passes(iamPolicyAttachment()),
    passes(iamPolicyAttachment({ groups: ["analysts"], users: [] })),
    violates(iamUserPolicy(), { code: "userPolicy", field: "" }),
    violates(iamUserPolicyAttachment(), { code: "userPolicy", field: "" }),
    violates(iamPolicyAttachment({ users: ["alice"] }), { code: "userPolicy", field: "users" }),
    // A user's name computed by the aws.iam.User resource is a user all the same.
    violates(iamPolicyAttachment({ users: [unknown] }), { code: "userPolicy", field: "users" }),
    undecided(iamPolicyAttachment({ users: unknown }), "users"),
    violates(iamPolicyAttachment({ users: "alice" }), { code: "wrongType", field: "users" }),
    violates(iamPolicyAttachment({ users: [5] }), { code: "wrongType", field: "users[0]" }),
    passes(iamPolicyAttachment({ users: [""] })),
    garbage(iamPolicyAttachment({ users: [null, { SECRET: 1 }], roles: "SECRET" })),
    noAutoRemediation(iamUserPolicyAttachment()),
]);
