import { garbage, noAutoRemediation, passes, policyCases, violates } from "../../cases";
import { logGroup, logGroupOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const policy = "aws-cloudwatch-log-encryption";
const field = "kmsKeyId";
const SECRET = "arn:aws:kms:us-east-1:111122223333:key/SECRET-do-not-echo-41c7";

policyCases(policy, [
    passes(logGroup()),
    ...[undefined, "", null].map(key => violates(logGroup({ [field]: key }), { code: "notSet", field })),
    // An ARN unknown at preview, or held in a secret, is set.
    passes(logGroup({ [field]: unknown })),
    passes(logGroup({ [field]: secret(SECRET) })),
    violates(logGroup({ [field]: 31337 }), { code: "wrongType", field }),
    violates(logGroup({ [field]: { arn: SECRET } }), { code: "wrongType", field }),
    ...[{ [field]: secret(12) }, { [field]: [unknown] }, { [field]: { nested: unknown } }, { [field]: [SECRET] }, { [field]: SECRET, name: secret(SECRET) }].map(props => garbage(logGroup(props))),
    noAutoRemediation(logGroup({ [field]: undefined })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(logGroupOutputs()),
    violates(logGroupOutputs({ [field]: "" }), { code: "notSet", field }),
]);
