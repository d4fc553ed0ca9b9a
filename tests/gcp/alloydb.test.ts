import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { alloydbCluster, alloydbInstance } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const ssl = "clientConnectionConfig.sslConfig.sslMode";
const publicIp = "networkConfig.enablePublicIp";

policyCases("gcp-alloydb-encryption-at-rest", [
    passes(alloydbCluster()),
    passes(alloydbCluster({ encryptionConfig: { kmsKeyName: unknown } })),
    violates(alloydbCluster({ encryptionConfig: undefined }), { code: "notSet", field: "encryptionConfig.kmsKeyName" }),
    violates(alloydbCluster({ encryptionConfig: [{ kmsKeyName: "" }] }), { code: "notSet", field: "encryptionConfig.kmsKeyName" }),
    violates(alloydbCluster({ encryptionConfig: { kmsKeyName: 1 } }), { code: "wrongType", field: "encryptionConfig.kmsKeyName" }),
    passes(alloydbCluster({ encryptionConfig: undefined }), { allowGoogleManagedKeys: true }),
    garbage(alloydbCluster({ encryptionConfig: secret({ kmsKeyName: "SECRET" }) })),
    remediates(alloydbCluster({ encryptionConfig: undefined }), "nothing"),
]);

policyCases("gcp-alloydb-no-public-ip", [
    passes(alloydbInstance()),
    passes(alloydbInstance({ networkConfig: undefined })),
    violates(alloydbInstance({ networkConfig: { enablePublicIp: true } }), { code: "notAllowed", field: publicIp }),
    violates(alloydbInstance({ networkConfig: [{ enablePublicIp: true, authorizedExternalNetworks: [{ cidrRange: "0.0.0.0/0" }] }] }), { code: "notAllowed", field: publicIp }),
    violates(alloydbInstance({ networkConfig: { enablePublicIp: "no" } }), { code: "wrongType", field: publicIp }),
    undecided(alloydbInstance({ networkConfig: unknown }), publicIp),
    garbage(alloydbInstance({ networkConfig: { enablePublicIp: secret("SECRET") } })),
]);

policyCases("gcp-alloydb-require-tls", [
    passes(alloydbInstance()),
    passes(alloydbInstance({ clientConnectionConfig: [{ requireConnectors: false, sslConfig: [{ sslMode: "ENCRYPTED_ONLY" }] }] })),
    violates(alloydbInstance({ clientConnectionConfig: undefined }), { code: "notSet", field: ssl }),
    violates(alloydbInstance({ clientConnectionConfig: [{ sslConfig: [{ sslMode: "" }] }] }), { code: "notSet", field: ssl }),
    violates(alloydbInstance({ clientConnectionConfig: { sslConfig: { sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" } } }), { code: "notAllowed", field: ssl }),
    violates(alloydbInstance({ clientConnectionConfig: { sslConfig: { sslMode: "encrypted" } } }), { code: "unrecognised", field: ssl }),
    undecided(alloydbInstance({ clientConnectionConfig: { sslConfig: unknown } }), ssl),
    garbage(alloydbInstance({ clientConnectionConfig: { sslConfig: { sslMode: secret("SECRET") } } })),
    remediates(alloydbInstance({ clientConnectionConfig: undefined }), "nothing"),
]);
