import { garbage, noAutoRemediation, passes, policyCases, violates } from "../../cases";
import { trail, trailOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const SECRET = "arn:aws:kms:us-east-1:111122223333:key/SECRET-do-not-echo-77e2";

policyCases("aws-cloudtrail-encryption", [
    passes(trail()),
    // An ARN unknown at preview, or a secret one, is set.
    passes(trail({ kmsKeyId: unknown })),
    passes(trail({ kmsKeyId: secret(SECRET) })),
    violates(trail({ kmsKeyId: undefined }), { code: "notSet", field: "kmsKeyId" }),
    violates(trail({ kmsKeyId: "  " }), { code: "notSet", field: "kmsKeyId" }),
    violates(trail({ kmsKeyId: ["arn"] }), { code: "wrongType", field: "kmsKeyId" }),
    garbage(trail({ kmsKeyId: { SECRET } })),
    garbage(trail({ kmsKeyId: secret(SECRET), cloudWatchLogsGroupArn: secret(SECRET), cloudWatchLogsRoleArn: secret(SECRET) })),
    noAutoRemediation(trail({ kmsKeyId: undefined })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(trailOutputs()),
    violates(trailOutputs({ kmsKeyId: "" }), { code: "notSet", field: "kmsKeyId" }),
]);
