// Lambda controls: no statement of a function's resource policy lets everyone invoke it. The
// policy is made of `aws.lambda.Permission` statements and opened to the web by an
// `aws.lambda.FunctionUrl`, so each is checked where it is declared.

import { awsTypes, serviceFact, stringAttribute } from "../lib/facts";
import { isOutcome, Outcome, pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { isSetString, Props } from "../lib/props";
import { oneOf, unsetWhenEmpty, valueOf, wrongType } from "../lib/rules";

export const permission = "aws:lambda/permission:Permission";
export const functionUrl = "aws:lambda/functionUrl:FunctionUrl";

const permissionSource = awsTypes("lambda/permission");
const urlSource = awsTypes("lambda/functionUrl");

export const authorizationType = stringAttribute({ types: [functionUrl], field: "authorizationType", values: ["AWS_IAM", "NONE"], source: urlSource });

serviceFact({
    about: "aws.lambda.Permission principal",
    says:
        'a principal that is "*" or contains a wildcard lets any AWS account (or anyone, for a function URL with auth NONE) invoke the function unless principalOrgId, ' +
        "sourceAccount or sourceArn restricts it to fixed values (a source ARN of wildcards only, such as arn:aws:s3:::*, restricts nothing); AWS Config's " +
        "lambda-function-public-access-prohibited counts such a statement as public",
    source: "AWS Config Developer Guide: lambda-function-public-access-prohibited; " + permissionSource,
});
serviceFact({
    about: "aws.lambda.Permission for an AWS service principal (s3.amazonaws.com, sns.amazonaws.com, ...)",
    says: "without sourceArn or sourceAccount, resources in other accounts can be configured to invoke the function (the confused deputy); Config's rule names Amazon S3 without AWS:SourceAccount",
    source: "AWS Lambda API Reference: AddPermission (Principal, SourceArn, SourceAccount); AWS Config Developer Guide: lambda-function-public-access-prohibited",
});

/** A service principal: a domain-style identifier such as s3.amazonaws.com or alexa-appkit.amazon.com. */
const servicePrincipal = /^[a-z0-9.-]+\.amazon(aws)?\.com(\.cn)?$/i;

const restrictionFields = ["principalOrgId", "sourceAccount", "sourceArn"] as const;
const publicFix = "name an AWS account ID or role ARN as principal, or restrict it with principalOrgId, sourceAccount or sourceArn";
const serviceFix = "set sourceArn to the invoking resource's ARN (e.g. the bucket or topic) and sourceAccount to its account ID";

/** Only wildcards (and separators): "*", "arn:aws:s3:::*" names no particular account or resource. */
const onlyWildcards = /^[*?/]*$/;

/**
 * Whether a condition value limits who can invoke: a source ARN names its account (12 digits) or
 * some resource, anything else is more than wildcards. A value unknown at preview counts as a limit.
 */
function limits(field: string, value: string): boolean {
    if (field !== "sourceArn" || !value.startsWith("arn:")) return !onlyWildcards.test(value);
    const parts = value.split(":");
    return /^\d{12}$/.test(parts[4] ?? "") || !onlyWildcards.test(parts.slice(5).join(":"));
}

/** Whether one of `fields` restricts the statement, or the wrong-type violation. */
function restrictedBy(props: Props, fields: readonly string[], fix: string): boolean | Outcome {
    for (const field of fields) {
        const read = props.string(field);
        if (read.state === "wrongType") return wrongType({ path: field, value: read.value, expected: "a string", fix });
        if (read.state === "unknown") return true;
        if (isSetString(read) && read.state === "known" && limits(field, read.value.trim())) return true;
    }
    return false;
}

function permissionOutcome(props: Props): Outcome {
    const principal = valueOf(props.string("principal"), { path: "principal", expected: "a string", fix: publicFix, absent: "" });
    if (isOutcome(principal)) return principal;
    const who = principal.trim();
    if (who === "") return violation({ code: "notSet", field: "principal", problem: "principal is not set", fix: publicFix });
    if (who.includes("*")) {
        const restricted = restrictedBy(props, restrictionFields, publicFix);
        if (isOutcome(restricted)) return restricted;
        return restricted
            ? pass
            : violation({ code: "public", field: "principal", problem: "principal is a wildcard and no principalOrgId, sourceAccount or sourceArn restricts it, so any AWS account can invoke the function", fix: publicFix });
    }
    if (servicePrincipal.test(who)) {
        // Alexa skills prove themselves with the event source token instead of a source ARN.
        const restricted = restrictedBy(props, [...restrictionFields, "eventSourceToken"], serviceFix);
        if (isOutcome(restricted)) return restricted;
        return restricted
            ? pass
            : violation({ code: "unrestrictedService", field: "sourceArn", problem: "principal is an AWS service and neither sourceArn nor sourceAccount is set, so that service's resources in any account can invoke the function", fix: serviceFix });
    }
    return pass; // an account ID or an IAM ARN names who may invoke
}

export const permissionNotPublic = defineResourcePolicy({
    name: "aws-lambda-permission-not-public",
    description: "Lambda permission statements never let everyone invoke a function: the principal is named, or an AWS service restricted to a source resource or account.",
    severity: "critical",
    types: [permission],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.v", "01.c"],
    tags: ["aws", "lambda", "public-access", "resource-policy"],
    anchors: { awsConfig: ["lambda-function-public-access-prohibited"], checkov: ["CKV_AWS_301"] },
    remediation:
        "On the `aws.lambda.Permission`, name the AWS account ID or IAM role ARN that may invoke the function as `principal` instead of `\"*\"`, or keep `\"*\"` " +
        "only with `principalOrgId` (your AWS Organization). For an AWS service principal (`s3.amazonaws.com`, `sns.amazonaws.com`, `events.amazonaws.com`, ...), set " +
        "`sourceArn` to the bucket, topic or rule that invokes it and `sourceAccount` to its account.",
    check: r => permissionOutcome(r.props),
    noAutoRemediation: "which account, organization or source resource may invoke the function is a person's choice",
});

const urlFix = 'set authorizationType: "AWS_IAM" and sign requests with SigV4 (or front the function with an authenticating API)';

export const functionUrlAuth = defineResourcePolicy({
    name: "aws-lambda-function-url-auth",
    description: "Lambda function URLs require IAM authentication (authorizationType AWS_IAM), so no unauthenticated caller on the internet can invoke the function.",
    severity: "critical",
    types: [functionUrl],
    hipaa: ["164.312(a)(1)", "164.312(d)"],
    hitrust: ["01.v", "01.q"],
    tags: ["aws", "lambda", "public-access", "authentication"],
    anchors: { awsConfig: ["lambda-function-public-access-prohibited"], checkov: ["CKV_AWS_258"] },
    remediation:
        'Set `authorizationType: "AWS_IAM"` on the `aws.lambda.FunctionUrl` and grant `lambda:InvokeFunctionUrl` to the callers that need it; for a public ' +
        "endpoint, put an API Gateway stage with an authorizer (and WAF) in front of the function instead of a URL with auth NONE.",
    check: r => {
        const read = unsetWhenEmpty(r.props.string(authorizationType.field));
        if (read.state === "absent") return violation({ code: "notSet", field: authorizationType.path, problem: "authorizationType is not set", fix: urlFix });
        return oneOf(read, { path: authorizationType.path, allowed: ["AWS_IAM"], known: authorizationType.values!, fix: urlFix });
    },
    noAutoRemediation: "switching a URL to AWS_IAM stops every caller that does not sign its requests; who must call it, and how, is a person's choice",
});

export const policies = [permissionNotPublic, functionUrlAuth];
