import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, misconfigured, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { cloudFunction, cloudFunctionOutputs, cloudFunctionV2, cloudFunctionV2Outputs } from "../../factories";

const policy = "gcp-cloudfunctions-env-secrets";
const PLAIN = "tok-SECRET-do-not-echo";
const service = cloudFunctionV2().props.serviceConfig as Record<string, unknown>;
const build = cloudFunctionV2().props.buildConfig as Record<string, unknown>;

policyCases(policy, [
    passes(cloudFunction()),
    passes(cloudFunctionV2()),
    violates(cloudFunction({ environmentVariables: { LOG_LEVEL: "info", DB_PASSWORD: PLAIN } }), { code: "plainSecret", field: "environmentVariables" }),
    violates(cloudFunction({ environmentVariables: { API_KEY: PLAIN, "auth-token": unknown } }), { code: "plainSecret", field: "environmentVariables" }),
    violates(cloudFunction({ buildEnvironmentVariables: { NPM_TOKEN: PLAIN } }), { code: "plainSecret", field: "buildEnvironmentVariables" }),
    violates(cloudFunctionV2({ serviceConfig: { ...service, environmentVariables: { PRIVATE_KEY: PLAIN } } }), { code: "plainSecret", field: "serviceConfig.environmentVariables" }),
    violates(cloudFunctionV2({ buildConfig: { ...build, environmentVariables: { GIT_CREDENTIALS: PLAIN } } }), { code: "plainSecret", field: "buildConfig.environmentVariables" }),
    passes(cloudFunction({ environmentVariables: { DB_PASSWORD: "" } })),
    undecided(cloudFunction({ environmentVariables: unknown }), "environmentVariables"),
    undecided(cloudFunctionV2({ serviceConfig: unknown }), "serviceConfig"),
    violates(cloudFunction({ environmentVariables: "DB_PASSWORD=x" }), { code: "wrongType", field: "environmentVariables" }),
    passes(cloudFunction({ environmentVariables: { DB_PASSWORD: PLAIN } }), { secretNameParts: ["apikey"] }),
    violates(cloudFunction({ environmentVariables: { MRN_PEPPER: PLAIN } }), { code: "plainSecret" }, { secretNameParts: ["pepper"] }),
    misconfigured(cloudFunction(), { secretNameParts: "password" }, "secretNameParts"),
    passes(cloudFunctionOutputs()),
    passes(cloudFunctionV2Outputs()),
    violates(cloudFunctionV2Outputs({ serviceConfig: [{ ...service, environmentVariables: { DB_PASSWORD: PLAIN } }] }), { code: "plainSecret", field: "serviceConfig.environmentVariables" }),
    garbage(cloudFunction({ environmentVariables: { DB_PASSWORD: secret(PLAIN) } }), undefined, [PLAIN, "DB_PASSWORD"]),
    garbage(cloudFunction({ environmentVariables: { [PLAIN]: PLAIN } }), undefined, [PLAIN]),
    garbage(cloudFunctionV2({ serviceConfig: { environmentVariables: [PLAIN] }, buildConfig: "x" }), undefined, [PLAIN]),
    noAutoRemediation(cloudFunction({ environmentVariables: { DB_PASSWORD: PLAIN } })),
]);
