// Every action of a service: `s3:*`, `*`, and an Allow with NotAction (every action it does not list).

import { garbage, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { iamDocument, iamPolicy, iamPolicyOutputs, iamRole, iamRolePolicy, iamUserPolicy, scopedStatement } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";

const found = { code: "fullServiceAccess", field: "policy" };
const allow = (statement: Record<string, unknown>) => iamPolicy({ policy: iamDocument({ Effect: "Allow", Resource: "*", ...statement }) });

policyCases("aws-iam-no-full-service-access", [
    passes(iamPolicy()),
    passes(iamRolePolicy()),
    violates(allow({ Action: "s3:*" }), found),
    violates(allow({ Action: ["logs:PutLogEvents", "kms:*"] }), found),
    violates(allow({ Action: "*" }), found),
    // On a named resource too: AWS Config's rule reads actions, not resources.
    violates(allow({ Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-east-1:111122223333:table/phi" }), found),
    violates(iamUserPolicy({ policy: iamDocument({ Effect: "Allow", Action: "S3:*", Resource: "*" }) }), found),
    // NotAction allows every action it does not list, so every action of the services it leaves out.
    violates(allow({ NotAction: ["iam:*", "organizations:*"] }), found),
    passes(allow({ NotAction: "*" })),
    passes(iamPolicy({ policy: iamDocument({ Effect: "Deny", NotAction: "s3:GetObject", Resource: "*" }) })),
    // A prefix with a wildcard suffix is what AWS Config's rule recommends.
    passes(allow({ Action: ["ec2:Describe*", "s3:Get*", "kms:ReEncrypt*"] })),
    passes(iamPolicy({ policy: iamDocument({ Effect: "Deny", Action: "s3:*", Resource: "*" }) })),
    violates(iamRole({ inlinePolicies: [{ name: "s3", policy: iamDocument({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }] }), { code: "fullServiceAccess", field: "inlinePolicies[0].policy" }),
    notApplicable(iamRole(), /no inline policies/),
    undecided(iamPolicy({ policy: unknown }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", unknown], Resource: "*" }] } }), "policy"),
    undecided(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: [unknown], Resource: "*" }] } }), "policy"),
    // Unknown resources do not matter: the action alone decides.
    violates(iamPolicy({ policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: unknown }] } }), found),
    garbage(iamPolicy({ policy: iamDocument({ Effect: "Allow", NotAction: { SECRET: true }, Resource: "*" }) })),
    garbage(iamPolicy({ policy: iamDocument({ Effect: ["Allow"], Action: "s3:*", Resource: "*" }, { Statement: "SECRET" }) })),
    passes(iamPolicyOutputs()),
    violates(iamPolicyOutputs({ policy: iamDocument(scopedStatement, { Effect: "Allow", Action: "sqs:*", Resource: "*" }) }), found),
    noAutoRemediation(allow({ Action: "s3:*" })),
]);
