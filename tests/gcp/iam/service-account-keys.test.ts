import { garbage, noAutoRemediation, policyCases, violates } from "../../cases";
import { serviceAccountKey } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

policyCases("gcp-iam-service-account-keys", [
    violates(serviceAccountKey(), { code: "userManagedKey" }),
    violates(serviceAccountKey({ publicKeyData: "LS0tLS1CRUdJTi" }), { code: "userManagedKey" }),
    violates(serviceAccountKey({ serviceAccountId: unknown }), { code: "userManagedKey" }),
    garbage(serviceAccountKey({ privateKey: secret("SECRET"), keyAlgorithm: 7 })),
    noAutoRemediation(serviceAccountKey()),
]);
