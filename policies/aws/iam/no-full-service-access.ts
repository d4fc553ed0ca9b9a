import { defineResourcePolicy } from "../../lib/policy";
import { documentTypes, judgeDocuments } from "./facts";
import { grantsFullServiceAccess } from "./grants";

export default defineResourcePolicy({
    name: "aws-iam-no-full-service-access",
    description: "No IAM policy (managed or inline) allows every action of an AWS service (`s3:*`, `*`, or an Allow with NotAction).",
    severity: "high",
    types: documentTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.c"],
    tags: ["aws", "iam", "access-control", "least-privilege"],
    anchors: { awsConfig: ["iam-policy-no-statements-with-full-access"], checkov: ["CKV_AWS_63"] },
    remediation:
        "Replace service-wide wildcards (`s3:*`, `kms:*`, `*`) in `Allow` statements with the actions the principal needs; a prefix with a " +
        "wildcard suffix (`ec2:Describe*`) is fine, as in AWS Config's rule. An `Allow` with `NotAction` allows every action it does not " +
        "list, so every action of the services it leaves out: list the allowed actions under `Action` instead. AWS Config reads only " +
        "customer managed policies; this policy also reads inline ones, which grant the same access.",
    check: resource =>
        judgeDocuments(resource, {
            code: "fullServiceAccess",
            test: s => ({
                found: grantsFullServiceAccess(s),
                problem: s.notAction ? "allows every action it does not list (NotAction), so all actions of the services it leaves out" : "allows every action of a service (a service:* or * action)",
            }),
            fix: "list the actions the principal needs under Action (a prefix such as ec2:Describe* is fine) instead of a service wildcard or NotAction",
            noDocuments: "the role has no inline policies",
        }),
    noAutoRemediation: "which actions the principal needs is a person's decision",
});
