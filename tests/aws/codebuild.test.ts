import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../cases";
import { BUILD_SECRET, codebuildProject, codebuildProjectOutputs } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const env = (...environmentVariables: unknown[]) => ({ environment: { ...(codebuildProject().props.environment as object), environmentVariables } });
const variable = (i: number) => `environment.environmentVariables[${i}]`;
const key = { name: "AWS_ACCESS_KEY_ID", value: BUILD_SECRET };

policyCases("aws-codebuild-no-plaintext-aws-keys", [
    passes(codebuildProject()),
    passes(codebuildProjectOutputs()),
    passes(codebuildProject(env({ ...key, type: "PARAMETER_STORE" }))),
    passes(codebuildProject({ environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER" } })),
    // Only the exact names AWS SDKs read are AWS credentials.
    passes(codebuildProject(env({ name: "AWS_REGION", value: "us-east-1" }, { name: "aws_access_key_id_hint", value: "x" }))),
    violates(codebuildProject(env(key)), { code: "plaintextCredential", field: `${variable(0)}.type` }),
    violates(codebuildProject(env({ name: "STAGE", value: "prod" }, { ...key, type: "PLAINTEXT" }, { name: "AWS_SECRET_ACCESS_KEY", value: secret(BUILD_SECRET), type: "" })), [
        { code: "plaintextCredential", field: `${variable(1)}.type` },
        { code: "plaintextCredential", field: `${variable(2)}.type` },
    ]),
    violates(codebuildProjectOutputs({ environment: [{ computeType: "BUILD_GENERAL1_SMALL", environmentVariables: [{ ...key, type: "PLAINTEXT" }] }] }), { code: "plaintextCredential" }),
    violates(codebuildProject(env({ ...key, type: 3 })), { code: "wrongType", field: `${variable(0)}.type` }),
    violates(codebuildProject(env({ name: ["AWS_ACCESS_KEY_ID"], value: BUILD_SECRET })), { code: "wrongType", field: `${variable(0)}.name` }),
    violates(codebuildProject({ environment: { environmentVariables: key } }), { code: "wrongType", field: "environment.environmentVariables" }),
    undecided(codebuildProject(env({ name: unknown, value: BUILD_SECRET })), `${variable(0)}.name`),
    undecided(codebuildProject(env({ ...key, type: unknown })), `${variable(0)}.type`),
    undecided(codebuildProject(env(unknown)), variable(0)),
    undecided(codebuildProject({ environment: unknown }), "environment"),
    garbage(codebuildProject(env({ name: secret("SECRET"), value: { SECRET: BUILD_SECRET } }, key, "SECRET", null)), undefined, [BUILD_SECRET]),
    noAutoRemediation(codebuildProject(env(key))),
]);

const url = (location: unknown) => ({ source: { type: "BITBUCKET", location } });

policyCases("aws-codebuild-source-url-no-credentials", [
    passes(codebuildProject()),
    passes(codebuildProjectOutputs()),
    passes(codebuildProject({ source: { type: "S3", location: "phi-builds/source.zip" }, secondarySources: undefined })),
    passes(codebuildProject({ source: { type: "NO_SOURCE", buildspec: "version: 0.2" } })),
    // A user name alone is no credential (Bitbucket's clone URLs carry one).
    passes(codebuildProject(url("https://jdoe@bitbucket.org/example/phi-app.git"))),
    violates(codebuildProject(url(`https://jdoe:${BUILD_SECRET}@bitbucket.org/example/phi-app.git`)), { code: "credentialsInUrl", field: "source.location" }),
    violates(codebuildProject({ source: { type: "GITHUB", location: `https://ghp_${BUILD_SECRET}@github.com/example/phi-app.git` } }), { code: "credentialsInUrl", field: "source.location" }),
    violates(codebuildProject({ secondarySources: [{ type: "GITLAB", location: `https://oauth2:${BUILD_SECRET}@gitlab.com/example/lib.git`, sourceIdentifier: "lib" }] }), {
        code: "credentialsInUrl",
        field: "secondarySources[0].location",
    }),
    violates(codebuildProjectOutputs({ source: [{ type: "BITBUCKET", location: `https://x-token-auth:${BUILD_SECRET}@bitbucket.org/example/phi-app.git`, buildspec: "" }] }), {
        code: "credentialsInUrl",
        field: "source.location",
    }),
    violates(codebuildProject(url(["https://github.com/example/phi-app.git"])), { code: "wrongType", field: "source.location" }),
    violates(codebuildProject({ secondarySources: { location: "x" } }), { code: "wrongType", field: "secondarySources" }),
    undecided(codebuildProject(url(unknown)), "source.location"),
    undecided(codebuildProject({ secondarySources: [unknown] }), "secondarySources[0]"),
    undecided(codebuildProject({ source: unknown }), "source"),
    garbage(codebuildProject({ source: { location: secret(`https://u:${BUILD_SECRET}@bitbucket.org/x.git`) }, secondarySources: [7, { location: { SECRET: 1 } }] }), undefined, [BUILD_SECRET]),
    noAutoRemediation(codebuildProject(url(`https://jdoe:${BUILD_SECRET}@bitbucket.org/example/phi-app.git`))),
]);
