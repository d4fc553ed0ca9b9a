import { isOutcome, Outcome } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { isSet, valueOf } from "../../lib/rules";
import { blockAtPath, jobV2, keyAnnotation, serviceV1, serviceV2 } from "./facts";

const missing = (path: string) => `${path} is not set, so the service's image and data are encrypted with a Google-managed key`;

function v1Key(props: Props): Outcome {
    const path = `template.metadata.annotations["${keyAnnotation}"]`;
    const fix = `set ${path} to a Cloud KMS key`;
    const metadata = blockAtPath(props, ["template", "metadata"], fix);
    if (isOutcome(metadata)) return metadata;
    const annotations = valueOf(metadata.object("annotations"), { path: "template.metadata.annotations", expected: "a map of strings", fix, absent: undefined });
    if (isOutcome(annotations)) return annotations;
    return isSet(annotations ? annotations.string(keyAnnotation) : { state: "absent" }, { path, fix, missing: missing(path) });
}

function v2Key(props: Props, blocks: readonly string[]): Outcome {
    const path = [...blocks, "encryptionKey"].join(".");
    const fix = `set ${path} to a Cloud KMS key`;
    const template = blockAtPath(props, blocks, fix);
    if (isOutcome(template)) return template;
    return isSet(template.string("encryptionKey"), { path, fix, missing: missing(path) });
}

export default defineResourcePolicy({
    name: "gcp-cloudrun-encryption-at-rest",
    description: "Cloud Run services and jobs encrypt their container images and data with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [serviceV1, serviceV2, jobV2],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "cloudrun", "encryption", "cmek"],
    anchors: { gcp: ["gcp-cloud-run-03"] },
    remediation:
        "Set `template.encryptionKey` on a `gcp.cloudrunv2.Service` (`template.template.encryptionKey` on a `gcp.cloudrunv2.Job`) or " +
        `\`template.metadata.annotations["${keyAnnotation}"]\` on a \`gcp.cloudrun.Service\` to a Cloud KMS key in the service's region, and grant the Cloud Run ` +
        "service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it.",
    check: r => (r.type === serviceV1 ? v1Key(r.props) : r.type === jobV2 ? v2Key(r.props, ["template", "template"]) : v2Key(r.props, ["template"])),
    noAutoRemediation: "which key protects the service is a person's choice, and its service agent needs access to the key first",
});
