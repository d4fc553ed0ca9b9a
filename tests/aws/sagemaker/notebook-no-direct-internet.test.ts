import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { sagemakerNotebookInstance } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "directInternetAccess";
/** As state records it: "" for unset strings, empty lists. */
const outputs = (changes: Record<string, unknown> = {}) =>
    sagemakerNotebookInstance({
        acceleratorTypes: [], additionalCodeRepositories: [], arn: "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/phi-notebook", defaultCodeRepository: "",
        id: "phi-notebook", instanceMetadataServiceConfiguration: [{ minimumInstanceMetadataServiceVersion: "2" }], lifecycleConfigName: "", name: "phi-notebook",
        networkInterfaceId: "eni-0a", platformIdentifier: "notebook-al2-v2", region: "us-east-1", rootAccess: "Enabled", securityGroups: ["sg-0a"], tags: {}, tagsAll: {},
        url: "phi-notebook.notebook.us-east-1.sagemaker.aws", volumeSize: 5, ...changes,
    });

policyCases("aws-sagemaker-notebook-no-direct-internet", [
    passes(sagemakerNotebookInstance()),
    passes(outputs()),
    violates(sagemakerNotebookInstance({ [field]: undefined }), { code: "absentDefault", field }),
    violates(sagemakerNotebookInstance({ [field]: "Enabled" }), { code: "notAllowed", field }),
    violates(outputs({ [field]: "Enabled", subnetId: "", securityGroups: [] }), { code: "notAllowed", field }),
    // Outputs write "" for what the program left out: the default applies.
    violates(outputs({ [field]: "" }), { code: "absentDefault", field }),
    violates(sagemakerNotebookInstance({ [field]: "Off" }), { code: "unrecognised", field }),
    violates(sagemakerNotebookInstance({ [field]: false }), { code: "wrongType", field }),
    undecided(sagemakerNotebookInstance({ [field]: unknown }), field),
    garbage(sagemakerNotebookInstance({ [field]: secret("SECRET"), subnetId: { SECRET: [1] } })),
    noAutoRemediation(sagemakerNotebookInstance({ [field]: "Enabled" })),
]);
