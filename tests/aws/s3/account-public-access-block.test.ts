import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { accountPublicAccessBlock } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

policyCases("aws-s3-account-public-access-block", [
    passes(accountPublicAccessBlock()),
    passes(accountPublicAccessBlock({ accountId: "111122223333" })),
    ...flags.map(field => violates(accountPublicAccessBlock({ [field]: undefined }), { code: "absentDefault", field })),
    ...flags.map(field => violates(accountPublicAccessBlock({ [field]: false }), { code: "notAllowed", field })),
    violates(accountPublicAccessBlock({ blockPublicAcls: false, restrictPublicBuckets: undefined }), [
        { code: "notAllowed", field: "blockPublicAcls" },
        { code: "absentDefault", field: "restrictPublicBuckets" },
    ]),
    violates(accountPublicAccessBlock({ blockPublicPolicy: "true" }), { code: "wrongType", field: "blockPublicPolicy" }),
    undecided(accountPublicAccessBlock({ ignorePublicAcls: unknown }), "ignorePublicAcls"),
    garbage(accountPublicAccessBlock({ blockPublicAcls: secret("SECRET"), accountId: { SECRET: [unknown] } })),
    // Blocking public access account-wide affects buckets other stacks own: never changed automatically.
    remediates(accountPublicAccessBlock({ blockPublicAcls: false }), "nothing"),
]);
