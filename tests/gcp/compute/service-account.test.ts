import { garbage, misconfigured, noAutoRemediation, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { computeGarbage, computeSecrets, GCP_APP_SA, GCP_DEFAULT_SA, instance, instanceOutputs, instanceTemplateOutputs, vms } from "../../factories";
import { unknown } from "../../../tools/lib/analyzer-client";
import { fromImage, fromTemplate, stateFromImage, stateFromTemplate, stateInstance } from "./fixtures";

const policy = "gcp-compute-service-account";
const defaultServiceAccount = "defaultServiceAccount";
const forbidDefault = { forbidDefaultServiceAccount: true };

policyCases(policy, [
    ...vms().map(r => passes(r)),
    // The default account with the cloud-platform scope, however either is spelled.
    ...[GCP_DEFAULT_SA, GCP_DEFAULT_SA.toUpperCase(), "default", undefined, ""].flatMap(email =>
        [["cloud-platform"], ["https://www.googleapis.com/auth/cloud-platform"], ["userinfo-email", "CLOUD-PLATFORM"]].flatMap(scopes =>
            vms({ serviceAccount: { email, scopes } }).map(r => violates(r, { code: defaultServiceAccount, field: "serviceAccount.scopes" })),
        ),
    ),
    // The account's project number is not echoed.
    ...[GCP_DEFAULT_SA, GCP_DEFAULT_SA.toUpperCase()].map(email => garbage(instance({ serviceAccount: { email, scopes: ["cloud-platform"] } }), undefined, ["123456789012"])),
    // A dedicated account with any scopes, the default account with narrow scopes, no service account.
    passes(instance({ serviceAccount: { email: GCP_APP_SA, scopes: ["cloud-platform"] } })),
    passes(instance({ serviceAccount: { email: GCP_DEFAULT_SA, scopes: ["logging-write", "monitoring-write"] } })),
    passes(instance({ serviceAccount: { email: "default", scopes: [] } })),
    passes(instance({ serviceAccount: undefined })),
    passes(instance({ serviceAccount: { email: unknown, scopes: ["logging-write"] } })),
    passes(instance({ serviceAccount: { email: "7-compute@developer.gserviceaccount.com.evil.example", scopes: ["cloud-platform"] } })),
    // forbidDefaultServiceAccount: the default account with any scopes.
    violates(instance({ serviceAccount: { email: GCP_DEFAULT_SA, scopes: ["logging-write"] } }), { code: defaultServiceAccount, field: "serviceAccount.email" }, forbidDefault),
    passes(instance(), forbidDefault),
    misconfigured(instance(), { forbidDefaultServiceAccount: 1 }, "forbidDefaultServiceAccount"),
    // Undecided only when an unknown value decides it.
    undecided(instance({ serviceAccount: { email: unknown, scopes: ["cloud-platform"] } }), "serviceAccount.email"),
    undecided(instance({ serviceAccount: { email: "default", scopes: unknown } }), "serviceAccount.scopes"),
    undecided(instance({ serviceAccount: { scopes: ["logging-write", unknown] } }), "serviceAccount.scopes"),
    undecided(instance({ serviceAccount: unknown }), "serviceAccount"),
    violates(instance({ serviceAccount: { email: 42, scopes: ["cloud-platform"] } }), { code: "wrongType", field: "serviceAccount.email" }),
    violates(instance({ serviceAccount: { scopes: "cloud-platform" } }), { code: "wrongType", field: "serviceAccount.scopes" }),
    violates(instance({ serviceAccount: "default" }), { code: "wrongType", field: "serviceAccount" }),
    violates(instance({ serviceAccount: [{ scopes: ["cloud-platform"] }] }), { code: defaultServiceAccount, field: "serviceAccount.scopes" }),
    ...computeGarbage.flatMap(props => vms(props).map(r => garbage(r, undefined, computeSecrets))),
    noAutoRemediation(instance({ serviceAccount: { scopes: ["cloud-platform"] } })),
    // Outputs-shaped (state, `pulumi stack export`): provider defaults filled in, "" for unset strings.
    passes(instanceOutputs()),
    passes(instanceTemplateOutputs()),
    violates(instanceOutputs({ serviceAccount: { email: GCP_DEFAULT_SA, scopes: ["https://www.googleapis.com/auth/cloud-platform"] } }), { code: defaultServiceAccount, field: "serviceAccount.scopes" }),
    // No service account in state.
    passes(instanceOutputs({ serviceAccount: null })),
]);

// Templates, machine images, project metadata and outputs: gcp-compute-service-account on VMs built from a template or machine image (no block
// means the source's account, not none) and on outputs-shaped instances.


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
