import { Case, garbage, notApplicable, passes, policyCases, remediates, undecided, violates } from "../cases";
import { dataprocCluster, GCP_KMS_KEY } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const config = (changes: Record<string, unknown>) => ({ clusterConfig: { ...(dataprocCluster().props.clusterConfig as Record<string, unknown>), ...changes } });
const key = "clusterConfig.encryptionConfig.kmsKeyName";
const ip = "clusterConfig.gceClusterConfig.internalIpOnly";
const kerberos = "clusterConfig.securityConfig.kerberosConfig.enableKerberos";
const us = { allowedLocations: ["us-central1"] };

policyCases("gcp-dataproc-encryption-at-rest", [
    passes(dataprocCluster()),
    passes(dataprocCluster(config({ encryptionConfig: { kmsKeyName: unknown } }))),
    passes(dataprocCluster({ clusterConfig: unknown })),
    violates(dataprocCluster(config({ encryptionConfig: undefined })), { code: "notSet", field: key }),
    violates(dataprocCluster({ clusterConfig: undefined }), { code: "notSet", field: key }),
    violates(dataprocCluster({ clusterConfig: [{ encryptionConfig: [{ kmsKeyName: "" }] }] }), { code: "notSet", field: key }),
    passes(dataprocCluster({ clusterConfig: [{ encryptionConfig: [{ kmsKeyName: GCP_KMS_KEY }] }] })),
    violates(dataprocCluster(config({ encryptionConfig: { kmsKeyName: 1 } })), { code: "wrongType", field: key }),
    passes(dataprocCluster({ clusterConfig: undefined }), { allowGoogleManagedKeys: true }),
    garbage(dataprocCluster({ clusterConfig: { encryptionConfig: secret({ kmsKeyName: "SECRET" }) } })),
    remediates(dataprocCluster({ clusterConfig: undefined }), "nothing"),
]);

policyCases("gcp-dataproc-internal-ip", [
    passes(dataprocCluster()),
    violates(dataprocCluster(config({ gceClusterConfig: { subnetwork: "s" } })), { code: "absentDefault", field: ip }),
    violates(dataprocCluster(config({ gceClusterConfig: { internalIpOnly: false } })), { code: "notAllowed", field: ip }),
    violates(dataprocCluster(config({ gceClusterConfig: { internalIpOnly: "true" } })), { code: "wrongType", field: ip }),
    undecided(dataprocCluster(config({ gceClusterConfig: { internalIpOnly: unknown } })), ip),
    passes(dataprocCluster({ clusterConfig: [{ gceClusterConfig: [{ internalIpOnly: true, tags: [] }] }] })),
    garbage(dataprocCluster({ clusterConfig: { gceClusterConfig: "SECRET" } })),
    remediates(dataprocCluster(config({ gceClusterConfig: {} })), "nothing"),
]);

policyCases("gcp-dataproc-kerberos", [
    passes(dataprocCluster()),
    violates(dataprocCluster(config({ securityConfig: undefined })), { code: "absentDefault", field: kerberos }),
    violates(dataprocCluster(config({ securityConfig: { kerberosConfig: { enableKerberos: false } } })), { code: "notAllowed", field: kerberos }),
    undecided(dataprocCluster(config({ securityConfig: unknown })), kerberos),
    garbage(dataprocCluster(config({ securityConfig: { kerberosConfig: { enableKerberos: secret("SECRET"), rootPrincipalPasswordUri: secret("SECRET") } } }))),
    remediates(dataprocCluster(config({ securityConfig: undefined })), "nothing"),
]);

policyCases("gcp-dataproc-no-public-access", [
    passes({ type: "gcp:dataproc/clusterIAMMember:ClusterIAMMember", name: "m", props: { cluster: "spark", role: "roles/dataproc.viewer", member: "group:a@example.com" } }),
    violates({ type: "gcp:dataproc/clusterIAMMember:ClusterIAMMember", name: "m", props: { cluster: "spark", role: "roles/dataproc.viewer", member: "allUsers" } }, { code: "publicPrincipal", field: "member" }),
    violates({ type: "gcp:dataproc/jobIAMBinding:JobIAMBinding", name: "b", props: { jobId: "j", role: "roles/dataproc.viewer", members: ["allAuthenticatedUsers"] } }, { code: "publicPrincipal", field: "members[0]" }),
    undecided({ type: "gcp:dataproc/clusterIAMPolicy:ClusterIAMPolicy", name: "p", props: { cluster: "spark", policyData: unknown } }, "policyData"),
    garbage({ type: "gcp:dataproc/clusterIAMMember:ClusterIAMMember", name: "m", props: { member: secret("SECRET") } }),
]);

policyCases("gcp-dataproc-location", [
    notApplicable(dataprocCluster(), /no allowedLocations/),
    passes(dataprocCluster(), us),
    // Omitted, the region is "global".
    violates(dataprocCluster({ region: undefined }), { code: "locationNotAllowed", field: "region" }, us),
    passes(dataprocCluster({ region: undefined }), { allowedLocations: ["global"] }),
    violates(dataprocCluster({ region: "europe-west4" }), { code: "locationNotAllowed", field: "region" }, us),
    undecided(dataprocCluster({ region: unknown }), "region", us),
    { kind: "garbage", resource: dataprocCluster({ region: secret("SECRET") }), knobs: us } as Case,
]);
