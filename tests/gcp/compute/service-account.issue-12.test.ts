// Issue 12: gcp-compute-service-account on VMs built from a template or machine image (no block
// means the source's account, not none) and on outputs-shaped instances.

import { garbage, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { GCP_APP_SA } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, stateFromImage, stateFromTemplate, stateInstance } from "./issue-12-fixtures";

const DEFAULT_SA = "123456789012-compute@developer.gserviceaccount.com";
const fullScope = "https://www.googleapis.com/auth/cloud-platform";

policyCases("gcp-compute-service-account", [
    passes(stateInstance()),
    passes(stateFromTemplate()),
    passes(stateFromImage()),
    // Outputs name the default account by its address and scopes by URL.
    violates(stateInstance({ serviceAccount: { email: DEFAULT_SA, scopes: [fullScope] } }), { code: "defaultServiceAccount", field: "serviceAccount.scopes" }),
    // The recorded state has no service account at all; read back, a template-built VM's missing block is none too.
    passes(stateInstance({ serviceAccount: undefined })),
    passes(stateFromImage({ serviceAccount: undefined })),
    passes(stateFromTemplate({ serviceAccount: undefined })),
    notApplicable(fromTemplate(), /serviceAccount comes from the VM's sourceInstanceTemplate/),
    notApplicable(fromImage(), /serviceAccount comes from the VM's sourceMachineImage/),
    passes(fromTemplate({ serviceAccount: { email: GCP_APP_SA, scopes: ["cloud-platform"] } })),
    violates(fromTemplate({ serviceAccount: { scopes: ["cloud-platform"] } }), { code: "defaultServiceAccount", field: "serviceAccount.scopes" }),
    violates(fromImage({ serviceAccount: { email: DEFAULT_SA, scopes: ["logging-write"] } }), { code: "defaultServiceAccount", field: "serviceAccount.email" }, { forbidDefaultServiceAccount: true }),
    undecided(fromTemplate({ serviceAccount: unknown }), "serviceAccount"),
    garbage(fromTemplate({ serviceAccount: { email: ["SECRET"], scopes: "SECRET" } })),
]);
