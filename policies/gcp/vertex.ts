// Vertex AI: Workbench notebook instances (and the deprecated user-managed notebooks) encrypt their
// disks with a customer-managed key and take no external IP; endpoints and datasets, which hold
// model inputs and training data, name a customer-managed key. Defaults are the provider's
// (gcp.workbench.InstanceArgs, gcp.notebooks.InstanceArgs, gcp.vertex.AiEndpointArgs / AiDatasetArgs).

import { cloudFact, gcpTypes } from "../lib/facts";
import { isOutcome, Outcome, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { Props } from "../lib/props";
import { blockOf, isSet, isTrue, unsetWhenEmpty, valueOf } from "../lib/rules";

export const workbenchInstance = "gcp:workbench/instance:Instance";
export const notebooksInstance = "gcp:notebooks/instance:Instance";
export const aiEndpoint = "gcp:vertex/aiEndpoint:AiEndpoint";
export const aiDataset = "gcp:vertex/aiDataset:AiDataset";

const diskEncryptionDefault = cloudFact(
    {
        about: "gcp.workbench.Instance gceSetup.bootDisk / dataDisks diskEncryption, gcp.notebooks.Instance diskEncryption",
        says: "omitted, disks are encrypted with a Google-managed key (GMEK); kmsKey is used only with CMEK",
        source: `${gcpTypes("workbench/instance")}; ${gcpTypes("notebooks/instance")}`,
    },
    "GMEK",
);
const publicIpDefault = cloudFact(
    {
        about: "gcp.workbench.Instance gceSetup.disablePublicIp, gcp.notebooks.Instance noPublicIp",
        says: "omitted or false, the instance's VM gets an external IP address",
        source: `${gcpTypes("workbench/instance")}; ${gcpTypes("notebooks/instance")}`,
    },
    false,
);

/** Disks encrypted with a customer-managed key: diskEncryption CMEK (state may leave it "", being input-only) and a key. */
function customerManagedDisk(props: Props, path: string, o: { keyField: string; cmek: string }): Outcome {
    const fix = `set ${path}diskEncryption: "${o.cmek}" and ${path}${o.keyField} to the id of a gcp.kms.CryptoKey`;
    const method = valueOf(unsetWhenEmpty(props.string("diskEncryption")), { path: `${path}diskEncryption`, expected: "a string", fix, absent: undefined });
    if (isOutcome(method)) return method;
    const key = props.string(o.keyField);
    if (method !== undefined && method !== o.cmek) {
        return violation({ code: "googleManagedKey", field: `${path}diskEncryption`, problem: `${path}diskEncryption is not ${o.cmek}, so the disks are encrypted only with a Google-managed key`, fix });
    }
    // Left out, diskEncryption is GMEK; state may leave the input-only field empty, and then the key tells.
    const missing = method === undefined && key.state !== "known" && key.state !== "unknown"
        ? `${path}diskEncryption is not set (${diskEncryptionDefault}) and no ${path}${o.keyField} is given, so the disks are encrypted only with a Google-managed key`
        : `${path}${o.keyField} is not set, so the disks have no customer-managed key`;
    return isSet(key, { path: `${path}${o.keyField}`, fix, missing });
}

function workbenchDisks(r: Props): Outcome[] {
    const fix = 'set gceSetup.bootDisk: { diskEncryption: "CMEK", kmsKey: <gcp.kms.CryptoKey id> }';
    const setup = blockOf(r.single("gceSetup"), { path: "gceSetup", fix });
    if (isOutcome(setup)) return [setup];
    const boot = blockOf(setup.single("bootDisk"), { path: "gceSetup.bootDisk", fix });
    if (isOutcome(boot)) return [boot];
    const outcomes = [customerManagedDisk(boot, "gceSetup.bootDisk.", { keyField: "kmsKey", cmek: "CMEK" })];
    // Data disks are optional: checked only when the instance has them.
    if (!setup.has("dataDisks")) return outcomes;
    const data = blockOf(setup.single("dataDisks"), { path: "gceSetup.dataDisks", fix });
    outcomes.push(isOutcome(data) ? data : customerManagedDisk(data, "gceSetup.dataDisks.", { keyField: "kmsKey", cmek: "CMEK" }));
    return outcomes;
}

function encryptionSpecKey(r: Props, type: string): Outcome {
    const fix = `set encryptionSpec: { kmsKeyName: <gcp.kms.CryptoKey id in the ${type === aiEndpoint ? "endpoint" : "dataset"}'s region> }`;
    const spec = blockOf(r.single("encryptionSpec"), { path: "encryptionSpec", fix });
    if (isOutcome(spec)) return spec;
    const missing = "encryptionSpec.kmsKeyName is not set, so Vertex AI encrypts it only with a Google-managed key";
    return isSet(spec.string("kmsKeyName"), { path: "encryptionSpec.kmsKeyName", fix, missing });
}

export const customerManagedKeys = defineResourcePolicy({
    name: "gcp-vertex-cmek",
    description: "Vertex AI Workbench and notebook instances encrypt their disks, and Vertex AI endpoints and datasets their data, with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [workbenchInstance, notebooksInstance, aiEndpoint, aiDataset],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "vertex-ai", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-vertex-ai-workbench-01"] },
    remediation:
        "On a `gcp.workbench.Instance` set `gceSetup.bootDisk` (and `gceSetup.dataDisks`) `{ diskEncryption: \"CMEK\", kmsKey: key.id }`; on a " +
        "`gcp.notebooks.Instance` set `diskEncryption: \"CMEK\"` and `kmsKey`; on a `gcp.vertex.AiEndpoint` or `AiDataset` set " +
        "`encryptionSpec: { kmsKeyName: key.id }` with a key in the same region. Grant the Vertex AI and Compute Engine service agents " +
        "`roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key first. The key can only be chosen at creation, so this replaces the resource.",
    check: r => {
        switch (r.type) {
            case workbenchInstance:
                return workbenchDisks(r.props);
            case notebooksInstance:
                return customerManagedDisk(r.props, "", { keyField: "kmsKey", cmek: "CMEK" });
            default:
                return encryptionSpecKey(r.props, r.type);
        }
    },
    noAutoRemediation: "the key can only be set when the resource is created, so the fix replaces it, and which key protects it is a person's choice",
});

export const noPublicIp = defineResourcePolicy({
    name: "gcp-vertex-notebook-no-public-ip",
    description: "Vertex AI Workbench and notebook instances take no external IP address, so the notebook VM that works on PHI is not reachable from the internet.",
    severity: "high",
    types: [workbenchInstance, notebooksInstance],
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "vertex-ai", "network"],
    anchors: { gcp: ["gcp-vertex-ai-workbench-01"] },
    remediation:
        "Set `gceSetup.disablePublicIp: true` on the `gcp.workbench.Instance` (or `noPublicIp: true` on a `gcp.notebooks.Instance`); reach it through the " +
        "Workbench proxy or IAP, and give the subnet Private Google Access (or Cloud NAT) for outbound package installs.",
    check: r => {
        // Omitted or false, the notebook's VM gets an external IP address.
        const absentMeans = publicIpDefault;
        if (r.type === notebooksInstance) return isTrue(r.props.boolean("noPublicIp"), { path: "noPublicIp", absentMeans });
        const setup = blockOf(r.props.single("gceSetup"), { path: "gceSetup", fix: "set gceSetup.disablePublicIp: true" });
        if (isOutcome(setup)) return setup;
        return isTrue(setup.boolean("disablePublicIp"), { path: "gceSetup.disablePublicIp", absentMeans });
    },
    noAutoRemediation: "removing the external IP cuts the notebook off from anything it reaches over the internet until a person adds Private Google Access or Cloud NAT",
});

export const policies = [customerManagedKeys, noPublicIp];
