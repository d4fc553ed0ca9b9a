import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { efsFileSystem } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

policyCases("aws-efs-encrypted", [
    passes(efsFileSystem()),
    passes(efsFileSystem({ kmsKeyId: undefined })),
    // A deployed file system's outputs: every default filled in, "" for what is unset.
    passes(efsFileSystem({ kmsKeyId: "", throughputMode: "bursting", lifecyclePolicies: [], protection: [{ replicationOverwrite: "ENABLED" }] })),
    violates(efsFileSystem({ encrypted: undefined }), { code: "absentDefault", field: "encrypted" }),
    violates(efsFileSystem({ encrypted: false, kmsKeyId: undefined }), { code: "notAllowed", field: "encrypted" }),
    violates(efsFileSystem({ encrypted: "true" }), { code: "wrongType", field: "encrypted" }),
    undecided(efsFileSystem({ encrypted: unknown }), "encrypted"),
    garbage(efsFileSystem({ encrypted: secret("SECRET"), kmsKeyId: { SECRET: [unknown] } })),
    // Encryption is fixed at creation: changing it would replace the file system and its data.
    remediates(efsFileSystem({ encrypted: false }), "nothing"),
]);
