// Inline policies: RolePolicy, UserPolicy, GroupPolicy, and Role.inlinePolicies (an empty [{}] is none).

import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { iamDocument, iamGroupPolicy, iamRole, iamRoleOutputs, iamRolePolicy, iamUserPolicy, scopedStatement } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const inline = { name: "app", policy: iamDocument(scopedStatement) };

policyCases("aws-iam-no-inline-policies", [
    passes(iamRole()),
    passes(iamRole({ inlinePolicies: [] })),
    passes(iamRole({ inlinePolicies: [{}] })),
    violates(iamRolePolicy(), { code: "inlinePolicy", field: "" }),
    violates(iamUserPolicy(), { code: "inlinePolicy", field: "" }),
    violates(iamGroupPolicy(), { code: "inlinePolicy", field: "" }),
    // Whatever the document says, and even when it is unknown at preview.
    violates(iamRolePolicy({ policy: unknown }), { code: "inlinePolicy" }),
    violates(iamRole({ inlinePolicies: [inline] }), { code: "inlinePolicy", field: "inlinePolicies[0]" }),
    violates(iamRole({ inlinePolicies: [{}, inline, { name: "other", policy: unknown }] }), [
        { code: "inlinePolicy", field: "inlinePolicies[1]" },
        { code: "inlinePolicy", field: "inlinePolicies[2]" },
    ]),
    notApplicable(iamRole({ path: "/aws-service-role/elasticache.amazonaws.com/", inlinePolicies: [inline] }), /service-linked/),
    undecided(iamRole({ inlinePolicies: unknown }), "inlinePolicies"),
    undecided(iamRole({ inlinePolicies: [unknown] }), "inlinePolicies[0]"),
    undecided(iamRole({ inlinePolicies: [{ name: unknown }] }), "inlinePolicies[0]"),
    undecided(iamRole({ path: unknown, inlinePolicies: [{ name: unknown }] }), "inlinePolicies[0]"),
    violates(iamRole({ inlinePolicies: { name: "app" } }), { code: "wrongType", field: "inlinePolicies" }),
    garbage(iamRole({ inlinePolicies: [null, 7, "SECRET", { name: ["SECRET"] }] })),
    // Outputs-shaped: state keeps an unset entry as name "" and policy "".
    passes(iamRoleOutputs()),
    passes(iamRoleOutputs({ inlinePolicies: [{ name: "", policy: "" }] })),
    violates(iamRoleOutputs({ inlinePolicies: [inline] }), { code: "inlinePolicy", field: "inlinePolicies[0]" }),
    noAutoRemediation(iamRolePolicy()),
]);
