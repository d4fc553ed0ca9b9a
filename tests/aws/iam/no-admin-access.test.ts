// Every action on every resource, in managed and inline policies and a role's inline policies:
// the document as a JSON string or an object, one statement or a list, unknown at preview, garbage.

import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { iamDocument, iamGroupPolicy, iamPolicy, iamPolicyOutputs, iamRole, iamRoleOutputs, iamRolePolicy, iamUserPolicy, scopedStatement } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const admin = { Effect: "Allow", Action: "*", Resource: "*" };
const found = { code: "adminAccess", field: "policy" };

policyCases("aws-iam-no-admin-access", [
    passes(iamPolicy()),
    passes(iamRolePolicy()),
    passes(iamUserPolicy()),
    passes(iamGroupPolicy()),
    violates(iamPolicy({ policy: iamDocument(admin) }), found),
    violates(iamRolePolicy({ policy: iamDocument(scopedStatement, admin) }), found),
    violates(iamUserPolicy({ policy: iamDocument(admin) }), found),
    violates(iamGroupPolicy({ policy: iamDocument(admin) }), found),
    // Statement as one object, Action and Resource as lists, the document as an object (PolicyDocument input).
    violates(iamPolicy({ policy: JSON.stringify({ Version: "2012-10-17", Statement: admin }) }), found),
    violates(iamPolicy({ policy: iamDocument({ Effect: "Allow", Action: ["s3:GetObject", "*"], Resource: ["arn:aws:s3:::b/*", "*"] }) }), found),
    violates(iamPolicy({ policy: { Version: "2012-10-17", Statement: [admin] } }), found),
    violates(iamPolicy({ policy: iamDocument({ Effect: "Allow", Action: "*:*", Resource: "arn:*" }) }), found),
    // Conditions do not make it compliant (AWS Config does not read them either).
    violates(iamPolicy({ policy: iamDocument({ ...admin, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }) }), found),
    // Two admin statements: two findings.
    violates(iamPolicy({ policy: iamDocument(admin, admin) }), [found, found]),
    // Not admin: a Deny, a service wildcard, a named resource, NotAction / NotResource (reported as full access instead).
    passes(iamPolicy({ policy: iamDocument({ ...admin, Effect: "Deny" }) })),
    passes(iamPolicy({ policy: iamDocument({ Effect: "Allow", Action: "s3:*", Resource: "*" }) })),
    passes(iamPolicy({ policy: iamDocument({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::phi/*" }) })),
    passes(iamPolicy({ policy: iamDocument({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) })),
    passes(iamPolicy({ policy: iamDocument({ Effect: "Allow", Action: "*", NotResource: "arn:aws:s3:::phi/*" }) })),
    // Role: inline policies only; none (or the empty [{}] block) is not applicable.
    notApplicable(iamRole(), /no inline policies/),
    notApplicable(iamRole({ inlinePolicies: [{}] }), /no inline policies/),
    notApplicable(iamRoleOutputs(), /no inline policies/),
    passes(iamRole({ inlinePolicies: [{ name: "app", policy: iamDocument(scopedStatement) }] })),
    violates(iamRole({ inlinePolicies: [{}, { name: "admin", policy: iamDocument(admin) }] }), { code: "adminAccess", field: "inlinePolicies[1].policy" }),
    notApplicable(iamRole({ path: "/aws-service-role/ecs.amazonaws.com/", inlinePolicies: [{ name: "admin", policy: iamDocument(admin) }] }), /service-linked/),
    // Unknown at preview: the whole document (getPolicyDocumentOutput, jsonStringify of outputs), a statement, an action, the effect.
    undecided(iamPolicy({ policy: unknown }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: unknown } }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [scopedStatement, unknown] } }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: unknown, Resource: "*" }] } }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: unknown, Action: "*", Resource: "*" }] } }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: [unknown] }] } }), "policy"),
    undecided(iamRole({ inlinePolicies: unknown }), "inlinePolicies"),
    undecided(iamRole({ inlinePolicies: [{ name: "app", policy: unknown }] }), "inlinePolicies[0].policy"),
    // A known admin statement is found whatever else is unknown.
    violates(iamPolicy({ policy: { Version: "2012-10-17", Statement: [unknown, admin] } }), found),
    // Garbage: not JSON, no Statement, wrong types, secrets.
    violates(iamPolicy({ policy: "{not json" }), { code: "invalidDocument", field: "policy" }),
    violates(iamPolicy({ policy: JSON.stringify({ Version: "2012-10-17" }) }), { code: "invalidDocument", field: "policy" }),
    violates(iamPolicy({ policy: 42 }), { code: "invalidDocument", field: "policy" }),
    violates(iamPolicy({ policy: undefined }), { code: "notSet", field: "policy" }),
    violates(iamRole({ inlinePolicies: "SECRET" }), { code: "wrongType", field: "inlinePolicies" }),
    garbage(iamPolicy({ policy: iamDocument({ Effect: "SECRET", Action: [5, null, "SECRET"], Resource: { SECRET: 1 } }) })),
    garbage(iamPolicy({ policy: secret(iamDocument(admin)) })),
    garbage(iamRole({ inlinePolicies: [null, 5, { name: secret("SECRET"), policy: [unknown] }], path: 7 })),
    // Outputs-shaped: state holds the document as a JSON string.
    passes(iamPolicyOutputs()),
    violates(iamPolicyOutputs({ policy: iamDocument(admin) }), found),
    violates(iamRoleOutputs({ inlinePolicies: [{ name: "admin", policy: iamDocument(admin) }] }), { code: "adminAccess", field: "inlinePolicies[0].policy" }),
    noAutoRemediation(iamPolicy({ policy: iamDocument(admin) })),
]);
