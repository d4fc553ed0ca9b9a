import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { encryptionByDefault } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("aws-ebs-encryption-by-default", [
    passes(encryptionByDefault()),
    // enabled defaults to true.
    passes(encryptionByDefault({ enabled: undefined })),
    violates(encryptionByDefault({ enabled: false }), { code: "notAllowed", field: "enabled" }),
    violates(encryptionByDefault({ enabled: "false" }), { code: "wrongType", field: "enabled" }),
    undecided(encryptionByDefault({ enabled: unknown }), "enabled"),
    garbage(encryptionByDefault({ enabled: secret("SECRET"), region: ["SECRET"] })),
    remediates(encryptionByDefault({ enabled: false }), "nothing"),
]);
