// CodeBuild controls: no AWS access keys in plaintext environment variables, and no sign-in
// credentials in source repository URLs. Neither the variables' values nor the URLs are ever read
// into a message: both hold secrets.

import { awsTypes, serviceFact, stringAttribute } from "../lib/facts";
import { Outcome, pass, undecided, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { classify, Props } from "../lib/props";
import { unsetWhenEmpty, wrongType } from "../lib/rules";

export const project = "aws:codebuild/project:Project";
const source = awsTypes("codebuild/project");

export const variableType = stringAttribute({
    types: [project], block: "environment.environmentVariables[]", field: "type", default: "PLAINTEXT", values: ["PARAMETER_STORE", "PLAINTEXT", "SECRETS_MANAGER"], source,
});

serviceFact({
    about: "aws.codebuild.Project environment.environmentVariables[] named AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY",
    says: "with type PLAINTEXT (the default) the key is stored in the project's configuration and shown to anyone who can read it; AWS Config's codebuild-project-envvar-awscred-check fails it",
    source: "AWS Config Developer Guide: codebuild-project-envvar-awscred-check; AWS CodeBuild User Guide: environment variables in build environments; " + source,
});
serviceFact({
    about: "aws.codebuild.Project source.location, secondarySources[].location",
    says: "a Git URL with user:password@ or a token in its user part stores a credential in the project's configuration; AWS Config's codebuild-project-source-repo-url-check fails it (for Bitbucket)",
    source: "AWS Config Developer Guide: codebuild-project-source-repo-url-check; " + source,
});

// --- Plaintext AWS credentials ------------------------------------------------------------------------

const credentialNames: ReadonlySet<string> = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
const envFix = "remove the variable and let the build use the project's serviceRole, or keep the key in Secrets Manager or Parameter Store and give the variable that type";

function variableOutcome(item: unknown, path: string): Outcome {
    const variable = classify(item, "object");
    if (variable.state === "unknown") return undecided(path);
    if (variable.state === "wrongType") return wrongType({ path, value: variable.value, expected: "a block", fix: envFix });
    if (variable.state === "absent") return pass;
    const name = variable.value.string("name");
    if (name.state === "unknown") return undecided(`${path}.name`);
    if (name.state === "wrongType") return wrongType({ path: `${path}.name`, value: name.value, expected: "a string", fix: envFix });
    if (name.state !== "known" || !credentialNames.has(name.value.trim())) return pass;
    const type = unsetWhenEmpty(variable.value.string(variableType.field));
    if (type.state === "unknown") return undecided(`${path}.type`);
    if (type.state === "wrongType") return wrongType({ path: `${path}.type`, value: type.value, expected: "a string", fix: envFix });
    const kind = type.state === "known" ? type.value.trim().toUpperCase() : variableType.absent!;
    if (kind !== "PLAINTEXT") return pass;
    return violation({
        code: "plaintextCredential",
        field: `${path}.type`,
        problem: `${path} holds ${name.value.trim()} in plaintext${type.state === "absent" ? " (type defaults to PLAINTEXT)" : ""}`,
        fix: envFix,
    });
}

function plaintextCredentials(props: Props): Outcome[] {
    const env = props.single("environment");
    if (env.state === "unknown") return [undecided("environment")];
    if (env.state === "wrongType") return [wrongType({ path: "environment", value: env.value, expected: "a block", fix: envFix })];
    if (env.state === "absent") return [pass];
    const field = "environment.environmentVariables";
    const list = env.value.list("environmentVariables");
    if (list.state === "unknown") return [undecided(field)];
    if (list.state === "wrongType") return [wrongType({ path: field, value: list.value, expected: "a list", fix: envFix })];
    if (list.state === "absent") return [pass];
    return [pass, ...list.value.map((item, i) => variableOutcome(item, `${field}[${i}]`))];
}

export const noPlaintextAwsKeys = defineResourcePolicy({
    name: "aws-codebuild-no-plaintext-aws-keys",
    description: "CodeBuild projects keep no AWS access keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) in plaintext environment variables.",
    severity: "critical",
    types: [project],
    hipaa: ["164.312(a)(1)", "164.308(a)(5)(ii)(D)"],
    hitrust: ["01.q", "01.c"],
    tags: ["aws", "codebuild", "credentials", "secrets"],
    anchors: { awsConfig: ["codebuild-project-envvar-awscred-check"] },
    remediation:
        "Remove `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` from `environment.environmentVariables` of the `aws.codebuild.Project` and grant the build what " +
        'it needs through the project\'s `serviceRole`; if a key must be passed, store it in Secrets Manager or Parameter Store (`type: "SECRETS_MANAGER"` or ' +
        '`"PARAMETER_STORE"`, the secret\'s name as `value`) and rotate the exposed key.',
    check: r => plaintextCredentials(r.props),
    noAutoRemediation: "the key must be rotated and moved to a secret store (or replaced by the service role), which only a person can do",
});

// --- Credentials in source URLs -----------------------------------------------------------------------

/** The user part of a URL (`scheme://user[:password]@host`), compiled once. */
const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i;
/** A bare token as the user part: GitHub and GitLab access tokens. */
const bareToken = /^(gh[pousr]_|github_pat_|glpat-)/i;
const urlFix = "remove the credentials from the URL and connect the repository with an aws.codebuild.SourceCredential or a CodeConnections connection (source.auth)";

function locationOutcome(value: unknown, path: string): Outcome {
    const read = classify(value, "string");
    if (read.state === "unknown") return undecided(path);
    if (read.state === "wrongType") return wrongType({ path, value: read.value, expected: "a string", fix: urlFix, secret: true });
    if (read.state === "absent") return pass;
    const user = userInfo.exec(read.value.trim())?.[1];
    if (user === undefined || (!user.includes(":") && !bareToken.test(user))) return pass;
    return violation({ code: "credentialsInUrl", field: path, problem: `${path} contains sign-in credentials`, fix: urlFix });
}

function sourceUrls(props: Props): Outcome[] {
    const outcomes: Outcome[] = [pass];
    const primary = props.single("source");
    if (primary.state === "unknown") outcomes.push(undecided("source"));
    else if (primary.state === "wrongType") outcomes.push(wrongType({ path: "source", value: primary.value, expected: "a block", fix: urlFix }));
    else if (primary.state === "known") outcomes.push(locationOutcome(primary.value.raw("location"), "source.location"));
    const secondary = props.list("secondarySources");
    if (secondary.state === "unknown") outcomes.push(undecided("secondarySources"));
    else if (secondary.state === "wrongType") outcomes.push(wrongType({ path: "secondarySources", value: secondary.value, expected: "a list", fix: urlFix }));
    else if (secondary.state === "known") {
        secondary.value.forEach((item, i) => {
            const block = classify(item, "object");
            const path = `secondarySources[${i}]`;
            if (block.state === "unknown") outcomes.push(undecided(path));
            else if (block.state === "wrongType") outcomes.push(wrongType({ path, value: block.value, expected: "a block", fix: urlFix }));
            else if (block.state === "known") outcomes.push(locationOutcome(block.value.raw("location"), `${path}.location`));
        });
    }
    return outcomes;
}

export const sourceUrlNoCredentials = defineResourcePolicy({
    name: "aws-codebuild-source-url-no-credentials",
    description: "CodeBuild projects' source repository URLs (GitHub, Bitbucket, GitLab and other Git hosts) carry no sign-in credentials.",
    severity: "critical",
    types: [project],
    hipaa: ["164.312(a)(1)", "164.308(a)(5)(ii)(D)"],
    hitrust: ["01.q", "01.c"],
    tags: ["aws", "codebuild", "credentials", "secrets"],
    anchors: { awsConfig: ["codebuild-project-source-repo-url-check"] },
    remediation:
        "Remove `user:password@` or a token from `source.location` and every `secondarySources[].location` of the `aws.codebuild.Project`, connect the repository " +
        "with an `aws.codebuild.SourceCredential` (a token kept by CodeBuild) or a CodeConnections connection in `source.auth`, and revoke the exposed credential.",
    check: r => sourceUrls(r.props),
    noAutoRemediation: "the credential must be revoked and the repository connected another way, which only a person can do",
});

export const policies = [noPlaintextAwsKeys, sourceUrlNoCredentials];
