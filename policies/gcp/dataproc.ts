// Dataproc controls: clusters encrypt their disks with a customer-managed key, have no external IP
// addresses, run in Kerberos secure mode, sit in allowed regions, and no cluster or job is granted to
// the public. Defaults are the provider's (gcp.dataproc.ClusterArgs, types/input dataproc.ClusterClusterConfig*).

import { booleanAttribute, cloudFact, gcpTypes, stringAttribute } from "../lib/facts";
import { publicIamGrants } from "../lib/gcp-iam";
import { booleanKnob } from "../lib/knobs";
import { pass } from "../lib/outcome";
import { defineResourcePolicy } from "../lib/policy";
import { Props, Read } from "../lib/props";
import { isSet, isTrue } from "../lib/rules";
import { inAllowedLocations, locationKnobs, unconfigured } from "./locations";

export const cluster = "gcp:dataproc/cluster:Cluster";
const iamTypes = ["cluster", "job"].flatMap(k => ["Member", "Binding", "Policy"].map(s => `gcp:dataproc/${k}IAM${s}:${k[0].toUpperCase()}${k.slice(1)}IAM${s}`));
const inputSource = `${gcpTypes("types/input")} (dataproc.ClusterClusterConfig*)`;

const kmsKeyName = stringAttribute({ types: [cluster], block: "clusterConfig.encryptionConfig", field: "kmsKeyName", source: inputSource });
const internalIpOnly = booleanAttribute({
    types: [cluster],
    block: "clusterConfig.gceClusterConfig",
    field: "internalIpOnly",
    default: false,
    source: `${inputSource} ("By default, clusters are not restricted to internal IP addresses"); Dataproc documents image 2.2 and later as internal-IP-only by default, so the pack reports an omitted value and asks for it to be explicit`,
});
const enableKerberos = booleanAttribute({ types: [cluster], block: "clusterConfig.securityConfig.kerberosConfig", field: "enableKerberos", default: false, source: inputSource });
const region = cloudFact({ about: "gcp.dataproc.Cluster region", says: 'defaults to "global"', source: gcpTypes("dataproc/cluster") }, "global");

/** `field` of the block at the dotted `path` (each level an object or a one-element list); "" reads as absent. */
function nested<K extends "boolean" | "string">(props: Props, path: string, field: string, kind: K): Read<K extends "boolean" ? boolean : string> {
    let current: Read<Props> = { state: "known", value: props };
    for (const key of path.split(".")) {
        if (current.state !== "known") break;
        current = current.value.single(key);
    }
    if (current.state !== "known") return (current.state === "wrongType" ? { state: "wrongType", value: current.value } : current) as never;
    const read = kind === "boolean" ? current.value.boolean(field) : current.value.string(field);
    return (read.state === "known" && read.value === "" ? { state: "absent" } : read) as never;
}

const meta = { types: [cluster], hitrust: ["0805.01m1"] } as const;

export const encryptionAtRest = defineResourcePolicy({
    name: "gcp-dataproc-encryption-at-rest",
    description: "Dataproc clusters encrypt their persistent disks and cluster data with a customer-managed Cloud KMS key.",
    severity: "high",
    types: meta.types,
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["1903.06d1", "19141.06c1", "0903.10f1"],
    tags: ["gcp", "dataproc", "encryption", "encryption-at-rest"],
    anchors: { gcp: ["gcp-dataproc-01"], checkov: ["CKV_GCP_91"] },
    remediation:
        "Set `clusterConfig.encryptionConfig.kmsKeyName` on the `gcp.dataproc.Cluster` to the id of a `gcp.kms.CryptoKey`, after granting the Compute Engine " +
        "and Dataproc service agents `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. Set `allowGoogleManagedKeys: true` in this policy's config if Google-managed keys are acceptable.",
    knobs: { allowGoogleManagedKeys: booleanKnob({ default: false, description: "Accept Dataproc's default Google-managed disk encryption instead of requiring a KMS key." }) },
    check: (r, config) =>
        config.allowGoogleManagedKeys
            ? pass
            : isSet(nested(r.props, kmsKeyName.block!, kmsKeyName.field, "string"), {
                  path: kmsKeyName.path,
                  fix: `set ${kmsKeyName.path} to the id of a gcp.kms.CryptoKey`,
                  missing: `${kmsKeyName.path} is not set, so the cluster's disks are encrypted only with a Google-managed key`,
              }),
    noAutoRemediation: "the key is chosen when the cluster is created, so the fix replaces it",
});

export const internalIp = defineResourcePolicy({
    name: "gcp-dataproc-internal-ip",
    description: "Dataproc cluster VMs have internal IP addresses only.",
    severity: "high",
    types: meta.types,
    hipaa: ["164.312(a)(1)"],
    hitrust: meta.hitrust,
    tags: ["gcp", "dataproc", "network", "access-control"],
    anchors: { gcp: ["gcp-dataproc-02"], checkov: ["CKV_GCP_103"] },
    remediation:
        "Set `clusterConfig.gceClusterConfig.internalIpOnly: true` on the `gcp.dataproc.Cluster`, on a subnetwork with Private Google Access, and give the " +
        "cluster outbound access through Cloud NAT if it needs it. Omitted, older images give every VM an external IP (2.2 and later default to internal only), so set it explicitly.",
    check: r =>
        isTrue(nested(r.props, internalIpOnly.block!, internalIpOnly.field, "boolean"), {
            path: internalIpOnly.path,
            absentMeans: false,
            fix: `set ${internalIpOnly.path}: true`,
        }),
    noAutoRemediation: "the setting is fixed when the cluster is created, and jobs that reach the internet need Cloud NAT first",
});

export const kerberos = defineResourcePolicy({
    name: "gcp-dataproc-kerberos",
    description: "Dataproc clusters run in secure mode: Kerberos authenticates users and services inside the cluster.",
    severity: "medium",
    types: meta.types,
    hipaa: ["164.312(d)", "164.312(a)(1)"],
    hitrust: ["01.q"],
    tags: ["gcp", "dataproc", "authentication"],
    anchors: { gcp: ["gcp-dataproc-04"] },
    remediation:
        "Set `clusterConfig.securityConfig.kerberosConfig: { enableKerberos: true, kmsKeyUri: key.id, rootPrincipalPasswordUri: \"gs://…/root-password.encrypted\" }` " +
        "on the `gcp.dataproc.Cluster` (Kerberos is off unless set). Personal Cluster Authentication is an alternative for single-user clusters: waive the policy for those.",
    check: r =>
        isTrue(nested(r.props, enableKerberos.block!, enableKerberos.field, "boolean"), {
            path: enableKerberos.path,
            absentMeans: false,
        }),
    noAutoRemediation: "Kerberos needs a KMS-encrypted root principal password a person provides, and is set when the cluster is created",
});

export const noPublicAccess = defineResourcePolicy({
    name: "gcp-dataproc-no-public-access",
    description: "No Dataproc cluster or job grants access to allUsers or allAuthenticatedUsers.",
    severity: "critical",
    types: iamTypes,
    hipaa: ["164.312(a)(1)"],
    hitrust: ["0805.01m1", "01.c"],
    tags: ["gcp", "dataproc", "access-control", "public-access"],
    anchors: { gcp: ["gcp-dataproc-03"], checkov: ["CKV_GCP_98"] },
    remediation: "Remove `allUsers` and `allAuthenticatedUsers` from every `gcp.dataproc.ClusterIAMMember`/`ClusterIAMBinding`/`ClusterIAMPolicy` and `JobIAM*` resource.",
    check: r => publicIamGrants(r.type, r.props, r.type.includes("/cluster") ? "the cluster" : "the job"),
    noAutoRemediation: "removing a grant cuts off whoever relies on it; a person decides who should have access instead",
});

export const location = defineResourcePolicy({
    name: "gcp-dataproc-location",
    description: "Dataproc clusters run in the regions the organization allows (data residency), once allowedLocations is configured.",
    severity: "medium",
    types: meta.types,
    hipaa: ["164.308(a)(1)(ii)(B)"],
    hitrust: ["0903.10f1"],
    tags: ["gcp", "dataproc", "data-residency"],
    anchors: { gcp: ["gcp-dataproc-05"] },
    remediation: "Set `region` on the `gcp.dataproc.Cluster` to one of this policy's `allowedLocations` (omitted, it is `global`, which places the cluster anywhere).",
    knobs: locationKnobs,
    check: (r, config) => unconfigured(config.allowedLocations) ?? inAllowedLocations(r.props.string("region"), { path: "region", allowed: config.allowedLocations, absentMeans: region }),
    noAutoRemediation: "a cluster's region is fixed when it is created",
});

export const policies = [encryptionAtRest, internalIp, noPublicAccess, kerberos, location];

