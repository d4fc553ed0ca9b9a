import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { garbage, noAutoRemediation, passes, policyCases, violates } from "../../cases";
import { cloudFunction, cloudFunctionOutputs, cloudFunctionV2, cloudFunctionV2Outputs } from "../../factories";

const policy = "gcp-cloudfunctions-encryption-at-rest";

policyCases(policy, [
    passes(cloudFunction()),
    passes(cloudFunctionV2()),
    passes(cloudFunctionV2({ kmsKeyName: unknown })),
    violates(cloudFunction({ kmsKeyName: undefined }), { code: "notSet", field: "kmsKeyName" }),
    violates(cloudFunctionV2({ kmsKeyName: "" }), { code: "notSet", field: "kmsKeyName" }),
    violates(cloudFunction({ kmsKeyName: 4 }), { code: "wrongType", field: "kmsKeyName" }),
    passes(cloudFunctionOutputs()),
    passes(cloudFunctionV2Outputs()),
    violates(cloudFunctionV2Outputs({ kmsKeyName: "" }), { code: "notSet", field: "kmsKeyName" }),
    garbage(cloudFunction({ kmsKeyName: secret("projects/p/locations/l/keyRings/r/cryptoKeys/SECRET") })),
    noAutoRemediation(cloudFunction({ kmsKeyName: undefined })),
]);
