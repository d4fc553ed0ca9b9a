import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { ec2LaunchConfiguration, ec2LaunchConfigurationOutputs, ec2LaunchTemplate, ec2LaunchTemplateOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const lcField = "associatePublicIpAddress";
const nic = (value: unknown) => ({ networkInterfaces: [{ associatePublicIpAddress: value, securityGroups: [unknown] }] });

policyCases("aws-autoscaling-launch-no-public-ip", [
    passes(ec2LaunchConfiguration()),
    passes(ec2LaunchConfiguration({ [lcField]: undefined })),
    passes(ec2LaunchTemplate()),
    passes(ec2LaunchTemplate({ networkInterfaces: undefined })),
    passes(ec2LaunchTemplate(nic(undefined))),
    passes(ec2LaunchTemplate(nic(false))),
    passes(ec2LaunchConfigurationOutputs()),
    passes(ec2LaunchTemplateOutputs()),
    passes(ec2LaunchTemplateOutputs({ networkInterfaces: [{ associatePublicIpAddress: "", deviceIndex: 0 }] })),
    violates(ec2LaunchConfiguration({ [lcField]: true }), { code: "notAllowed", field: lcField }),
    violates(ec2LaunchConfigurationOutputs({ [lcField]: true }), { code: "notAllowed", field: lcField }),
    violates(ec2LaunchTemplate(nic("true")), { code: "notAllowed", field: "networkInterfaces[0].associatePublicIpAddress" }),
    violates(ec2LaunchTemplate(nic(true)), { code: "notAllowed", field: "networkInterfaces[0].associatePublicIpAddress" }),
    violates(ec2LaunchTemplate({ networkInterfaces: [{ deviceIndex: 0 }, { deviceIndex: 1, associatePublicIpAddress: "TRUE" }] }), { code: "notAllowed", field: "networkInterfaces[1].associatePublicIpAddress" }),
    violates(ec2LaunchTemplateOutputs({ networkInterfaces: [{ associatePublicIpAddress: "true", deviceIndex: 0 }] }), { code: "notAllowed" }),
    violates(ec2LaunchConfiguration({ [lcField]: "yes" }), { code: "wrongType", field: lcField }),
    violates(ec2LaunchTemplate(nic(1)), { code: "wrongType", field: "networkInterfaces[0].associatePublicIpAddress" }),
    undecided(ec2LaunchConfiguration({ [lcField]: unknown }), lcField),
    undecided(ec2LaunchTemplate(nic(unknown)), "networkInterfaces[0].associatePublicIpAddress"),
    undecided(ec2LaunchTemplate({ networkInterfaces: unknown }), "networkInterfaces"),
    garbage(ec2LaunchTemplate({ networkInterfaces: [secret("SECRET"), { associatePublicIpAddress: { SECRET: 1 } }, "SECRET"] })),
    garbage(ec2LaunchConfiguration({ [lcField]: secret("SECRET") })),
    noAutoRemediation(ec2LaunchConfiguration({ [lcField]: true })),
]);
