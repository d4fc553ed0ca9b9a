import { unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { GCP_KMS_KEY, runJob, runService, runServiceOutputs, runV1Service, runV1ServiceOutputs } from "../../factories";

const policy = "gcp-cloudrun-encryption-at-rest";
const key = "run.googleapis.com/encryption-key";
const v1Path = `template.metadata.annotations["${key}"]`;
const v2 = runService().props.template as Record<string, unknown>;

policyCases(policy, [
    passes(runService()),
    passes(runJob()),
    passes(runV1Service()),
    passes(runService({ template: { ...v2, encryptionKey: unknown } })),
    violates(runService({ template: { ...v2, encryptionKey: undefined } }), { code: "notSet", field: "template.encryptionKey" }),
    violates(runService({ template: undefined }), { code: "notSet", field: "template.encryptionKey" }),
    violates(runJob({ template: { template: { containers: [] } } }), { code: "notSet", field: "template.template.encryptionKey" }),
    violates(runV1Service({ template: { metadata: { annotations: {} } } }), { code: "notSet", field: v1Path }),
    violates(runV1Service({ template: undefined }), { code: "notSet", field: v1Path }),
    undecided(runService({ template: unknown }), "template"),
    undecided(runV1Service({ template: { metadata: unknown } }), "template.metadata"),
    violates(runService({ template: { ...v2, encryptionKey: 5 } }), { code: "wrongType", field: "template.encryptionKey" }),
    violates(runV1Service({ template: { metadata: { annotations: { [key]: [GCP_KMS_KEY] } } } }), { code: "wrongType", field: v1Path }),
    passes(runServiceOutputs()),
    passes(runV1ServiceOutputs()),
    violates(runServiceOutputs({ template: [{ encryptionKey: "", containers: [] }] }), { code: "notSet", field: "template.encryptionKey" }),
    violates(runV1ServiceOutputs({ template: [{ metadata: [{ annotations: {}, name: "" }], spec: [] }] }), { code: "notSet", field: v1Path }),
    garbage(runService({ template: "SECRET" })),
    garbage(runJob({ template: [unknown] })),
    garbage(runV1Service({ template: { metadata: [null] } })),
    noAutoRemediation(runService({ template: undefined })),
]);
