import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, misconfigured, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { GCP_KMS_KEY, runJob, runService, runServiceOutputs, runV1Service, runV1ServiceOutputs } from "../../factories";

const policy = "gcp-cloudrun-env-secrets";
const PLAIN = "pw-SECRET-do-not-echo";
const withEnvs = (envs: unknown) => runService({ template: { encryptionKey: GCP_KMS_KEY, containers: [{ image: "i", envs }] } });

policyCases(policy, [
    passes(runService()),
    passes(runJob()),
    passes(runV1Service()),
    passes(withEnvs([{ name: "DATABASE_HOST", value: "10.0.0.5" }])),
    violates(withEnvs([{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD", value: PLAIN }]), { code: "plainSecret", field: "template.containers[0].envs[1].value" }),
    violates(withEnvs([{ name: "stripe-api-key", value: unknown }]), { code: "plainSecret", field: "template.containers[0].envs[0].value" }),
    violates(runJob({ template: { template: { encryptionKey: GCP_KMS_KEY, containers: [{ envs: [{ name: "GITHUB_TOKEN", value: PLAIN }] }] } } }), { code: "plainSecret", field: "template.template.containers[0].envs[0].value" }),
    violates(runV1Service({ template: { spec: { containers: [{ envs: [{ name: "ClientSecret", value: PLAIN }] }] } } }), { code: "plainSecret", field: "template.spec.containers[0].envs[0].value" }),
    passes(withEnvs([{ name: "DB_PASSWORD", value: "" }])),
    undecided(withEnvs([{ name: unknown, value: PLAIN }]), "template.containers[0].envs[0].name"),
    undecided(withEnvs(unknown), "template.containers[0].envs"),
    undecided(runService({ template: { containers: unknown } }), "template.containers"),
    violates(withEnvs([{ name: 5, value: PLAIN }]), { code: "wrongType", field: "template.containers[0].envs[0].name" }),
    // The knob: which name parts mark a secret.
    passes(withEnvs([{ name: "DB_PASSWORD", value: PLAIN }]), { secretNameParts: ["apikey"] }),
    violates(withEnvs([{ name: "PHI_SALT", value: PLAIN }]), { code: "plainSecret" }, { secretNameParts: ["salt"] }),
    misconfigured(runService(), { secretNameParts: ["Pass Word"] }, "secretNameParts"),
    passes(runServiceOutputs()),
    passes(runV1ServiceOutputs()),
    violates(runServiceOutputs({ template: [{ encryptionKey: GCP_KMS_KEY, containers: [{ envs: [{ name: "DB_PASSWORD", value: PLAIN, valueSource: null }] }] }] }), { code: "plainSecret", field: "template.containers[0].envs[0].value" }),
    garbage(withEnvs([{ name: "DB_PASSWORD", value: secret(PLAIN) }]), undefined, [PLAIN]),
    garbage(withEnvs([{ name: secret("API_TOKEN"), value: PLAIN }, null, 3, "x"]), undefined, [PLAIN]),
    garbage(runService({ template: { containers: [{ envs: { DB_PASSWORD: PLAIN } }] } }), undefined, [PLAIN]),
    noAutoRemediation(withEnvs([{ name: "DB_PASSWORD", value: PLAIN }])),
]);
