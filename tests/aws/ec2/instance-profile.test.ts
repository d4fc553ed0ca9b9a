import { garbage, noAutoRemediation, notApplicable, passes, policyCases, violates } from "../../cases";
import { ec2Instance, ec2InstanceOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "iamInstanceProfile";

policyCases("aws-ec2-instance-profile", [
    passes(ec2Instance()),
    passes(ec2InstanceOutputs()),
    // A profile created in the same program is unknown at preview: it is set.
    passes(ec2Instance({ [field]: unknown })),
    violates(ec2Instance({ [field]: undefined }), { code: "notSet", field }),
    violates(ec2Instance({ [field]: "" }), { code: "notSet", field }),
    violates(ec2InstanceOutputs({ [field]: "" }), { code: "notSet", field }),
    violates(ec2Instance({ [field]: 7 }), { code: "wrongType", field }),
    // The launch template supplies the profile (and is checked itself).
    notApplicable(ec2Instance({ [field]: undefined, launchTemplate: { id: unknown, version: "$Latest" } }), /launch template/),
    notApplicable(ec2Instance({ [field]: undefined, launchTemplate: unknown }), /launch template/),
    violates(ec2Instance({ [field]: undefined, launchTemplate: { id: "", name: "" } }), { code: "notSet", field }),
    violates(ec2InstanceOutputs({ [field]: "", launchTemplate: [] }), { code: "notSet", field }),
    garbage(ec2Instance({ [field]: secret("SECRET"), metadataOptions: "SECRET" })),
    noAutoRemediation(ec2Instance({ [field]: undefined })),
]);

