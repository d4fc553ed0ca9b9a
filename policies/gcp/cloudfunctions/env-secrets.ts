import { isOutcome, Outcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf } from "../../lib/rules";
import { envKnobs, envMap } from "../serverless-env";
import { functionTypes, functionV1 } from "./facts";

export default defineResourcePolicy({
    name: "gcp-cloudfunctions-env-secrets",
    description: "Cloud Functions take secrets from Secret Manager, not from plain-text runtime or build environment variables (judged by the variables' names).",
    severity: "high",
    types: functionTypes,
    hipaa: ["164.312(a)(1)", "164.308(a)(5)(ii)(D)"],
    hitrust: ["01.c", "01.v"],
    tags: ["gcp", "cloudfunctions", "secrets"],
    anchors: { gcp: ["gcp-cloud-run-functions-01"] },
    remediation:
        "Store the value in a `gcp.secretmanager.Secret` and reference it with `secretEnvironmentVariables` (`serviceConfig.secretEnvironmentVariables` on a " +
        "`gcp.cloudfunctionsv2.Function`) instead of `environmentVariables`/`buildEnvironmentVariables`; grant the function's account `roles/secretmanager.secretAccessor`.",
    knobs: envKnobs,
    check: (r, config) => {
        const parts = config.secretNameParts;
        if (r.type === functionV1) {
            return [
                ...envMap(r.props, { key: "environmentVariables", path: "environmentVariables", parts, ref: "secretEnvironmentVariables" }),
                ...envMap(r.props, { key: "buildEnvironmentVariables", path: "buildEnvironmentVariables", parts, ref: "Secret Manager in the build" }),
            ];
        }
        const out: Outcome[] = [];
        for (const [block, ref] of [["serviceConfig", "serviceConfig.secretEnvironmentVariables"], ["buildConfig", "Secret Manager in the build"]] as const) {
            const props = blockOf(r.props.single(block), { path: block, fix: `set ${block} to a block` });
            if (isOutcome(props)) out.push(props);
            else out.push(...envMap(props, { key: "environmentVariables", path: `${block}.environmentVariables`, parts, ref }));
        }
        return out;
    },
    noAutoRemediation: "moving a value into Secret Manager needs the secret created and access granted first",
});
