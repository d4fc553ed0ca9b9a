import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { kinesisStream } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const cmk = { requireCustomerManagedKey: true };

policyCases("aws-kinesis-stream-encryption", [
    passes(kinesisStream()),
    passes(kinesisStream({ kmsKeyId: "alias/aws/kinesis" })),
    passes(kinesisStream({ kmsKeyId: unknown })),
    violates(kinesisStream({ encryptionType: undefined, kmsKeyId: undefined }), { code: "absentDefault", field: "encryptionType" }),
    violates(kinesisStream({ encryptionType: "NONE" }), { code: "notAllowed", field: "encryptionType" }),
    violates(kinesisStream({ encryptionType: "kms-please" }), { code: "unrecognised", field: "encryptionType" }),
    violates(kinesisStream({ encryptionType: true }), { code: "wrongType", field: "encryptionType" }),
    violates(kinesisStream({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }),
    undecided(kinesisStream({ encryptionType: unknown }), "encryptionType"),
    // requireCustomerManagedKey
    passes(kinesisStream(), cmk),
    passes(kinesisStream({ kmsKeyId: unknown }), cmk),
    violates(kinesisStream({ kmsKeyId: "alias/aws/kinesis" }), { code: "awsManagedKey", field: "kmsKeyId" }, cmk),
    violates(kinesisStream({ kmsKeyId: "arn:aws:kms:us-east-1:111122223333:alias/aws/kinesis" }), { code: "awsManagedKey", field: "kmsKeyId" }, cmk),
    violates(kinesisStream({ kmsKeyId: "" }), { code: "notSet", field: "kmsKeyId" }, cmk),
    // Outputs-shaped: "NONE" and "" when unencrypted.
    violates(kinesisStream({ encryptionType: "NONE", kmsKeyId: "" }), { code: "notAllowed", field: "encryptionType" }),
    garbage(kinesisStream({ encryptionType: secret("SECRET"), kmsKeyId: { SECRET: 1 } })),
    remediates(kinesisStream({ encryptionType: "NONE" }), "nothing"),
]);
