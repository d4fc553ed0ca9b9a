import { isOutcome, pass, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { blockOf, isSet, oneOf } from "../../lib/rules";
import { cluster, databaseEncryptionStates } from "./facts";

const fix = 'set databaseEncryption: { state: "ENCRYPTED", keyName: <a Cloud KMS key> }';

export default defineResourcePolicy({
    name: "gcp-gke-secrets-encryption",
    description: "GKE clusters encrypt Kubernetes Secrets in etcd at the application layer with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "gke", "encryption", "cmek"],
    anchors: { gcp: ["gcp-gke-08"] },
    remediation:
        "Set `databaseEncryption: { state: \"ENCRYPTED\", keyName: key.id }` on the `gcp.container.Cluster` (the default is DECRYPTED) with a key in the cluster's region, " +
        "and grant the GKE service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it.",
    check: r => {
        const read = r.props.single("databaseEncryption");
        const block = blockOf(read, { path: "databaseEncryption", fix });
        if (isOutcome(block)) return block;
        if (read.state === "absent") return violation({ code: "absentDefault", field: "databaseEncryption.state", problem: "databaseEncryption is not set, so Secrets are not encrypted with a customer-managed key", fix });
        const state = oneOf(block.string("state"), { path: "databaseEncryption.state", allowed: ["ENCRYPTED"], known: databaseEncryptionStates, absentMeans: "DECRYPTED", fix });
        if (state.kind !== "pass") return state;
        return [pass, isSet(block.string("keyName"), { path: "databaseEncryption.keyName", fix })];
    },
    noAutoRemediation: "which key encrypts the Secrets is a person's choice",
});
