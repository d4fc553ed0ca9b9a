// AlloyDB for PostgreSQL: clusters encrypted with a customer-managed key, instances without a
// public IP, and only TLS connections.

import { booleanAttribute, gcpTypes, stringAttribute } from "../lib/facts";
import { booleanKnob } from "../lib/knobs";
import { pass, violation } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { Props, Read } from "../lib/props";
import { isFalse, isSet, oneOf } from "../lib/rules";

export const cluster = "gcp:alloydb/cluster:Cluster";
export const instance = "gcp:alloydb/instance:Instance";
const inputSource = `${gcpTypes("types/input")} (alloydb.ClusterEncryptionConfig, InstanceNetworkConfig, InstanceClientConnectionConfigSslConfig)`;

const kmsKeyName = stringAttribute({ types: [cluster], block: "encryptionConfig", field: "kmsKeyName", source: inputSource });
const enablePublicIp = booleanAttribute({ types: [instance], block: "networkConfig", field: "enablePublicIp", default: false, source: `${inputSource}: public IP is opt-in ("Enabling public ip for the instance")` });
const sslMode = stringAttribute({
    types: [instance],
    block: "clientConnectionConfig.sslConfig",
    field: "sslMode",
    values: ["ENCRYPTED_ONLY", "ALLOW_UNENCRYPTED_AND_ENCRYPTED"],
    source: `${inputSource} lists the values but no default, so the pack asks for ENCRYPTED_ONLY explicitly`,
});

/** `field` of the block at the dotted `path`, each level an object or a one-element list; "" reads as absent. */
function nested<T>(props: Props, path: string, read: (p: Props) => Read<T>): Read<T> {
    let current: Read<Props> = { state: "known", value: props };
    for (const key of path.split(".")) {
        if (current.state !== "known") break;
        current = current.value.single(key);
    }
    if (current.state !== "known") return current.state === "wrongType" ? { state: "wrongType", value: current.value } : current;
    const value = read(current.value);
    return value.state === "known" && value.value === "" ? { state: "absent" } : value;
}

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-alloydb-encryption-at-rest",
    description: "AlloyDB clusters encrypt their data with a customer-managed Cloud KMS key.",
    severity: "high",
    types: [cluster],
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "alloydb", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-alloydb-01"] },
    remediation:
        "Set `encryptionConfig: { kmsKeyName: key.id }` on the `gcp.alloydb.Cluster`, with a key in the cluster's region, after granting the AlloyDB service agent " +
        "`roles/cloudkms.cryptoKeyEncrypterDecrypter` on it (also set `automatedBackupPolicy.encryptionConfig` and `continuousBackupConfig.encryptionConfig`). " +
        "Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: { allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept AlloyDB's default Google-managed encryption instead of requiring encryptionConfig.kmsKeyName." }) },
    check: (r, config) =>
        config.allowGoogleManagedKeys
            ? pass
            : isSet(nested(r.props, "encryptionConfig", p => p.string("kmsKeyName")), {
                  path: kmsKeyName.path,
                  fix: `set ${kmsKeyName.path} to the id of a gcp.kms.CryptoKey`,
                  missing: `${kmsKeyName.path} is not set, so the cluster is encrypted only with a Google-managed key`,
              }),
    noAutoRemediation: "the key is chosen when the cluster is created, so the fix replaces it",
});

export const noPublicIp = defineResourcePolicy({
    name: "gcp-alloydb-no-public-ip",
    description: "AlloyDB instances have no public IP address.",
    severity: "high",
    types: [instance],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["gcp", "alloydb", "network", "access-control"],
    anchors: { gcp: ["gcp-alloydb-01"] },
    remediation: "Remove `networkConfig.enablePublicIp` (or set it to false) and `networkConfig.authorizedExternalNetworks` from the `gcp.alloydb.Instance`; connect over private services access, PSC or the AlloyDB Auth Proxy.",
    check: r => isFalse(nested(r.props, "networkConfig", p => p.boolean("enablePublicIp")), { path: enablePublicIp.path, absentMeans: false }),
    noAutoRemediation: "clients on the public address lose access until a person gives them a private path",
});

export const requireTls = defineResourcePolicy({
    name: "gcp-alloydb-require-tls",
    description: "AlloyDB instances accept only TLS-encrypted connections (clientConnectionConfig.sslConfig.sslMode ENCRYPTED_ONLY).",
    severity: "critical",
    types: [instance],
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2", "0903.10f1"],
    tags: ["gcp", "alloydb", "encryption", "encryption-in-transit"],
    anchors: { gcp: ["gcp-alloydb-01"] },
    remediation:
        "Set `clientConnectionConfig: { sslConfig: { sslMode: \"ENCRYPTED_ONLY\" } }` on the `gcp.alloydb.Instance` (optionally `requireConnectors: true` " +
        "to allow only the AlloyDB Auth Proxy and connectors). The provider documents no default, so set it explicitly.",
    check: r => {
        const read = nested(r.props, "clientConnectionConfig.sslConfig", p => p.string("sslMode"));
        const fix = `set ${sslMode.path}: "ENCRYPTED_ONLY"`;
        if (read.state === "absent") return violation({ code: "notSet", field: sslMode.path, problem: `${sslMode.path} is not set, so the instance's TLS requirement is left to the service default`, fix });
        return oneOf(read, { path: sslMode.path, allowed: ["ENCRYPTED_ONLY"], known: sslMode.values ?? [], fix });
    },
    noAutoRemediation: "clients that connect without TLS lose access until a person moves them to TLS or the Auth Proxy",
});

export const policies = [encryptionAtRest, noPublicIp, requireTls];
